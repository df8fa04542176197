"""The TCVN ISO 18091:2020 self-assessment: the traffic lights of the latest year per quadrant
against the year before, with each yellow or red indicator's entry in the action programme, a
count per light, the indicator set with its criteria, and every assessment record; and the
fields of one assessment on its record's page.

Shown only when the agency uses the indicator set (site_config/iso18091.yml) or keeps assessment
records (their pages link here). A light is a coloured badge carrying its word (Xanh, Vàng, Đỏ),
never a colour alone, and the level in `data-level` for scripts and tests."""
from __future__ import annotations

from dataclasses import replace
from functools import partial

from builder.catalog import Catalog
from builder.records import labels as L
from builder.records.assessments import (KIND, NOT_GREEN, change, counts,
                                         of_year, previous, scores, years)
from builder.records.iso18091 import Indicator
from builder.records.kinds import LEVELS
from builder.records.model import CycleRecord
from builder.site.generator import unindexed
from builder.site.markdown import badge, esc, md_link, table
from builder.site.model import GeneratedPage, NavItem
from builder.site.pages.records.common import (NONE, REGISTER_URIS, bullets,
                                               day, field_label, of_kind,
                                               people, person, record_link,
                                               status_badge, text)

ISO18091_PAGE = REGISTER_URIS[KIND]
LIGHT_TONES = {"green": "ok", "yellow": "warn", "red": "bad"}


def shown(catalog: Catalog) -> bool:
    """The page exists when the indicator set is configured or assessment records exist."""
    return catalog.indicator_set is not None or bool(catalog.records.of_kind(KIND))


def iso18091_makers(catalog: Catalog) -> dict:
    return {ISO18091_PAGE: partial(iso18091_page, catalog)} if shown(catalog) else {}


def with_iso18091(section: NavItem, catalog: Catalog) -> NavItem:
    """The 'Hồ sơ' section with this page last, when it is shown."""
    if not shown(catalog):
        return section
    return replace(section, children=section.children + (NavItem(L.REGISTER_TITLES[KIND], ISO18091_PAGE),))


def light(level: str | None) -> str:
    """A level as a coloured badge with its word; 'Chưa đánh giá' when there is none."""
    word, tone = (LEVELS[level], LIGHT_TONES[level]) if level in LEVELS else (L.ISO_NOT_SCORED, "muted")
    return f'<span class="qms-light" data-level="{level if level in LEVELS else "none"}">{badge(word, tone)}</span>'


def change_mark(now: str | None, before: str | None) -> str:
    """↑, ↓ or = with its word, in `data-change`; a dash when either year has no level."""
    moved = change(now, before)
    return f'<span data-change="{moved}">{L.ISO_CHANGE_WORDS[moved]}</span>' if moved else NONE


def action_cell(score: dict | None, catalog: Catalog) -> str:
    """The action programme's entry of a yellow or red score; nothing for green."""
    if not score or score.get("level") not in NOT_GREEN:
        return NONE
    if not score.get("action"):
        return badge(L.ISO_NO_ACTION, "warn")
    return L.ISO_ACTION_LINE.format(action=text(score["action"]), owner=person(catalog, score.get("owner")),
                                    due=day(score.get("due")))


def indicator_label(indicator: Indicator) -> str:
    return f"{text(indicator.id)} {text(indicator.name)}"


def quadrant_table(catalog: Catalog, quadrant_id: str, now: CycleRecord, before: CycleRecord | None) -> str:
    """One row per indicator of the quadrant: this year's light, last year's, the change, the action."""
    given, earlier = scores(now), scores(before)
    header = [L.ISO_INDICATOR, L.ISO_YEAR_COLUMN.format(year=now.year)]
    header += [L.ISO_YEAR_COLUMN.format(year=before.year), L.ISO_CHANGE] if before is not None else []
    header.append(L.ISO_PROGRAMME)
    rows = []
    for indicator in catalog.indicator_set.of_quadrant(quadrant_id):
        score = given.get(indicator.id)
        level = (score or {}).get("level")
        row = [indicator_label(indicator), light(level)]
        if before is not None:
            then = (earlier.get(indicator.id) or {}).get("level")
            row += [light(then), change_mark(level, then)]
        rows.append(row + [action_cell(score, catalog)])
    return f'<div class="qms-iso-quadrant" data-quadrant="{esc(quadrant_id)}" markdown>\n\n{table(header, rows)}\n\n</div>'


def summary(catalog: Catalog, now: CycleRecord, before: CycleRecord | None) -> list[str]:
    """The count per light of this year and last, and how many indicators moved."""
    ids = catalog.indicator_set.ids()
    this, last = counts(now, ids), counts(before, ids) if before is not None else None
    header = [L.ISO_SUMMARY_LEVEL, L.ISO_YEAR_COLUMN.format(year=now.year)]
    header += [L.ISO_YEAR_COLUMN.format(year=before.year)] if before is not None else []
    rows = []
    for level in (*LEVELS, "none"):
        if level == "none" and not this["none"] and not (last or {}).get("none"):
            continue
        cells = [light(level if level != "none" else None),
                 f'<span data-count="{level}">{this[level]}</span>']
        rows.append(cells + ([str(last[level])] if last is not None else []))
    out = [f'<div class="qms-iso-summary" markdown>\n\n{table(header, rows)}\n\n</div>']
    if before is None:
        out.append(L.ISO_NO_PREVIOUS)
        return out
    earlier = scores(before)
    moves = [change((scores(now).get(i) or {}).get("level"), (earlier.get(i) or {}).get("level")) for i in ids]
    out.append(L.ISO_CHANGES.format(year=before.year, better=moves.count("better"), worse=moves.count("worse"),
                                    same=moves.count("same")))
    return out


