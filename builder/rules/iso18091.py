"""Rules of the TCVN ISO 18091:2020 self-assessment: an assessment scores every indicator of the
locality's set (site_config/iso18091.yml) once and nothing else, and every indicator it scores
yellow or red has its entry in the action programme (action, owner, due).

Without the set the feature is unused and nothing is checked, unless assessments exist: then the
missing set is reported on each of them. A record still being written gets warnings, a closed one
errors (as review-input-missing does)."""
from __future__ import annotations

from builder.documents.labels import did_you_mean
from builder.findings.finding import Severity
from builder.findings.rule_texts import ISO18091_INDICATORS, ISO18091_NO_ACTION
from builder.records.assessments import KIND, missing_action
from builder.records.kinds import LEVELS
from builder.rules.registry import problem, record_rule, softened

# How the message names each key of the action programme a score lacks.
ACTION_WORDS = {"action": "hành động cải tiến (action)", "owner": "người chịu trách nhiệm (owner)",
                "due": "hạn hoàn thành (due)"}


def _graded(found, record):
    """Errors on a closed assessment, warnings while it is being written."""
    return found if record.is_closed else softened(found, Severity.WARNING)


@record_rule(ISO18091_INDICATORS)
def assessment_covers_the_set(record, catalog):
    """Each indicator of the set scored once; no score for an indicator outside the set."""
    if record.kind != KIND:
        return
    indicator_set = catalog.indicator_set
    if indicator_set is None:
        yield _graded(problem(record.path, record.line("kind"), "no-set", id=record.id), record)
        return
    known = indicator_set.ids()
    first_line: dict[str, int] = {}
    for index, item in enumerate(record.items("scores")):
        value = str(item.get("indicator") or "")
        line = record.line("scores", index)
        if not value:
            continue          # a required field: reported when the record is read
        if value not in known:
            yield _graded(problem(record.path, line, "unknown", id=record.id, value=value,
                                  hint=did_you_mean(value, known)), record)
        elif value in first_line:
            yield _graded(problem(record.path, line, "twice", id=record.id, value=value,
                                  first=first_line[value]), record)
        else:
            first_line[value] = line
    missing = [i for i in indicator_set.indicators if i.id not in first_line]
    if missing:
        yield _graded(problem(record.path, record.line("scores"), id=record.id, count=len(missing),
                              missing="; ".join(f"{i.id} {i.name}" for i in missing)), record)


@record_rule(ISO18091_NO_ACTION)
def non_green_has_an_action(record, catalog):
    """A yellow or red indicator is in the action programme: what will be done, by whom, by when."""
    if record.kind != KIND or catalog.indicator_set is None:
        return
    for index, item in enumerate(record.items("scores")):
        lacking = missing_action(item)
        if lacking:
            indicator = catalog.indicator_set.get(str(item.get("indicator") or ""))
            yield _graded(problem(record.path, record.line("scores", index), id=record.id,
                                  indicator=item.get("indicator") or "", level=LEVELS[item["level"]].lower(),
                                  name=indicator.name if indicator is not None else "không có trong bộ chỉ số",
                                  missing=", ".join(ACTION_WORDS[k] for k in lacking)), record)
