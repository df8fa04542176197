"""The portal's home page: one row per agency with its traffic lights, sortable by any column
and filterable by level, by name without diacritics and by "only problems" (assets/portal-table.js);
without script it is a plain table. On a phone each row reads as a card (CSS only)."""
from __future__ import annotations

from datetime import date

from builder.portal.model import LEVELS
from builder.portal.site import labels as W
from builder.portal.site.agencies import Agency
from builder.portal.site.escape import esc
from builder.portal.site.formats import day
from builder.portal.site.layout import Frame, agency_path, page
from builder.portal.site.lights import Column, Light, columns
from builder.portal.summary import place_name


def badge(light: Light) -> str:
    """A light as a coloured badge that also says it in words; data-level and data-sort for the
    script and the tests."""
    title = f' title="{esc(light.detail)}"' if light.detail else ""
    sort = "" if light.sort is None else f"{light.sort:g}"
    return (f'<span class="pt-light" data-level="{light.level}" data-sort="{sort}"{title}>'
            f"{esc(light.word)}</span>")


def _cell(content: str) -> str:
    return f"<td>{content}</td>"


def row(agency: Agency, light_columns: list[Column]) -> str:
    """One agency's row: name linking to its page, level, then each light (the script sorts a
    light column by its badge's data-sort, the others by their text)."""
    entry = agency.collected.entry
    cells = [_cell(f'<a href="{esc(agency_path(agency.folder))}">{esc(agency.name)}</a>'),
             _cell(esc(agency.level_name))]
    cells += [_cell(badge(agency.lights[column.key])) for column in light_columns]
    return (f'<tr data-cap="{esc(entry.level)}" data-problem="{int(agency.problem)}" data-text="{esc(agency.folded)}">'
            + "".join(cells) + "</tr>")


def filter_bar(levels: list[str], headings: list[str]) -> str:
    """The filters and a sort control (the column headings sort too, but a phone shows rows as
    cards, without headings), hidden until the script runs: without it they could not work."""
    options = "".join(f'<option value="{esc(key)}">{esc(LEVELS.get(key, key))}</option>' for key in levels)
    sorts = "".join(f'<option value="{i}">{esc(h)}</option>' for i, h in enumerate(headings))
    return (f'<div class="pt-filter" id="pt-filter" hidden data-count="{esc(W.FILTER_COUNT)}" '
            f'data-sort-hint="{esc(W.SORT_HINT)}">'
            f'<label>{esc(W.FILTER_LEVEL)} <select name="cap"><option value="">{esc(W.FILTER_ALL)}</option>'
            f"{options}</select></label>"
            f'<input type="search" name="q" placeholder="{esc(W.FILTER_TEXT)}" aria-label="{esc(W.FILTER_TEXT)}">'
            f'<label><input type="checkbox" name="van-de" value="1"> {esc(W.FILTER_PROBLEMS)}</label>'
            f'<label>{esc(W.SORT_BY)} <select name="cot"><option value="">{esc(W.SORT_DEFAULT)}</option>{sorts}'
            f'</select></label><select name="chieu" aria-label="{esc(W.SORT_DIRECTION)}">'
            f'<option value="">{esc(W.SORT_UP)}</option><option value="giam">{esc(W.SORT_DOWN)}</option></select>'
            f"<output></output></div>")


def legend() -> str:
    return (f'<p class="pt-legend">{esc(W.LEGEND)}: '
            + " ".join(badge(Light(level, word)) for level, word in W.LEVEL_WORDS.items()) + "</p>")


def index_html(frame: Frame, agencies: list[Agency], stale_days: int, today: date) -> str:
    """The whole home page."""
    light_columns = columns(today, stale_days)
    rows = [row(agency, light_columns) for agency in agencies]
    problems = sum(agency.problem for agency in agencies)
    never = sum(agency.status is None for agency in agencies)
    headings = [W.COL_NAME, W.COL_LEVEL, *(column.title for column in light_columns)]
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headings)
    levels = [key for key in LEVELS if any(a.collected.entry.level == key for a in agencies)]
    levels += sorted({a.collected.entry.level for a in agencies} - set(levels))
    counts = W.INDEX_COUNTS.format(total=len(agencies), problems=problems, never=never)
    body = (f"<h1>{esc(W.INDEX_HEADING)} {esc(place_name(frame.province))}</h1>\n"
            f"<p>{esc(W.INDEX_INTRO.format(day=day(today)))}</p>\n"
            f'<p class="pt-counts">{esc(counts)}</p>\n'
            f"{legend()}\n{filter_bar(levels, headings)}\n"
            f'<div class="pt-scroll"><table class="pt-table" id="pt-agencies"><thead><tr>{head}</tr></thead>\n<tbody>\n'
            + "\n".join(rows) + f'\n</tbody></table></div>\n<p class="pt-empty" hidden>{esc(W.FILTER_EMPTY)}</p>')
    return page(frame, W.NAV_AGENCIES, body, 0, "index", ("portal-table.js",))