def year_section(catalog: Catalog, now: CycleRecord) -> list[str]:
    before = previous(catalog.records, now.year)
    facts = [(L.RECORD_ID, f"{record_link(now, ISO18091_PAGE)} {status_badge(now)}"),
             (L.RECORD_DATE, day(now.date)),
             (field_label(KIND, "council"), people(catalog, now.get("council")))]
    if before is not None:
        facts.append((L.ISO_COMPARED, f"{record_link(before, ISO18091_PAGE)} ({day(before.date)})"))
    out = [f"## {L.ISO_YEAR.format(year=now.year)}", bullets(facts), *summary(catalog, now, before)]
    for quadrant in catalog.indicator_set.quadrants:
        out += [f"### {L.ISO_QUADRANT.format(id=text(quadrant.id), name=text(quadrant.name))}",
                quadrant_table(catalog, quadrant.id, now, before)]
    return out


def criteria_section(catalog: Catalog) -> list[str]:
    """The indicator set as configured: each indicator with what makes it green, yellow, red."""
    out = [f"## {L.ISO_CRITERIA}"]
    header = [L.ISO_INDICATOR, *(light(level) for level in LEVELS)]
    for quadrant in catalog.indicator_set.quadrants:
        rows = [[indicator_label(i), *(text(i.criteria.get(level)) for level in LEVELS)]
                for i in catalog.indicator_set.of_quadrant(quadrant.id)]
        out += [f"### {L.ISO_QUADRANT.format(id=text(quadrant.id), name=text(quadrant.name))}", table(header, rows)]
    return out


def records_section(catalog: Catalog) -> list[str]:
    """Every assessment record, newest first, with its count per light."""
    records = of_kind(catalog, KIND)
    if not records:
        return [f"## {L.ISO_RECORDS}", L.ISO_NONE]
    ids = catalog.indicator_set.ids() if catalog.indicator_set is not None else []
    header = [L.YEAR, L.RECORD_ID, field_label(KIND, "title"), L.RECORD_DATE, field_label(KIND, "council"),
              *(LEVELS.values()), L.STATE_COLUMN]
    rows = []
    for r in records:
        found = counts(r, ids) if ids else {level: sum(1 for s in r.items("scores") if s.get("level") == level)
                                            for level in LEVELS}
        rows.append([str(r.year or NONE), record_link(r, ISO18091_PAGE), text(r.title), day(r.date),
                     people(catalog, r.get("council")), *(str(found[level]) for level in LEVELS), status_badge(r)])
    return [f"## {L.ISO_RECORDS}", unindexed(table(header, rows))]


def iso18091_page(catalog: Catalog) -> GeneratedPage:
    out = [f"# {L.REGISTER_TITLES[KIND]}", L.ISO_INTRO]
    indicator_set = catalog.indicator_set
    if indicator_set is None:
        out.append(L.ISO_NO_SET)
    else:
        name = " ".join(text(t) for t in (indicator_set.title, f"({indicator_set.issued_by})" if
                                          indicator_set.issued_by else "") if t)
        size = L.ISO_SET_SIZE.format(indicators=len(indicator_set.indicators), quadrants=len(indicator_set.quadrants))
        out.append(bullets([(L.ISO_SET, f"{name}: {size}" if name else size)]))
        latest = years(catalog.records)
        if latest:
            out += year_section(catalog, of_year(catalog.records, latest[0]))
    out += records_section(catalog)
    if indicator_set is not None:
        out += criteria_section(catalog)
    return GeneratedPage(ISO18091_PAGE, "\n\n".join(out) + "\n")


def details(record: CycleRecord, catalog: Catalog, uri: str) -> str:
    """An assessment's own page: its council and each score with its evidence and action."""
    indicator_set = catalog.indicator_set
    out = [bullets([(field_label(KIND, "council"), people(catalog, record.get("council")))])]
    header = [field_label(KIND, "scores", "indicator"), field_label(KIND, "scores", "level"),
              field_label(KIND, "scores", "evidence"), L.ISO_PROGRAMME]
    rows = []
    for score in record.items("scores"):
        indicator = indicator_set.get(str(score.get("indicator") or "")) if indicator_set is not None else None
        label = indicator_label(indicator) if indicator is not None else text(score.get("indicator"))
        rows.append([label, light(score.get("level")), text(score.get("evidence")), action_cell(score, catalog)])
    out += [f"## {L.ISO_SCORES}", table(header, rows) if rows else NONE]
    out.append(L.ISO_SEE_PAGE.format(link=f"[{L.REGISTER_TITLES[KIND]}]({md_link(uri, ISO18091_PAGE)})"))
    return "\n\n".join(out)

