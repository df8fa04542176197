"""The province portal's static site: plain HTML, in Vietnamese, offline.

Written directly rather than through MkDocs: 1,000 agency pages come out in about a second
instead of the half minute MkDocs and its theme take for as many pages, each page weighs a few
kilobytes instead of tens (no navigation of every page on every page), and every string an agency
sent is escaped by the one function that writes it (escape.py) instead of passing through
templates and a Markdown reader. The look follows the agencies' intranet sites (their fonts, badge
colours); the search is the portal's own, over a sharded index (search_index.py).

`build_portal` is what `qms portal` calls, into a staging folder it swaps in on success:

    index.html                        every agency with its traffic lights (index_page.py)
    co-quan/<id>/index.html           one page per agency (agency_page.py)
    tim-kiem/index.html, tim-kiem/*   the province-wide search and its index files
    tong-hop/index.html, .pdf, .docx  the province's yearly summary (builder/portal/summary.py)
    assets/                           stylesheet, scripts, fonts
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from builder.portal.model import Collected
from builder.portal.site import search_index
from builder.portal.site.agencies import Agency, agency_list
from builder.portal.site.agency_page import agency_html
from builder.portal.site.assets import asset_files, theme_fonts
from builder.portal.site.escape import site_base, site_path
from builder.portal.site.index_page import index_html
from builder.portal.site.layout import (INDEX, SEARCH, SUMMARY, SUMMARY_FOLDER,
                                        Frame, agency_path)
from builder.portal.site.search_page import search_html
from builder.portal.site.summary_page import file_names, summary_html
from builder.portal.summary import (Line, province_summary, render_summary,
                                    summary_header, summary_markdown)


def build_portal(config, collected: list[Collected], out_dir: Path, today: date) -> list[Path]:
    """Write the whole portal into `out_dir` and return the files written. `config` is the
    portal's configuration (province, lead_unit, stale_days; its folder, when it has one, may hold
    the lead unit's own report template)."""
    files = portal_files(config, collected, today)
    out_dir = Path(out_dir)
    written = []
    for rel, data in files.items():
        path = out_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written


def portal_files(config, collected: list[Collected], today: date, printed: bool = True) -> dict[str, bytes]:
    """Every file of the portal by its path under the site; `printed=False` skips the summary's
    PDF and DOCX (the tests of the pages, the bench of the pages alone)."""
    stale_days = config.stale_days
    items = agency_list(collected, today, stale_days)
    frame = Frame(config.province, config.lead_unit, today, fonts=bool(theme_fonts()))
    pages = {INDEX: index_html(frame, items, stale_days, today),
             SEARCH: search_html(frame, len(items))}
    for agency in items:
        pages[agency_path(agency.folder)] = agency_html(frame, agency, stale_days, today)
    files = {rel: text.encode("utf-8") for rel, text in pages.items()}
    files.update(search_index.build(search_entries(items), [(a.folder, a.name, site_base(a.collected.entry.site_url))
                                                             for a in items]))
    files.update(summary_files(config, frame, items, stale_days, printed))
    files.update({f"assets/{rel}": data for rel, data in asset_files().items()})
    return files


def search_entries(items: list[Agency]) -> list[search_index.Entry]:
    """Every document in force of every agency's manifest, with its page on the agency's site."""
    out = []
    for agency in items:
        manifest = agency.collected.manifest
        documents = manifest.get("documents") if isinstance(manifest, dict) else None
        site = agency.collected.entry.site_url
        for doc in documents if isinstance(documents, list) else []:
            if not isinstance(doc, dict) or doc.get("status") not in search_index.INDEXED_STATUSES:
                continue
            entry = search_index.entry(agency.index, doc.get("code"), doc.get("title"), site_path(site, doc.get("url")))
            if entry is not None:
                out.append(entry)
    return out


def summary_lines(items: list[Agency]) -> list[Line]:
    """The agencies as the summary counts them, with the portal's lights."""
    return [Line(a.name, a.collected.entry.level, a.status,
                 {key: (light.level, light.word) for key, light in a.lights.items()}) for a in items]


def summary_files(config, frame: Frame, items: list[Agency], stale_days: int, printed: bool) -> dict[str, bytes]:
    """The summary page and, when `printed`, its PDF and DOCX beside it."""
    today = frame.today
    summary = province_summary(summary_lines(items), today.year, stale_days)
    body = summary_markdown(summary, config.province, config.lead_unit, today)
    header = summary_header(config.province, config.lead_unit, today.year, today)
    out: dict[str, bytes] = {}
    errors: list[str] = []
    if printed:
        made = render_summary(body, header, today, getattr(config, "folder", None))
        for ext, name in file_names(today.year).items():
            if getattr(made, ext):
                out[f"{SUMMARY_FOLDER}/{name}"] = getattr(made, ext)
        errors = made.errors
    made_ext = {ext: f"{SUMMARY_FOLDER}/{name}" in out for ext, name in file_names(today.year).items()}
    out[SUMMARY] = summary_html(frame, header, body, made_ext, errors).encode("utf-8")
    return out
