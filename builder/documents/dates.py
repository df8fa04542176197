"""Dates as document controllers write them: ISO 2026-01-15 or Vietnamese 15/01/2026."""
from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")
_VN = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")
# Years a controlled document can be dated in: 9999-12-31 is a typo, and month arithmetic on it
# (review dates, legal deadlines) would run off the calendar.
FIRST_YEAR, LAST_YEAR = 1900, 2999


def parse_date(value) -> date | None:
    """Return the date, or None when the text is not a real calendar date (31/02 is not)."""
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if m := _ISO.match(text):
        y, mo, d = (int(g) for g in m.groups())
    elif m := _VN.match(text):
        d, mo, y = (int(g) for g in m.groups())
    else:
        return None
    if not FIRST_YEAR <= y <= LAST_YEAR:
        return None
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def vn_date(value: date | None) -> str:
    """dd/mm/yyyy, the way dates are printed in Vietnamese documents."""
    return value.strftime("%d/%m/%Y") if value else ""



def add_months(value: date, months: int) -> date:
    """The same day `months` later, clamped to the month's last day (and to the last day of the
    calendar: dates and month counts are range-checked when read, this never raises)."""
    total = value.month - 1 + months
    year, month = value.year + total // 12, total % 12 + 1
    if year > date.max.year:
        return date.max
    if year < date.min.year:
        return date.min
    for day in (value.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise ValueError(value)
