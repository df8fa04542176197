"""Charts drawn at build time as inline SVG: no JavaScript library, nothing fetched, readable
without script and printable. Plain string building; every text is escaped.
"""
from __future__ import annotations

import math
from datetime import date

from builder.documents import labels as L
from builder.documents.model import Target
from builder.site.markdown import esc

GREEN, RED, ORANGE, GREY, BLUE, INK = "#2e7d32", "#c62828", "#ef6c00", "#9e9e9e", "#3f51b5", "#444"
OPS = {">=": "≥", "<=": "≤", "=": "="}


def _num(value: float) -> str:
    return f"{value:.4g}".replace(".", ",")


def _svg(width: int, height: int, label: str, parts: list[str]) -> str:
    """One line of SVG inside a div: Markdown leaves a block-level <div> untouched."""
    return (f'<div class="qms-chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" role="img" aria-label="{esc(label)}"><title>{esc(label)}</title>'
            + "".join(parts) + "</svg></div>")


def _text(x: float, y: float, text: str, size: int = 11, anchor: str = "middle", fill: str = INK,
          weight: str = "normal") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{fill}" '
            f'font-weight="{weight}">{esc(text)}</text>')


def nice_ticks(lo: float, hi: float, whole: bool, count: int = 4) -> list[float]:
    """Round tick values covering lo..hi: steps of 1, 2, 2.5 or 5 times a power of ten (never
    below 1 when the objective counts whole things), so an axis reads 80, 85, 90 %, not 86,62."""
    span = max(hi - lo, 1e-9)
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    if whole:
        step = max(1.0, math.ceil(step))
    ticks = [math.floor(lo / step) * step]
    while ticks[-1] < hi - step * 1e-9:          # the last tick reaches or passes hi
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _range(values: list[float]) -> tuple[float, float]:
    """A y range around the values with some air; never inverted or empty."""
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.25 or max(abs(hi) * 0.05, 1.0)
    lo, hi = lo - pad, hi + pad
    if min(values) >= 0:
        lo = max(lo, 0.0)
    return lo, hi


def objective_chart(target: Target, measured) -> str:
    """Results per period as points joined by a line, each green when it meets the target and
    red when not, against the target as a dashed line. `measured(value)` formats a value."""
    width, height, left, right, top, bottom = 360, 200, 46, 14, 28, 36
    results = list(target.results)
    label = f"{target.id}: {target.name}"
    if not results:
        return _svg(width, 60, label, [_text(width / 2, 34, L.NO_RESULTS, 12, fill=GREY)])
    values = [r.value for r in results] + [target.target]
    lo, hi = _range(values)
    ticks = nice_ticks(lo, hi, all(float(v).is_integer() for v in values))
    lo, hi = min(lo, ticks[0]), max(hi, ticks[-1])
    plot_w, plot_h = width - left - right, height - top - bottom

    def y(v: float) -> float:
        return top + plot_h * (1 - (v - lo) / (hi - lo))

    def x(i: int) -> float:
        return left + plot_w * (i + 0.5) / len(results)

    parts = [f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="#fafafa" stroke="#e0e0e0"/>']
    sign = target.measure in ("%", "‰")
    for v in ticks:       # round values, in the objective's unit (a word unit once, above the axis)
        parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#eeeeee"/>')
        parts.append(_text(left - 6, y(v) + 4, measured(v) if sign else _num(v), 10, "end", GREY))
    if target.measure and not sign:
        parts.append(_text(4, top - 8, f"({target.measure})", 10, "start", GREY))
    ty = y(target.target)
    parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{ty:.1f}" y2="{ty:.1f}" stroke="{BLUE}" '
                 f'stroke-width="1.5" stroke-dasharray="6 4"/>')
    parts.append(_text(left + plot_w, top - 8, f"{L.TARGET_LINE} {OPS.get(target.op, target.op)} "
                       f"{measured(target.target)}", 11, "end", BLUE))
    points = " ".join(f"{x(i):.1f},{y(r.value):.1f}" for i, r in enumerate(results))
    parts.append(f'<polyline points="{points}" fill="none" stroke="{GREY}" stroke-width="1.5"/>')
    for i, r in enumerate(results):
        colour = GREEN if target.met(r.value) else RED
        verdict = L.MET if target.met(r.value) else L.NOT_MET
        parts.append(f'<circle cx="{x(i):.1f}" cy="{y(r.value):.1f}" r="5" fill="{colour}">'
                     f"<title>{esc(r.period)}: {esc(measured(r.value))} ({verdict})</title></circle>")
        above = y(r.value) - 9 if y(r.value) - 9 > top + 10 else y(r.value) + 18
        parts.append(_text(x(i), above, measured(r.value), 11, fill=colour, weight="bold"))
        parts.append(_text(x(i), height - bottom + 18, r.period, 11))
    return _svg(width, height, label, parts)


