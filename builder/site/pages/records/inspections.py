"""Inspections by the province (the lead unit's letter): each recommendation with its follow-up
and the corrective action raised for it, on the inspection's page and in the register."""
from __future__ import annotations

from datetime import date

from builder.catalog import Catalog
from builder.records import labels as L
from builder.records.model import CycleRecord
from builder.records.queries import action_state, actions_for
from builder.site.generator import unindexed
from builder.site.markdown import badge, table
from builder.site.model import GeneratedPage
from builder.site.pages.records.common import (NONE, REGISTER_URIS,
                                               action_links, bullets, by_year,
                                               count_label, day, field_label,
                                               of_kind, record_link,
                                               status_badge, text,
                                               year_heading)

INSPECTIONS_PAGE = REGISTER_URIS["inspection"]
KIND = "inspection"
STATE_TONES = {"done": "ok", "open": "info", "overdue": "bad", "missing": "warn"}


def recommendation_actions(record: CycleRecord, item: dict, catalog: Catalog) -> list[CycleRecord]:
    """Corrective actions answering a recommendation: the one it names, and those whose source
    names this inspection and recommendation."""
    named = catalog.records.get(item.get("record"))
    found = [named] if named is not None and named.kind == "corrective_action" else []
    found += [a for a in actions_for(catalog.records, record.id, item.get("id")) if a not in found]
    return [a for a in found if a.id]


def recommendation_state(record: CycleRecord, item: dict, catalog: Catalog) -> str:
    """done (a completion date reached, or its corrective action closed), overdue (its corrective
    action is), open (something is being done) or missing (no follow-up at all)."""
    today: date = catalog.today
    actions = recommendation_actions(record, item, catalog)
    states = {action_state(a, today) for a in actions}
    if (item.get("done") and item["done"] <= today) or (actions and states == {"closed"}):
        return "done"
    if "overdue" in states:
        return "overdue"
    return "open" if item.get("follow_up") or actions else "missing"


def state_badge(state: str) -> str:
    shown = badge(L.RECOMMENDATION_STATES[state], STATE_TONES[state])
    return f'<span data-recommendation-state="{state}">{shown}</span>'


def recommendations_table(record: CycleRecord, catalog: Catalog, uri: str) -> str:
    rows = []
    for item in record.items("recommendations"):
        actions = recommendation_actions(record, item, catalog)
        rows.append([text(item.get("id")), text(item.get("text")), text(item.get("follow_up")),
                     action_links(actions, catalog.today, uri) or NONE, day(item.get("done")),
                     state_badge(recommendation_state(record, item, catalog))])
    header = [field_label(KIND, "recommendations", key) for key in ("id", "text", "follow_up", "record", "done")]
    return table(header + [L.STATE_COLUMN], rows) if rows else NONE


def letter_text(record: CycleRecord) -> str:
    """'104/SKHCN-CCTĐC ngày 12/06/2026'."""
    return L.LETTER.format(number=text(record.get("letter")), date=day(record.get("letter_date")))


def facts(record: CycleRecord) -> str:
    return bullets([(field_label(KIND, "inspector"), text(record.get("inspector"))),
                    (field_label(KIND, "letter"), letter_text(record))])


def details(record: CycleRecord, catalog: Catalog, uri: str) -> str:
    return f"{facts(record)}\n\n## {L.RECOMMENDATIONS}\n\n{recommendations_table(record, catalog, uri)}"


def inspections_page(catalog: Catalog) -> GeneratedPage:
    out = [f"# {L.REGISTER_TITLES[KIND]}",
           "Các đợt kiểm tra của cơ quan cấp trên theo văn bản kết luận, từng kiến nghị với việc đã làm, hồ sơ hành "
           "động khắc phục và tình trạng thực hiện."]
    inspections = of_kind(catalog, KIND)
    for year, items in by_year(inspections):
        out.append(year_heading(year) + f" ({count_label(len(items))})")
        for r in items:
            out += [f"### {record_link(r, INSPECTIONS_PAGE)} {text(r.title)} {status_badge(r)}",
                    facts(r),
                    unindexed(recommendations_table(r, catalog, INSPECTIONS_PAGE))]
    if not inspections:
        out.append(L.REGISTER_EMPTY)
    return GeneratedPage(INSPECTIONS_PAGE, "\n\n".join(out) + "\n")
