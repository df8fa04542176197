"""Training (7.2): who attended one course, and every course of every year with its number of
attendees."""
from __future__ import annotations

from builder.catalog import Catalog
from builder.records import labels as L
from builder.records.model import CycleRecord
from builder.site.generator import unindexed
from builder.site.markdown import table
from builder.site.model import GeneratedPage
from builder.site.pages.records.common import (REGISTER_URIS, bullets, by_year,
                                               field_label, of_kind, period,
                                               person, record_link,
                                               status_badge, text, unit,
                                               year_heading)

TRAININGS_PAGE = REGISTER_URIS["training"]
KIND = "training"


def attendee_count(record: CycleRecord) -> int:
    """People named one by one, plus those counted per unit (a record may use either or both)."""
    return len(record.get("attendees", [])) + sum(c.get("count") or 0 for c in record.items("attendee_counts"))


def details(record: CycleRecord, catalog: Catalog, uri: str) -> str:
    out = [bullets([(field_label(KIND, "course"), text(record.get("course"))),
                    (field_label(KIND, "dates"), period(record.get("dates"))),
                    (field_label(KIND, "organiser"), text(record.get("organiser"))),
                    (L.ATTENDEE_COUNT, str(attendee_count(record)))])]
    people = catalog.organisation.people
    named = [[str(i), person(catalog, p), unit(catalog, people[p].unit if p in people else None)]
             for i, p in enumerate(record.get("attendees", []), 1)]
    if named:
        out += [f"## {field_label(KIND, 'attendees')}", table(list(L.ATTENDEE_COLUMNS), named)]
    counted = [[unit(catalog, c.get("unit")), text(c.get("count"))] for c in record.items("attendee_counts")]
    if counted:
        out += [f"## {field_label(KIND, 'attendee_counts')}",
                table([field_label(KIND, "attendee_counts", "unit"), field_label(KIND, "attendee_counts", "count")],
                      counted)]
    return "\n\n".join(out)


HEADER = [L.RECORD_ID, field_label(KIND, "course"), field_label(KIND, "dates"), field_label(KIND, "organiser"),
          L.ATTENDEE_COUNT, L.STATE_COLUMN]


def trainings_page(catalog: Catalog) -> GeneratedPage:
    out = [f"# {L.REGISTER_TITLES[KIND]}",
           "Các khóa đào tạo, tập huấn về hệ thống quản lý chất lượng theo từng năm, với đơn vị tổ chức và số người "
           "tham dự."]
    trainings = of_kind(catalog, KIND)
    for year, items in by_year(trainings):
        total = sum(attendee_count(r) for r in items)
        rows = [[record_link(r, TRAININGS_PAGE), text(r.get("course")), period(r.get("dates")),
                 text(r.get("organiser")), str(attendee_count(r)), status_badge(r)] for r in items]
        out += [year_heading(year) + f" ({L.ATTENDEE_TOTAL.format(count=len(items), people=total)})",
                unindexed(table(HEADER, rows))]
    if not trainings:
        out.append(L.REGISTER_EMPTY)
    return GeneratedPage(TRAININGS_PAGE, "\n\n".join(out) + "\n")
