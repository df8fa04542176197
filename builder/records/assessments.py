"""What the rules, the site page and the yearly figures ask of TCVN ISO 18091 self-assessments
(records of kind 'assessment'), answered once: which assessment counts for a year, the one before
it, each indicator's score and how it moved since. Takes the records and never reads files."""
from __future__ import annotations

from builder.records.model import CycleRecord, Records

KIND = "assessment"
NOT_GREEN = ("yellow", "red")
# Better is higher: a move from red to yellow is an improvement.
RANK = {"red": 0, "yellow": 1, "green": 2}
# What an indicator scored yellow or red must carry: the action programme's entry.
ACTION_KEYS = ("action", "owner", "due")


def of_year(records: Records, year: int) -> CycleRecord | None:
    """The assessment that counts for a year: its latest closed one (the council's signed result),
    else its latest one still being written."""
    found = sorted(records.of_kind(KIND, year), key=lambda r: (r.is_closed, r.date, r.id))
    return found[-1] if found else None


def years(records: Records) -> list[int]:
    """Years that have an assessment, newest first."""
    return sorted({r.year for r in records.of_kind(KIND) if r.year}, reverse=True)


def previous(records: Records, year: int) -> CycleRecord | None:
    """The assessment of the latest earlier year that has one (the 'last year' of the table)."""
    earlier = [y for y in years(records) if y < year]
    return of_year(records, earlier[0]) if earlier else None


def scores(record: CycleRecord | None) -> dict[str, dict]:
    """Indicator id → its score (the first, when a record scores an indicator twice, which a rule
    reports)."""
    out: dict[str, dict] = {}
    for item in record.items("scores") if record is not None else []:
        if item.get("indicator"):
            out.setdefault(str(item["indicator"]), item)
    return out


def level_of(record: CycleRecord | None, indicator_id: str) -> str | None:
    return (scores(record).get(indicator_id) or {}).get("level")


def change(now: str | None, before: str | None) -> str | None:
    """'better', 'worse' or 'same' between two levels; None when either is missing."""
    if now not in RANK or before not in RANK:
        return None
    return "better" if RANK[now] > RANK[before] else "worse" if RANK[now] < RANK[before] else "same"


def missing_action(score: dict) -> list[str]:
    """The keys of the action programme a yellow or red score still lacks (none for green)."""
    if score.get("level") not in NOT_GREEN:
        return []
    return [key for key in ACTION_KEYS if not score.get(key)]


def counts(record: CycleRecord | None, indicator_ids: list[str]) -> dict[str, int]:
    """How many indicators of the set the assessment scored green, yellow and red, and how many it
    left out ('none'); scores of indicators outside the set are not counted."""
    given = scores(record)
    out = {"green": 0, "yellow": 0, "red": 0, "none": 0}
    for indicator_id in indicator_ids:
        level = (given.get(indicator_id) or {}).get("level")
        out[level if level in RANK else "none"] += 1
    return out