TASK_COLOURS = {"done": GREEN, "late_done": GREEN, "overdue": RED, "due": ORANGE, "in_progress": BLUE,
                "upcoming": GREY, "event": GREY, "cancelled": "#e0e0e0"}


def plan_timeline(rows: list[tuple[int, str, tuple[int, int] | None, str]], year: int, today: date) -> str:
    """A month grid for one year: a bar per task over its period, coloured by its state as of
    `today`, and a red line at today. rows: (number, content, (first, last month) or None, state)."""
    left, top, row_h, month_w = 34, 26, 20, 52
    width = left + 12 * month_w + 8
    height = top + row_h * len(rows) + 34
    parts = []
    for m in range(12):
        mx = left + m * month_w
        parts.append(f'<rect x="{mx}" y="{top}" width="{month_w}" height="{row_h * len(rows)}" '
                     f'fill="{"#fafafa" if m % 2 else "#ffffff"}" stroke="#eeeeee"/>')
        parts.append(_text(mx + month_w / 2, top - 8, f"{L.MONTH_SHORT} {m + 1}", 11))
    for i, (number, content, months, state) in enumerate(rows):
        ry = top + i * row_h
        parts.append(_text(left - 6, ry + row_h - 6, str(number), 11, "end"))
        if months:
            first, last = months
            colour = TASK_COLOURS.get(state, GREY)
            parts.append(f'<rect x="{left + (first - 1) * month_w + 2}" y="{ry + 4}" '
                         f'width="{(last - first + 1) * month_w - 4}" height="{row_h - 8}" rx="3" fill="{colour}">'
                         f"<title>{number}. {esc(content)}: {esc(L.TASK_STATES.get(state, state))}</title></rect>")
        elif state == "event":      # no month of its own: done when the event comes
            parts.append(_text(left + 6, ry + row_h - 6, L.TASK_STATES["event"], 11, "start", fill=INK))
    if today.year == year:
        tx = left + (today.month - 1 + (today.day - 1) / 31) * month_w
        parts.append(f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="{top - 4}" y2="{top + row_h * len(rows) + 4}" '
                     f'stroke="{RED}" stroke-width="2"/>')
        parts.append(_text(tx, top + row_h * len(rows) + 16, f"{L.TODAY_MARK} {today.day:02d}/{today.month:02d}",
                           11, fill=RED))
    lx = left
    for state in ("done", "in_progress", "due", "overdue", "upcoming"):
        parts.append(f'<rect x="{lx}" y="{height - 12}" width="10" height="10" fill="{TASK_COLOURS[state]}"/>')
        parts.append(_text(lx + 14, height - 3, L.TASK_STATES[state], 11, "start"))
        lx += 128
    return _svg(width, height, f"{L.TIMELINE} {year}", parts)


LEVEL_COLOURS = {"high": RED, "medium": ORANGE, "low": GREEN}


