"""On a form's page: the records made on it, counted per year, each year linked to the records
themselves (or to their register when there are many)."""
from __future__ import annotations

from builder.catalog import Catalog
from builder.documents.model import Document
from builder.records import labels as L
from builder.records.queries import records_on_form
from builder.site.generator import unindexed_heading
from builder.site.markdown import md_link
from builder.site.pages.records.common import (REGISTER_URIS, count_label,
                                               published, record_link)

LISTED = 10     # a year's records are linked one by one up to this many, else through the register


def _by_form(catalog: Catalog) -> dict[str, list]:
    """Record pages by the form they were made on, once per catalog (a thousand forms' pages)."""
    def index():
        out: dict[str, list] = {}
        for r in published(catalog):
            out.setdefault(r.form_code, []).append(r)
        return out
    return catalog.memo("records-by-form", index)


def form_records_section(doc: Document, catalog: Catalog, uri: str) -> str:
    """'Hồ sơ lập theo biểu mẫu này': '- Năm 2026: 2 hồ sơ: DGNB-2026-01, ...'; nothing for a
    document that is not a form or a form nothing was made on yet."""
    if doc.kind != "form" or not doc.code:
        return ""
    made = _by_form(catalog).get(doc.code, [])
    counts = records_on_form(catalog.records, doc.code) if made else {}
    if not counts:
        return ""
    lines = []
    for year, count in counts.items():
        of_year = sorted((r for r in made if r.year == year), key=lambda r: r.id)
        kinds = sorted({r.kind for r in of_year}, key=list(REGISTER_URIS).index)
        registers = ", ".join(f"[{L.REGISTER_TITLES[k]}]({md_link(uri, REGISTER_URIS[k])})" for k in kinds)
        line = f"- {L.YEAR_HEADING.format(year=year)}: {count_label(count)}" + (f" ({registers})" if registers else "")
        if of_year and len(of_year) <= LISTED:
            line += ": " + ", ".join(record_link(r, uri) for r in of_year)
        lines.append(line)
    return f"{unindexed_heading(L.FORM_RECORDS)}\n\n" + "\n".join(lines)
