"""Sign-offs: Soạn thảo / Xem xét / Phê duyệt by real people holding the role, in order."""
from __future__ import annotations

import difflib

from builder.documents import labels as L
from builder.documents.dates import vn_date
from builder.documents.schema import KINDS
from builder.findings.rule_texts import (SIGNOFF_ORDER, SIGNOFF_PERSON,
                                         SIGNOFF_REQUIRED, SIGNOFF_ROLE,
                                         SIGNOFF_SELF_APPROVAL)
from builder.organisation.model import SIGNOFF_ACTIONS
from builder.rules.registry import document_rule, problem

LABELS = {**L.SIGNOFF_VERBS,
          "effective": "hiệu lực"}


@document_rule(SIGNOFF_PERSON)
def signoff_person_exists(doc, catalog):
    """Each sign-off names a person of organisation.yml."""
    people = catalog.organisation.people
    for key, signoff in doc.signoffs.items():
        if signoff.by not in people:
            close = difflib.get_close_matches(signoff.by, list(people), n=1)
            hint = f" Có phải ý bạn là '{close[0]}'?" if close else ""
            yield problem(doc.path, doc.line(key, "by"), person=signoff.by, hint=hint)


@document_rule(SIGNOFF_ROLE)
def signoff_person_has_role(doc, catalog):
    """The person's position is allowed to prepare / review / approve."""
    org = catalog.organisation
    for key, signoff in doc.signoffs.items():
        person = org.people.get(signoff.by)
        if person is None or org.may(person, key):
            continue
        allowed = ", ".join(org.position_name(p) for p in org.signoff_roles.get(SIGNOFF_ACTIONS[key], []))
        yield problem(doc.path, doc.line(key, "by"), name=person.name,
                      position=org.position_name(person.position), action=L.SIGNOFF_VERBS[key],
                      allowed=allowed or "(chưa cấu hình)")


@document_rule(SIGNOFF_SELF_APPROVAL)
def approver_is_not_preparer(doc, catalog):
    """Nobody approves what they prepared."""
    prepared, approved = doc.signoffs.get("prepared"), doc.signoffs.get("approved")
    if prepared and approved and prepared.by == approved.by:
        yield problem(doc.path, doc.line("approved", "by"),
                      name=catalog.organisation.person_name(approved.by))


@document_rule(SIGNOFF_ORDER)
def signoff_dates_in_order(doc, catalog):
    """prepared ≤ reviewed ≤ approved ≤ effective (skipping dates that are absent)."""
    chain = [(k, doc.signoffs[k].date) for k in ("prepared", "reviewed", "approved")
             if k in doc.signoffs and doc.signoffs[k].date]
    if doc.effective:
        chain.append(("effective", doc.effective))
    for (k1, d1), (k2, d2) in zip(chain, chain[1:]):
        if d2 < d1:
            line = doc.line("effective") if k2 == "effective" else doc.line(k2, "date")
            yield problem(doc.path, line, later_label=LABELS[k2], later=vn_date(d2),
                          earlier_label=LABELS[k1], earlier=vn_date(d1))


@document_rule(SIGNOFF_REQUIRED)
def required_signoffs_present(doc, catalog):
    """An issue in force has the sign-offs its kind needs (organisation.yml: required_signoffs)."""
    if doc.status not in ("effective", "withdrawn") or not doc.code:
        return
    for key in catalog.organisation.signoffs_required(doc.kind):
        if key not in doc.signoffs and key != "approved":     # approved: required-field, at load
            yield problem(doc.path, doc.line(key) if doc.line(key) > 1 else doc.line("status"), key=key,
                          label=LABELS[key].capitalize(), kind=KINDS.get(doc.kind, doc.kind).lower(),
                          code=doc.code, role=SIGNOFF_ACTIONS[key])