def _lines(text: str, width: int) -> list[str]:
    """A label cut at spaces into lines of about `width` characters (SVG text does not wrap)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def heat_map(counts: dict[tuple[int, int], int], likelihood: tuple[str, ...], impact: tuple[str, ...],
             level, level_labels: dict[str, str], cell_label, label: str, axes: tuple[str, str]) -> str:
    """A likelihood × impact grid, likelihood rising upwards and impact to the right, each cell
    coloured by the level of its score (`level(score)`: high / medium / low) and showing how many
    entries were rated there. Each cell is a <g> carrying its likelihood, impact, score, level and
    count as data attributes and a <title> (`cell_label(l, i, score, level, count)`), so a reader,
    a screen reader and a test all read the same numbers. `axes`: the likelihood and impact titles.
    Scale labels are written whole, over as many lines as they need."""
    rows, cols = len(likelihood), len(impact)
    left, top, line_h = 176, 30, 13
    cell_w = max(74, min(130, 420 // max(cols, 1)))
    row_labels = [_lines(f"{rows - r}. {likelihood[rows - r - 1]}", 27) for r in range(rows)]
    col_labels = [_lines(f"{c + 1}. {impact[c]}", cell_w // 6) for c in range(cols)]
    cell_h = max(44, line_h * max((len(x) for x in row_labels), default=1) + 12)
    base = top + rows * cell_h
    below = line_h * max((len(x) for x in col_labels), default=1) + 8
    width, height = left + cols * cell_w + 10, base + below + 42
    parts = [_text(4, top - 12, f"{axes[0]} ↑", 11, "start", INK, "bold")]
    for r in range(rows):                       # top row: the highest likelihood
        value, y = rows - r, top + r * cell_h
        lines = row_labels[r]
        for k, line in enumerate(lines):
            parts.append(_text(left - 8, y + cell_h / 2 + 4 + (k - (len(lines) - 1) / 2) * line_h, line, 11, "end"))
        for c in range(cols):
            impact_value, x = c + 1, left + c * cell_w
            score = value * impact_value
            grade = level(score)
            count = counts.get((value, impact_value), 0)
            title = cell_label(value, impact_value, score, grade, count)
            parts.append(f'<g data-likelihood="{value}" data-impact="{impact_value}" data-score="{score}" '
                         f'data-level="{esc(grade)}" data-count="{count}"><title>{esc(title)}</title>'
                         f'<rect x="{x}" y="{y}" width="{cell_w}" height="{cell_h}" fill="{LEVEL_COLOURS[grade]}" '
                         f'fill-opacity="{0.9 if count else 0.3}" stroke="#ffffff" stroke-width="2"/>'
                         + (_text(x + cell_w / 2, y + cell_h / 2 + 7, str(count), 20, fill="#ffffff", weight="bold")
                            if count else "")
                         + "</g>")
    for c, lines in enumerate(col_labels):
        for k, line in enumerate(lines):
            parts.append(_text(left + c * cell_w + cell_w / 2, base + 14 + k * line_h, line, 10))
    parts.append(_text(left + cols * cell_w / 2, base + below + 12, f"{axes[1]} →", 11, weight="bold"))
    lx = 4
    for grade in ("high", "medium", "low"):
        parts.append(f'<rect x="{lx}" y="{height - 12}" width="10" height="10" fill="{LEVEL_COLOURS[grade]}"/>')
        parts.append(_text(lx + 14, height - 3, level_labels[grade], 11, "start"))
        lx += 100
    return _svg(width, height, label, parts)


def rate_bars(results: list[tuple[str, float]], label: str, target: float | None = None,
              target_label: str = "", met=None) -> str:
    """Horizontal bars on a 0–100 % scale, one per question group with its name above it and its
    rate at its end; with a target, a dashed line at it and each bar green when it meets the
    target, red when not. Each bar is a <g data-group data-rate>, the target line carries
    data-target, so the numbers can be read without looking at the picture."""
    width, left, right, top, row_h = 360, 8, 44, 34, 40
    plot_w = width - left - right
    height = top + row_h * max(len(results), 1) + 22

    def x(rate: float) -> float:
        return left + plot_w * max(0.0, min(rate, 100.0)) / 100

    parts = []
    for tick in (0, 25, 50, 75, 100):
        parts.append(f'<line x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{top - 4}" y2="{height - 20}" '
                     'stroke="#eeeeee"/>')
        parts.append(_text(x(tick), height - 6, f"{tick}%", 10, fill=GREY))
    for i, (group, rate) in enumerate(results):
        y = top + i * row_h
        colour = BLUE if met is None else (GREEN if met(rate) else RED)
        value = f"{_num(rate)}%"
        parts.append(f'<g data-group="{esc(group)}" data-rate="{rate:g}"><title>{esc(group)}: {esc(value)}</title>'
                     + _text(left, y + 10, group, 11, "start")
                     + f'<rect x="{left}" y="{y + 15}" width="{x(rate) - left:.1f}" height="16" rx="2" '
                       f'fill="{colour}"/>'
                     + _text(x(rate) + 4, y + 28, value, 11, "start", colour, "bold") + "</g>")
    if target is not None:
        tx = x(target)
        parts.append(f'<line data-target="{target:g}" x1="{tx:.1f}" x2="{tx:.1f}" y1="{top - 8}" y2="{height - 20}" '
                     f'stroke="{BLUE}" stroke-width="1.5" stroke-dasharray="6 4">'
                     f'<title>{esc(target_label)}</title></line>')
        parts.append(_text(min(tx, width - 4), top - 14, target_label, 11, "end", BLUE))
    return _svg(width, height, label, parts)
