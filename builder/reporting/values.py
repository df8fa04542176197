"""How a figure's value is written, the one way the report (PDF, DOCX), its site page and the
tests write it: counts as agencies write them ("05", "19", "1.250"), rates with a decimal comma
("83,3%"), dates as dd/mm/yyyy, no value as "chưa có số liệu"."""
from __future__ import annotations

from builder.documents.dates import parse_date, vn_date
from builder.reporting.figures import Figure
from builder.structured import number

NO_DATA = "chưa có số liệu"


def count_text(value: int) -> str:
    """'05' for counts under ten (as Vietnamese reports write them), '0' for none, '1.250'
    with a thousands dot."""
    if 0 < value < 10:
        return f"{value:02d}"
    return f"{value:,}".replace(",", ".")


def value_text(value, unit: str = "") -> str:
    """A value of builder/reporting/figures.py as printed."""
    if value is None:
        return NO_DATA
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, int):
        text = count_text(value)
    elif isinstance(value, float):
        text = number(value)
    else:
        day = parse_date(value) if len(str(value)) == 10 else None
        return vn_date(day) if day else str(value)
    return f"{text}{unit}" if unit in ("%", "‰") else f"{text} {unit}".rstrip()


def figure_text(figure: Figure) -> str:
    return value_text(figure.value, figure.unit)
