"""The traffic lights of the portal's table, and every threshold behind them, in one place.

Each light reads an agency's status.json (already validated against its schema, but still
untrusted: a count may be absurd, a date may not exist) and says ok, warn, bad or none (no data),
with a word, so that no light is told by its colour alone, and a number to sort the column by.
Dates are judged against the portal's build date, not the agency's: a file built months ago
does not keep saying "not overdue".
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable

from builder.portal.model import PROBLEMS, Collected
from builder.portal.site import labels as W
from builder.portal.site.formats import day, parse_day, percent

DUE_SOON_DAYS = 30            # a yearly duty due within this many days is a warning
OBJECTIVES_BAD_SHARE = 0.5    # fewer than half the objectives met is bad; some not met, a warning
PLAN_LATE_MONTH = 10          # from October on, a plan under PLAN_LOW_COMPLETION % done is a warning
PLAN_LOW_COMPLETION = 50.0
SATISFACTION_LOW = 70.0       # an average satisfaction under this is bad
NEVER = -100000               # sort value of a duty never done: before every overdue one


@dataclass(frozen=True)
class Light:
    level: str                 # ok | warn | bad | none
    word: str                  # what the badge says
    sort: float | None = None  # the column's sort value (None: no data, always listed last)
    detail: str = ""           # a longer explanation, shown as the badge's title


NO_DATA = Light("none", W.NO_DATA)


def _int(value) -> int:
    """A count from the file; anything else counts as 0 (the schema already refused negatives)."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def _num(value) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _now(status: dict | None) -> dict | None:
    now = status.get("now") if isinstance(status, dict) else None
    return now if isinstance(now, dict) else None


def legal(status: dict | None, today: date) -> Light:
    """Documents still to be reissued after a legal change (3-month rule): any past the deadline
    is bad, any still within it is a warning."""
    now = _now(status)
    if now is None:
        return NO_DATA
    overdue, due = _int(now.get("legal_overdue")), _int(now.get("legal_due"))
    sort = overdue * 1000 + due
    if overdue:
        return Light("bad", W.OVERDUE_N.format(n=overdue), sort)
    if due:
        return Light("warn", W.DUE_N.format(n=due), sort)
    return Light("ok", W.NONE_OVERDUE, sort)


def duty(status: dict | None, key: str, today: date) -> Light:
    """The internal audit or the management review (`key`) within 12 months: bad when never held
    or past its due date on the portal's day, a warning when due within DUE_SOON_DAYS."""
    now = _now(status)
    if now is None:
        return NO_DATA
    item = now.get(key) if isinstance(now.get(key), dict) else {}
    last, due = parse_day(item.get("last")), parse_day(item.get("due"))
    if last is None:
        return Light("bad", W.NEVER_DONE, NEVER)
    if due is None:
        return Light("bad" if item.get("overdue") else "ok", day(last), 0)
    left = (due - today).days
    if left < 0 or item.get("overdue") is True:
        return Light("bad", W.OVERDUE_SINCE.format(due=day(due)), min(left, 0), W.DONE_ON.format(day=day(last)))
    if left <= DUE_SOON_DAYS:
        return Light("warn", W.DUE_SOON.format(day=day(last), due=day(due)), left)
    return Light("ok", day(last), left, W.DUE_ON.format(due=day(due)))


def actions(status: dict | None, today: date) -> Light:
    """Corrective actions past their due date: bad if any; open ones within their time are ok."""
    now = _now(status)
    if now is None:
        return NO_DATA
    overdue, open_ = _int(now.get("actions_overdue")), _int(now.get("actions_open"))
    sort = overdue * 1000 + open_
    if overdue:
        return Light("bad", W.OVERDUE_N.format(n=overdue), sort, W.OPEN_N.format(n=open_))
    return Light("ok", W.OPEN_N.format(n=open_) if open_ else W.NONE_OVERDUE, sort)


def objectives(status: dict | None, today: date) -> Light:
    """Quality objectives met in every period assessed: all met is ok, at least half a warning,
    fewer bad; none measured yet is a warning, no objectives at all is bad (clause 6.2)."""
    now = _now(status)
    if now is None:
        return NO_DATA
    item = now.get("objectives") if isinstance(now.get("objectives"), dict) else {}
    total, met = _int(item.get("total")), _int(item.get("met"))
    if not total:
        return Light("bad", W.NO_OBJECTIVES, 0)
    if _int(item.get("not_measured")) >= total:
        return Light("warn", W.NOT_MEASURED, 0)
    share = min(met, total) / total
    word = W.MET_OF.format(met=met, total=total)
    level = "ok" if met >= total else "warn" if share >= OBJECTIVES_BAD_SHARE else "bad"
    return Light(level, word, round(share * 100, 1))


def plan(status: dict | None, today: date) -> Light:
    """The yearly plan: a task past its period is bad; late in the year (from PLAN_LATE_MONTH), a
    completion under PLAN_LOW_COMPLETION % is a warning; no plan at all is bad."""
    now = _now(status)
    if now is None:
        return NO_DATA
    item = now.get("plan") if isinstance(now.get("plan"), dict) else {}
    completion = _num(item.get("completion"))
    if not _int(item.get("tasks")) or completion is None:
        return Light("bad", W.NO_PLAN, None if completion is None else completion)
    overdue = _int(item.get("overdue"))
    if overdue:
        return Light("bad", W.PLAN_OVERDUE.format(completion=percent(completion), n=overdue), completion)
    if today.month >= PLAN_LATE_MONTH and completion < PLAN_LOW_COMPLETION:
        return Light("warn", percent(completion), completion)
    return Light("ok", percent(completion), completion)


