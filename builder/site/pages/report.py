"""'Báo cáo năm <year>': the yearly QMS report on the site, for the current year and the previous
one when it has records. The body is the report's one Markdown (builder/reporting/report.py), the
text the PDF and DOCX print, with each figure's sources linked to their record or document page
and each value marked with its key (`data-figure`), so that a reader (or a test) can check any
number against its evidence. The current year's PDF and DOCX are published beside the page."""
from __future__ import annotations

from functools import partial

from builder.catalog import Catalog
from builder.markup.literal import cell
from builder.reporting import labels as L
from builder.reporting.figures import Figure, Source
from builder.reporting.header import report_header
from builder.reporting.paths import (FORMATS, published_year, report_page_uri,
                                     report_site_path, report_years)
from builder.reporting.report import Sources, report_markdown
from builder.reporting.values import figure_text
from builder.site.markdown import esc, href
from builder.site.model import GeneratedPage, NavItem
from builder.site.pages.records.common import ref_link


class Linked(Sources):
    """The site's way of writing sources and values: links to the evidence, values marked."""

    def __init__(self, catalog: Catalog, uri: str):
        self.catalog, self.uri = catalog, uri

    def source(self, source: Source) -> str:
        return ref_link(source.ref, self.catalog, self.uri)

    def value(self, figure: Figure) -> str:
        return f'<span class="qms-value" data-figure="{esc(figure.key)}">{cell(figure_text(figure))}</span>'


def downloads(year: int, uri: str, catalog: Catalog) -> str:
    """Links to the PDF and DOCX the build writes beside the page (the current year's), else
    how to make them."""
    if year != published_year(catalog):
        return L.PAGE_NO_FILES.format(year=year)
    names = {"pdf": L.PDF, "docx": L.DOCX}
    links = [f'<a href="{esc(href(uri, report_site_path(year, ext)))}" download>{names[ext]}</a>' for ext in FORMATS]
    return f"**{L.PAGE_FILES}:** " + " · ".join(links)


def header_lines(catalog: Catalog, year: int) -> str:
    """The report's header as the page shows it: number, place and date, addressees."""
    header = report_header(catalog, year)
    to = "; ".join(cell(a) for a in header.addressees)
    return "\n".join([f"- {cell(header.number)}", f"- *{cell(header.place_date)}*", f"- {L.TO}: {to}"])


def footer_lines(catalog: Catalog, year: int) -> str:
    """Recipients and the signer, as under the printed report."""
    header = report_header(catalog, year)
    signer = " ".join(cell(x) for x in (header.signer.authority, header.signer.position, header.signer.name) if x)
    recipients = "; ".join(cell(r) for r in header.recipients)
    return f"**{L.RECIPIENTS}:** {recipients}.\n\n**{signer}**" if signer else f"**{L.RECIPIENTS}:** {recipients}."


def report_page(catalog: Catalog, year: int) -> GeneratedPage:
    uri = report_page_uri(year)
    parts = [f"# {L.PAGE_TITLE.format(year=year)}",
             L.PAGE_INTRO.format(year=year, today=catalog.today.strftime("%d/%m/%Y")),
             downloads(year, uri, catalog), header_lines(catalog, year),
             report_markdown(catalog, year, Linked(catalog, uri)).rstrip(), footer_lines(catalog, year)]
    return GeneratedPage(uri, "\n\n".join(parts) + "\n")


def report_makers(catalog: Catalog) -> dict:
    """The report page of each year that has one (builder/reporting/paths.py)."""
    return {report_page_uri(year): partial(report_page, catalog, year) for year in report_years(catalog)}


def reports_nav(catalog: Catalog) -> NavItem:
    """'Báo cáo năm': one page per year, newest first."""
    return NavItem(L.NAV, children=tuple(NavItem(L.NAV_YEAR.format(year=year), report_page_uri(year))
                                         for year in report_years(catalog)))
