"""Risks and opportunities (6.1): one entry's page, and the register of every year with its
likelihood × impact heat map, drawn at build time from the scale of site_config/records.yml."""
from __future__ import annotations

from builder.catalog import Catalog
from builder.records import labels as L
from builder.records.kinds import EVALUATION_RESULTS, RISK_TYPES
from builder.records.model import CycleRecord
from builder.records.queries import risk_score
from builder.records.settings import RecordSettings
from builder.site.generator import unindexed
from builder.site.markdown import badge, table
from builder.site.model import GeneratedPage
from builder.site.pages.records.common import (NONE, REGISTER_URIS, bullets,
                                               by_year, count_label, day,
                                               field_label, of_kind,
                                               paragraphs, person, record_link,
                                               text, year_heading)
from builder.site.svg import heat_map

RISKS_PAGE = REGISTER_URIS["risk"]
KIND = "risk"
LEVEL_TONES = {"high": "bad", "medium": "warn", "low": "ok"}


def scale_label(labels: tuple[str, ...], value: int | None) -> str:
    """'3. Có thể': a rating with its word on the agency's scale."""
    if not value:
        return NONE
    word = labels[value - 1] if 1 <= value <= len(labels) else ""
    return f"{value}. {text(word)}" if word else str(value)


def level_badge(record: CycleRecord, settings: RecordSettings) -> str:
    score = risk_score(record)
    if not score:
        return NONE
    level = settings.level(score)
    return f'<span data-level="{level}">{badge(L.RISK_LEVELS[level], LEVEL_TONES[level])}</span>'


def evaluation_text(record: CycleRecord, catalog: Catalog) -> str:
    check = record.get("evaluation") or {}
    if not check.get("by"):
        return L.NOT_EVALUATED
    result = text(EVALUATION_RESULTS.get(check.get("result"), check.get("result")))
    note = f" {text(check['note'])}" if check.get("note") else ""
    line = L.VERIFICATION_LINE.format(result=result, by=person(catalog, check["by"]), date=day(check.get("date")))
    return line + note


def details(record: CycleRecord, catalog: Catalog, uri: str) -> str:
    settings = catalog.record_settings
    score = risk_score(record)
    facts = bullets([
        (field_label(KIND, "type"), text(RISK_TYPES.get(record.get("type"), record.get("type")))),
        (field_label(KIND, "likelihood"), scale_label(settings.likelihood, record.get("likelihood"))),
        (field_label(KIND, "impact"), scale_label(settings.impact, record.get("impact"))),
        (L.RISK_SCORE, f"{score} {level_badge(record, settings)}" if score else NONE),
        (field_label(KIND, "owner"), person(catalog, record.get("owner"))),
        (field_label(KIND, "due"), day(record.get("due")))])
    long = paragraphs([(field_label(KIND, "description"), record.get("description")),
                       (field_label(KIND, "treatment"), record.get("treatment"))])
    return "\n\n".join(p for p in (facts, long, f"## {field_label(KIND, 'evaluation')}",
                                   evaluation_text(record, catalog)) if p)


def risk_heat_map(records: list[CycleRecord], settings: RecordSettings, what: str, year: int | None) -> str:
    """The heat map of one year's risks (or opportunities): how many were rated in each cell."""
    counts: dict[tuple[int, int], int] = {}
    for r in records:
        key = (r.get("likelihood"), r.get("impact"))
        if all(isinstance(v, int) for v in key):
            counts[key] = counts.get(key, 0) + 1
    noun = L.HEAT_MAP_WHAT[what]

    def cell_label(likelihood, impact, score, level, count):
        return L.HEAT_MAP_CELL.format(likelihood=scale_label(settings.likelihood, likelihood),
                                      impact=scale_label(settings.impact, impact), score=score,
                                      level=L.RISK_LEVELS[level].lower(), count=count, what=noun)

    return heat_map(counts, settings.likelihood, settings.impact, settings.level, L.RISK_LEVELS, cell_label,
                    L.HEAT_MAP.format(what=noun, year=year or NONE),
                    (field_label(KIND, "likelihood"), field_label(KIND, "impact")))


HEADER = [L.RECORD_ID, L.RISK_ENTRY, L.RISK_SCORE, L.RISK_LEVEL, field_label(KIND, "treatment"),
          field_label(KIND, "owner"), field_label(KIND, "due"), field_label(KIND, "evaluation")]


def evaluation_short(record: CycleRecord) -> str:
    """The register's column: the result and its day (the note is on the record's page)."""
    check = record.get("evaluation") or {}
    if not check.get("by"):
        return L.NOT_EVALUATED
    return f"{text(EVALUATION_RESULTS.get(check.get('result'), check.get('result')))} ({day(check.get('date'))})"


def risk_row(record: CycleRecord, catalog: Catalog) -> list[str]:
    score = risk_score(record)
    rating = f"{record.get('likelihood') or NONE} × {record.get('impact') or NONE} = {score}" if score else NONE
    entry = f"**{text(RISK_TYPES.get(record.get('type'), record.get('type')))}:** {text(record.get('description'))}"
    return [record_link(record, RISKS_PAGE), entry, rating, level_badge(record, catalog.record_settings),
            text(record.get("treatment")), person(catalog, record.get("owner")), day(record.get("due")),
            evaluation_short(record)]


def year_section(year: int | None, records: list[CycleRecord], catalog: Catalog) -> list[str]:
    """A year's heat maps (risks, then opportunities when there are any) and its register table,
    highest score first."""
    settings = catalog.record_settings
    maps = []
    for what in RISK_TYPES:
        rated = [r for r in records if r.get("type") == what]
        if rated or what == "risk":
            title = L.HEAT_MAP.format(what=L.HEAT_MAP_WHAT[what], year=year or NONE)
            maps.append(f'<figure class="qms-heat-map" data-type="{what}"><figcaption>{title}</figcaption>'
                        f"{risk_heat_map(rated, settings, what, year)}</figure>")
    ordered = sorted(records, key=lambda r: (-risk_score(r), r.id))
    return [year_heading(year) + f" ({count_label(len(records))})", f'<div class="qms-charts">{"".join(maps)}</div>',
            L.HEAT_MAP_NOTE.format(high=settings.high, medium=settings.medium),
            unindexed(table(HEADER, [risk_row(r, catalog) for r in ordered]))]


def risks_page(catalog: Catalog) -> GeneratedPage:
    out = [f"# {L.REGISTER_TITLES[KIND]}",
           "Rủi ro và cơ hội của từng năm: khả năng xảy ra, mức độ ảnh hưởng theo thang đánh giá của cơ quan, biện "
           "pháp xử lý, người chịu trách nhiệm, hạn và kết quả đánh giá hiệu quả cuối năm."]
    risks = of_kind(catalog, KIND)
    for year, items in by_year(risks):
        out += year_section(year, items, catalog)
    if not risks:
        out.append(L.REGISTER_EMPTY)
    return GeneratedPage(RISKS_PAGE, "\n\n".join(out) + "\n")
