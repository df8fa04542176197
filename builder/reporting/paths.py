"""Where the yearly report is published and what its files are called: its site page
(bao-cao/<year>/), its PDF and DOCX beside the page, the names `qms report` writes."""
from __future__ import annotations

from builder.addresses import page_url_of

REPORTS_FOLDER = "bao-cao"
FORMATS = ("pdf", "docx")


def report_stem(year: int) -> str:
    """'BC-HTQLCL-2026': báo cáo (BC) on the hệ thống quản lý chất lượng (HTQLCL) of the year."""
    return f"BC-HTQLCL-{year}"


def report_file_name(year: int, extension: str) -> str:
    return f"{report_stem(year)}.{extension}"


def report_page_uri(year: int) -> str:
    """The report's page: bao-cao/2026.md, published at bao-cao/2026/."""
    return f"{REPORTS_FOLDER}/{year}.md"


def report_site_path(year: int, extension: str) -> str:
    """Site path of the report's file, beside its page: bao-cao/2026/BC-HTQLCL-2026.pdf."""
    return f"{page_url_of(report_page_uri(year))}{report_file_name(year, extension)}"


def report_years(catalog) -> list[int]:
    """Years with a report page, newest first: the current year, and the previous one when the
    repository holds records of it."""
    year = catalog.today.year
    return [year] + ([year - 1] if year - 1 in catalog.records.years() else [])


def published_year(catalog) -> int:
    """The year whose PDF and DOCX the site build publishes: the current one."""
    return catalog.today.year


def published_report_files(catalog) -> dict[str, tuple[int, str]]:
    """Site path → (year, extension) of every report file the build writes."""
    year = published_year(catalog)
    return {report_site_path(year, ext): (year, ext) for ext in FORMATS}
