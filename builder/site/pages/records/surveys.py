"""Satisfaction surveys (9.1.2): one survey's results per question group as a bar chart against
the quality objective it measures, and every survey of every year. Aggregates only: records
never hold respondents' personal data."""
from __future__ import annotations

from builder.catalog import Catalog
from builder.documents.model import Target
from builder.markup.literal import cell
from builder.records import labels as L
from builder.records.model import CycleRecord
from builder.records.queries import survey_target
from builder.site.generator import unindexed
from builder.site.markdown import badge, esc, table
from builder.site.model import GeneratedPage
from builder.site.pages.records.common import (NONE, REGISTER_URIS, bullets,
                                               by_year, count_label, doc_link,
                                               field_label, of_kind, period,
                                               record_link, status_badge, text,
                                               year_heading)
from builder.site.svg import OPS, rate_bars
from builder.structured import measured, number

SURVEYS_PAGE = REGISTER_URIS["survey"]
KIND = "survey"


def rates(record: CycleRecord) -> list[tuple[str, float]]:
    return [(r.get("group") or "", r["rate"]) for r in record.items("results") if r.get("rate") is not None]


def target_text(target: Target) -> str:
    return L.SURVEY_TARGET.format(op=OPS.get(target.op, target.op), value=measured(target.target, target.measure))


def objective_text(record: CycleRecord, catalog: Catalog, uri: str) -> str:
    """'MTCL.2026, MT.03: Tỷ lệ ... (chỉ tiêu ≥ 95%)', the objectives document linked."""
    link = record.get("objective") or {}
    if not link.get("document"):
        return L.SURVEY_NO_TARGET
    target = survey_target(catalog, record)
    out = f"{doc_link(link['document'], catalog, uri)}, {text(link.get('target'))}"
    if target is not None:
        out += f": {cell(target.name)} ({target_text(target).lower()})"
    return out


def chart(record: CycleRecord, catalog: Catalog) -> str:
    """The survey's bar chart in a figure, its caption the record's id and service."""
    target = survey_target(catalog, record)
    svg = rate_bars(rates(record), L.SURVEY_CHART.format(id=record.id),
                    target.target if target else None, target_text(target) if target else "",
                    target.met if target else None)
    return (f'<figure class="qms-figure" data-survey="{esc(record.id)}"><figcaption>{esc(record.id)}. '
            f'{esc(record.get("service") or record.title)}</figcaption>{svg}</figure>')


def results_table(record: CycleRecord, catalog: Catalog) -> str:
    target = survey_target(catalog, record)
    rows = []
    for group, rate in rates(record):
        verdict = NONE
        if target is not None:
            met = target.met(rate)
            verdict = badge(L.SURVEY_VERDICTS[met], "ok" if met else "bad")
        rows.append([text(group), number(rate), verdict])
    header = [field_label(KIND, "results", "group"), field_label(KIND, "results", "rate"),
              target_text(target) if target else L.SURVEY_NO_TARGET]
    return table(header, rows) if rows else NONE


def themes_table(record: CycleRecord) -> str:
    rows = [[text(t.get("theme")), text(t.get("count"))] for t in record.items("themes")]
    return table([field_label(KIND, "themes", "theme"), field_label(KIND, "themes", "count")], rows) if rows else ""


def facts(record: CycleRecord, catalog: Catalog, uri: str) -> str:
    return bullets([(field_label(KIND, "period"), period(record.get("period"))),
                    (field_label(KIND, "service"), text(record.get("service"))),
                    (field_label(KIND, "tthc"), ", ".join(text(t) for t in record.get("tthc", [])) or NONE),
                    (field_label(KIND, "sample"), text(record.get("sample"))),
                    (field_label(KIND, "method"), text(record.get("method"))),
                    (field_label(KIND, "objective"), objective_text(record, catalog, uri))])


def details(record: CycleRecord, catalog: Catalog, uri: str) -> str:
    out = [facts(record, catalog, uri), f"## {field_label(KIND, 'results')}",
           f'<div class="qms-charts">{chart(record, catalog)}</div>', results_table(record, catalog)]
    themes = themes_table(record)
    if themes:
        out += [f"## {L.THEMES}", themes]
    return "\n\n".join(out)


def survey_section(record: CycleRecord, catalog: Catalog) -> list[str]:
    return [f"### {record_link(record, SURVEYS_PAGE)} {cell(record.title)} {status_badge(record)}",
            facts(record, catalog, SURVEYS_PAGE), f'<div class="qms-charts">{chart(record, catalog)}</div>',
            unindexed(results_table(record, catalog))]


def surveys_page(catalog: Catalog) -> GeneratedPage:
    out = [f"# {L.REGISTER_TITLES[KIND]}",
           "Kết quả từng đợt khảo sát sự hài lòng của người dân, tổ chức theo nhóm câu hỏi, so với chỉ tiêu của mục "
           "tiêu chất lượng tương ứng (đường nét đứt); cột xanh là nhóm đạt chỉ tiêu, cột đỏ là nhóm chưa đạt."]
    surveys = of_kind(catalog, KIND)
    for year, items in by_year(surveys):
        out.append(year_heading(year) + f" ({count_label(len(items))})")
        for record in items:
            out += survey_section(record, catalog)
    if not surveys:
        out.append(L.REGISTER_EMPTY)
    return GeneratedPage(SURVEYS_PAGE, "\n\n".join(out) + "\n")