def surveys(status: dict | None, today: date) -> Light:
    """Satisfaction surveys: an average under SATISFACTION_LOW % is bad, a survey with a question
    group under its objective's target a warning; none held yet is a warning (clause 9.1.2)."""
    now = _now(status)
    if now is None:
        return NO_DATA
    item = now.get("surveys") if isinstance(now.get("surveys"), dict) else {}
    average, lowest = _num(item.get("average")), _num(item.get("lowest"))
    if not _int(item.get("held")) or average is None:
        return Light("warn", W.NO_SURVEY, None)
    below = _int(item.get("below_target"))
    detail = W.SURVEY.format(average=percent(average), lowest=percent(lowest) or "?")
    if average < SATISFACTION_LOW:
        return Light("bad", percent(average), average, detail)
    if below:
        return Light("warn", W.SURVEY_BELOW.format(average=percent(average), n=below), average, detail)
    return Light("ok", percent(average), average, detail)


def scope(status: dict | None, today: date) -> Light:
    """The scope and its announcement: a scope changed since the last announcement is a warning
    (announce again), never announced a warning too."""
    now = _now(status)
    if now is None:
        return NO_DATA
    item = now.get("scope") if isinstance(now.get("scope"), dict) else {}
    announced = parse_day(item.get("announced"))
    age = (today - announced).days if announced else None
    if item.get("changed") is True:
        return Light("warn", W.SCOPE_CHANGED, age, W.ANNOUNCED_ON.format(day=day(announced)) if announced else "")
    if announced is None:
        return Light("warn", W.NOT_ANNOUNCED, None)
    return Light("ok", W.ANNOUNCED_ON.format(day=day(announced)), age)


def iso18091(status: dict | None, today: date) -> Light:
    """The ISO 18091 indicators where the locality uses them: any red is bad, any yellow a
    warning; an agency that does not use them has no light."""
    now = _now(status)
    if now is None:
        return NO_DATA
    item = now.get("iso18091")
    if not isinstance(item, dict):
        return Light("none", W.ISO_NOT_USED)
    green, yellow, red = (_int(item.get(k)) for k in ("green", "yellow", "red"))
    total = green + yellow + red
    word = W.ISO_COUNTS.format(green=green, yellow=yellow, red=red)
    share = round(green * 100 / total, 1) if total else None
    level = "bad" if red else "warn" if yellow else "ok" if green else "none"
    return Light(level, word, share)


def data_age(collected: Collected, today: date, stale_days: int) -> Light:
    """How old the figures are: the agency's build date against the portal's day. Never collected
    is bad; older than `stale_days` is bad (the agency has stopped publishing); the last good copy
    kept because this collection failed is a warning, with what went wrong in words."""
    status = collected.status if isinstance(collected.status, dict) else None
    problems = problem_words(collected.problems)
    if status is None:
        return Light("bad", W.NEVER_COLLECTED, None, problems)
    built = parse_day(status.get("generated"))
    if built is None:
        return Light("bad", W.NEVER_COLLECTED, None, problems)
    age = (today - built).days
    if age < 0:
        return Light("warn", W.FROM_FUTURE.format(day=day(built)), 0, problems)
    if age > stale_days:
        word = (W.STALE_COPY.format(day=day(built)) if collected.stale_copy
                else W.STALE.format(day=day(built), days=age))
        return Light("bad", word, age, problems)
    if collected.stale_copy:
        return Light("warn", W.STALE_COPY.format(day=day(built)), age, problems)
    return Light("ok", W.FRESH.format(day=day(built)), age, problems)


def problem_words(problems) -> str:
    """The collection's problems in words: 'too_large: 6 MB' becomes 'Tệp quá lớn: 6 MB'."""
    out = []
    for problem in problems or []:
        key, _, detail = str(problem).partition(":")
        word = PROBLEMS.get(key.strip(), key.strip())
        out.append(f"{word}: {detail.strip()}" if detail.strip() else word)
    return "; ".join(out)


def has_problem(lights: list[Light]) -> bool:
    """A row the "only problems" filter keeps: any light bad or warning."""
    return any(light.level in ("bad", "warn") for light in lights)


@dataclass(frozen=True)
class Column:
    key: str                                   # stable name (the summary counts by it)
    title: str                                 # the column's heading
    light: Callable[[Collected], Light]        # the light of one agency


def columns(today: date, stale_days: int) -> list[Column]:
    """The light columns of the index after name and level, in order."""
    return [
        Column("legal", W.COL_LEGAL, lambda c: legal(c.status, today)),
        Column("audit", W.COL_AUDIT, lambda c: duty(c.status, "internal_audit", today)),
        Column("review", W.COL_REVIEW, lambda c: duty(c.status, "management_review", today)),
        Column("actions", W.COL_ACTIONS, lambda c: actions(c.status, today)),
        Column("objectives", W.COL_OBJECTIVES, lambda c: objectives(c.status, today)),
        Column("plan", W.COL_PLAN, lambda c: plan(c.status, today)),
        Column("surveys", W.COL_SURVEYS, lambda c: surveys(c.status, today)),
        Column("scope", W.COL_SCOPE, lambda c: scope(c.status, today)),
        Column("iso18091", W.COL_ISO18091, lambda c: iso18091(c.status, today)),
        Column("data", W.COL_DATA, lambda c: data_age(c, today, stale_days)),
    ]


def judge(collected: Collected, today: date, stale_days: int) -> dict[str, Light]:
    """Every light of one agency, by column key."""
    return {column.key: column.light(collected) for column in columns(today, stale_days)}
