"""Dates and rates the Vietnamese way (05/03/2026, 83,3%) from values of a collected file, which
may be missing or malformed: a value that is not what it should be never raises. Figures are
written as the agency's own report writes them (builder/reporting/values.py)."""
from __future__ import annotations

from datetime import date

from builder.documents.dates import vn_date
from builder.reporting.values import value_text


def parse_day(value) -> date | None:
    """An ISO date from status.json (the schema checks its shape, not that the day exists)."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def day(value) -> str:
    """dd/mm/yyyy, or '' when missing."""
    return vn_date(value if isinstance(value, date) else parse_day(value))


def percent(value) -> str:
    """'83,3%' (a rate of status.json), or '' when there is none."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return ""
    return value_text(value, "%")


def figure_value(value, unit) -> str:
    """A figure of an agency's status.json, as its report prints it."""
    if not isinstance(value, (int, float, str)) and value is not None:
        return ""
    return value_text(value, unit if isinstance(unit, str) else "")
