"""The summary page: the province's yearly summary as the report says it (the same Markdown as
its PDF and DOCX, rendered by builder/markup), with links to both files."""
from __future__ import annotations

from builder.markup.render import render_body
from builder.portal.site import labels as W
from builder.portal.site.escape import esc
from builder.portal.site.layout import Frame, page
from builder.portal.summary import FILE_STEM
from builder.reporting.header import ReportHeader


def file_names(year: int) -> dict[str, str]:
    """The summary's files beside its page, by extension."""
    return {ext: f"{FILE_STEM.format(year=year)}.{ext}" for ext in ("pdf", "docx")}


def summary_html(frame: Frame, header: ReportHeader, body: str, made: dict[str, bool], errors: list[str]) -> str:
    """The page; `made` says which files exist (a link only to those), `errors` why not."""
    names = file_names(header.year)
    links = {ext: (f'<a href="{esc(names[ext])}">{esc(text)}</a>' if made.get(ext) else "")
             for ext, text in (("pdf", W.SUMMARY_PDF), ("docx", W.SUMMARY_DOCX))}
    files = (f'<p class="pt-files">{esc(W.SUMMARY_FILES)} {links["pdf"] or esc(W.SUMMARY_PDF)} · '
             f'{links["docx"] or esc(W.SUMMARY_DOCX)}</p>')
    failed = "".join(f'<p class="pt-error">{esc(W.SUMMARY_PRINT_FAILED.format(error=e))}</p>' for e in errors)
    to = "; ".join(header.addressees)
    html = (f"<h1>{esc(W.SUMMARY_HEADING.format(year=header.year))}</h1>\n{files}\n{failed}\n"
            f'<div class="pt-report"><p class="pt-report-title"><strong>{esc(header.title)}</strong><br>'
            f"<strong>{esc(header.subject)}</strong></p>\n"
            f'<p class="pt-report-to">{esc(W.SUMMARY_TO)}: {esc(to)}</p>\n'
            f"{render_body(body).html}</div>")
    return page(frame, W.SUMMARY_HEADING.format(year=header.year), html, 1, "summary")
