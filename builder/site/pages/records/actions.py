"""Nonconformities and corrective actions (10.2): one action's page, and the live register that
the paper form BM.12 copies, every action of every year with its state as of the build date."""
from __future__ import annotations

from builder.catalog import Catalog
from builder.records import labels as L
from builder.records.kinds import ACTION_SOURCES, VERIFICATION_RESULTS
from builder.records.model import CycleRecord
from builder.records.queries import action_state
from builder.site.generator import unindexed
from builder.site.markdown import filter_bar, table
from builder.site.model import GeneratedPage
from builder.site.pages.records.common import (NONE, REGISTER_URIS,
                                               action_badge, bullets, day,
                                               field_label, of_kind,
                                               paragraphs, person, record_link,
                                               ref_link, text, unit)

ACTIONS_PAGE = REGISTER_URIS["corrective_action"]
KIND = "corrective_action"


def source_item(record: CycleRecord, catalog: Catalog) -> dict | None:
    """The finding or recommendation the action answers, read from its source record."""
    source = record.get("source", {})
    origin = catalog.records.get(source.get("record"))
    if origin is None or not source.get("item"):
        return None
    items = origin.items("findings") + origin.items("recommendations")
    return next((i for i in items if str(i.get("id")) == str(source["item"])), None)


def source_text(record: CycleRecord, catalog: Catalog, uri: str) -> str:
    """'Đánh giá nội bộ: DGNB-2026-01, mục 2' with the source record linked."""
    source = record.get("source", {})
    out = text(ACTION_SOURCES.get(source.get("type"), source.get("type")))
    if source.get("record"):
        out += ": " + ref_link(source["record"], catalog, uri)
        if source.get("item"):
            out += ", " + L.SOURCE_ITEM.get(source.get("type"), L.SOURCE_ITEM_OTHER).format(item=text(source["item"]))
    return out


def verification_text(record: CycleRecord, catalog: Catalog) -> str:
    check = record.get("verification") or {}
    if not check.get("by"):
        return L.NOT_VERIFIED
    result = VERIFICATION_RESULTS.get(check.get("result"), check.get("result"))
    return L.VERIFICATION_LINE.format(result=text(result), by=person(catalog, check["by"]), date=day(check.get("date")))


def details(record: CycleRecord, catalog: Catalog, uri: str) -> str:
    facts = bullets([(field_label(KIND, "source"), source_text(record, catalog, uri)),
                     (field_label(KIND, "responsible"), unit(catalog, record.get("responsible"))),
                     (field_label(KIND, "due"), day(record.get("due"))),
                     (L.STATE_COLUMN, action_badge(record, catalog.today))])
    out = [facts]
    item = source_item(record, catalog)
    if item and item.get("text") and item["text"].rstrip(". ") not in (record.get("description") or ""):
        out.append(f"> {text(item['text'])}")     # the finding as the source record words it
    out.append(paragraphs([(field_label(KIND, key), record.get(key))
                           for key in ("description", "correction", "cause", "action")]))
    check = record.get("verification") or {}
    out.append(f"## {field_label(KIND, 'verification')}")
    if check.get("by"):
        out.append(bullets([(field_label(KIND, "verification", "by"), person(catalog, check["by"])),
                            (field_label(KIND, "verification", "date"), day(check.get("date"))),
                            (field_label(KIND, "verification", "result"),
                             text(VERIFICATION_RESULTS.get(check.get("result"), check.get("result")))),
                            (field_label(KIND, "verification", "note"), text(check.get("note")))]))
    else:
        out.append(L.NOT_VERIFIED)
    return "\n\n".join(p for p in out if p)


HEADER = [L.YEAR, L.RECORD_ID, field_label(KIND, "source"), field_label(KIND, "description"),
          field_label(KIND, "responsible"), field_label(KIND, "due"), L.STATE_COLUMN, field_label(KIND, "verification")]


def action_row(record: CycleRecord, catalog: Catalog, uri: str) -> list[str]:
    return [str(record.year or NONE), record_link(record, uri), source_text(record, catalog, uri),
            text(record.get("description")), unit(catalog, record.get("responsible")), day(record.get("due")),
            action_badge(record, catalog.today), verification_text(record, catalog)]


def actions_page(catalog: Catalog) -> GeneratedPage:
    """Every corrective action, newest first, with a filter by year, source, unit and state."""
    actions = of_kind(catalog, KIND)
    states = [action_state(r, catalog.today) for r in actions]
    summary = (f"Tính đến ngày {day(catalog.today)}: {len(actions)} hành động khắc phục, "
               f"{states.count('closed')} đã đóng, {states.count('open')} đang thực hiện, "
               f"{states.count('overdue')} quá hạn.")
    out = [f"# {L.REGISTER_TITLES[KIND]}",
           "Sổ theo dõi điện tử thay cho sổ giấy: mỗi sự không phù hợp với nguồn phát sinh, đơn vị "
           "thực hiện, hạn hoàn thành, tình trạng và kết quả xác nhận hiệu lực. " + summary]
    if actions:
        out += [filter_bar([L.YEAR, field_label(KIND, "responsible"), L.STATE_COLUMN]),
                unindexed(table(HEADER, [action_row(r, catalog, ACTIONS_PAGE) for r in actions]))]
    else:
        out.append(L.REGISTER_EMPTY)
    return GeneratedPage(ACTIONS_PAGE, "\n\n".join(out) + "\n")
