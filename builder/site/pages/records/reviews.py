"""Management reviews (9.3): each 9.3.2 input with its summary and evidence, the 9.3.3 outputs,
and the register of every review with the decisions it took."""
from __future__ import annotations

from builder.catalog import Catalog
from builder.records import labels as L
from builder.records.kinds import REVIEW_INPUTS, REVIEW_OUTPUTS
from builder.records.model import CycleRecord
from builder.site.generator import unindexed
from builder.site.markdown import badge, table
from builder.site.model import GeneratedPage
from builder.site.pages.records.common import (NONE, REGISTER_URIS, bullets,
                                               day, field_label, of_kind,
                                               people, person, record_link,
                                               ref_links, status_badge, text)

REVIEWS_PAGE = REGISTER_URIS["review"]
KIND = "review"


def missing_inputs(record: CycleRecord) -> list[str]:
    """The 9.3.2 inputs the minutes do not cover, in the standard's order."""
    covered = {i.get("input") for i in record.items("inputs") if i.get("summary")}
    return [key for key in REVIEW_INPUTS if key not in covered]


def inputs_table(record: CycleRecord, catalog: Catalog, uri: str) -> str:
    """Every input of 9.3.2 in the standard's order, those not covered flagged."""
    rows = []
    for key, label in REVIEW_INPUTS.items():
        given = [i for i in record.items("inputs") if i.get("input") == key]
        for item in given:
            rows.append([text(label), text(item.get("summary")), ref_links(item.get("evidence"), catalog, uri)])
        if not given:
            rows.append([text(label), badge(L.REVIEW_INPUT_MISSING, "warn"), NONE])
    return table([field_label(KIND, "inputs", "input"), field_label(KIND, "inputs", "summary"),
                  field_label(KIND, "inputs", "evidence")], rows)


OUTPUT_HEADER = [field_label(KIND, "outputs", "type"), field_label(KIND, "outputs", "decision"),
                 field_label(KIND, "outputs", "owner"), field_label(KIND, "outputs", "due")]


def output_row(item: dict, catalog: Catalog) -> list[str]:
    return [text(REVIEW_OUTPUTS.get(item.get("type"), item.get("type"))), text(item.get("decision")),
            person(catalog, item.get("owner")), day(item.get("due"))]


def details(record: CycleRecord, catalog: Catalog, uri: str) -> str:
    facts = bullets([(field_label(KIND, "chair"), person(catalog, record.get("chair"))),
                     (field_label(KIND, "attendees"), people(catalog, record.get("attendees")))])
    outputs = [output_row(i, catalog) for i in record.items("outputs")]
    return "\n\n".join([facts, f"## {L.REVIEW_INPUTS_TITLE}", inputs_table(record, catalog, uri),
                        f"## {L.REVIEW_OUTPUTS_TITLE}", table(OUTPUT_HEADER, outputs) if outputs else NONE])


def inputs_summary(record: CycleRecord) -> str:
    """'12/12', or '10/12, thiếu: c7), d)' (the letters of the standard)."""
    missing = missing_inputs(record)
    done = f"{len(REVIEW_INPUTS) - len(missing)}/{len(REVIEW_INPUTS)}"
    return f"{done}, {L.REVIEW_INPUTS_LACKING}: " + ", ".join(REVIEW_INPUTS[k].split(" ", 1)[0] for k in missing) \
        if missing else done


def reviews_page(catalog: Catalog) -> GeneratedPage:
    reviews = of_kind(catalog, KIND)
    out = [f"# {L.REGISTER_TITLES[KIND]}",
           "Các cuộc họp xem xét của lãnh đạo: ngày họp, chủ trì, số đầu vào theo khoản 9.3.2 TCVN ISO 9001:2015 "
           "đã xem xét và các quyết định (đầu ra theo khoản 9.3.3) với người chủ trì và hạn thực hiện."]
    if not reviews:
        out.append(L.REGISTER_EMPTY)
        return GeneratedPage(REVIEWS_PAGE, "\n\n".join(out) + "\n")
    header = [L.YEAR, L.RECORD_ID, field_label(KIND, "title"), L.REVIEW_DATE, field_label(KIND, "chair"),
              field_label(KIND, "inputs"), L.REVIEW_OUTPUTS_TITLE, L.STATE_COLUMN]
    rows = [[str(r.year or NONE), record_link(r, REVIEWS_PAGE), text(r.title), day(r.date),
             person(catalog, r.get("chair")), inputs_summary(r), str(len(r.items("outputs"))), status_badge(r)]
            for r in reviews]
    decisions = [[str(r.year or NONE), record_link(r, REVIEWS_PAGE)] + output_row(i, catalog)
                 for r in reviews for i in r.items("outputs")]
    out += [unindexed(table(header, rows)), f"## {L.REVIEW_OUTPUTS_TITLE}",
            unindexed(table([L.YEAR, L.RECORD_ID] + OUTPUT_HEADER, decisions)) if decisions else NONE]
    return GeneratedPage(REVIEWS_PAGE, "\n\n".join(out) + "\n")
