"""Revisions against git: issue numbers, fresh approvals, fingerprints, withdrawn codes, deletions."""
from __future__ import annotations

from builder.documents.dates import vn_date
from builder.findings.rule_texts import (APPROVAL_FINGERPRINT,
                                         APPROVAL_UNSIGNED,
                                         ATTACHMENT_CHANGED_WITHOUT_REVISION,
                                         CHANGE_ROW_REWRITTEN,
                                         CONTENT_CHANGED_WITHOUT_REVISION,
                                         DOCUMENT_DELETED, HISTORY_SHALLOW,
                                         REVIEW_FINGERPRINT, REVISION_APPROVAL,
                                         REVISION_EFFECTIVE_DATE,
                                         REVISION_SEQUENCE,
                                         SIGNOFF_BEFORE_PREVIOUS,
                                         STATUS_BACK_TO_DRAFT,
                                         WITHDRAWN_CODE_REUSED)
from builder.revisions.fingerprint import fingerprint, scheme_of
from builder.rules.registry import catalog_rule, document_rule, problem


def _base_of(doc, catalog):
    """The same document at the base commit, when there is one."""
    if catalog.base is None or not doc.code:
        return None
    return catalog.base.documents.get(doc.code)


def _short(catalog) -> str:
    return catalog.base.ref if catalog.base.ref != catalog.base.commit else catalog.base.commit[:8]


@document_rule(CONTENT_CHANGED_WITHOUT_REVISION)
def content_change_needs_new_issue(doc, catalog):
    """Controlled content changed while the issue number stayed: an unissued revision."""
    base = _base_of(doc, catalog)
    if base is None or base.status != "effective" or doc.revision != base.revision or not doc.revision:
        return
    if fingerprint(doc) != fingerprint(base):
        yield problem(doc.path, doc.line("revision"),
                      revision=doc.revision, next=doc.revision + 1, base=_short(catalog), code=doc.code)


@document_rule(ATTACHMENT_CHANGED_WITHOUT_REVISION)
def attachment_change_needs_new_issue(doc, catalog):
    """A form's original Word file is what staff download: changing it is a new issue too."""
    base = _base_of(doc, catalog)
    if base is None or base.status != "effective" or doc.revision != base.revision or not doc.revision:
        return
    if doc.attachment and doc.attachment in catalog.base.changed_paths:
        yield problem(doc.path, doc.line("attachment"),
                      file=doc.attachment, revision=doc.revision, next=doc.revision + 1,
                      base=_short(catalog), code=doc.code)


@document_rule(STATUS_BACK_TO_DRAFT)
def effective_issue_stays_in_force(doc, catalog):
    """An issue in force at the base does not become a draft again (an import, a revert):
    revising it is a new issue."""
    base = _base_of(doc, catalog)
    if base is None or base.status != "effective" or doc.status != "draft" or doc.revision != base.revision:
        return
    yield problem(doc.path, doc.line("status"), code=doc.code, revision=doc.revision,
                  next=(doc.revision or 0) + 1, base=_short(catalog))


@document_rule(CHANGE_ROW_REWRITTEN)
def issued_change_rows_stay(doc, catalog):
    """Rows of the change table for issues already in force are history: never rewritten or
    removed (the current issue's own row is covered by its approval fingerprint)."""
    base = _base_of(doc, catalog)
    if base is None or not base.in_force or not base.revision or not doc.revision:
        return
    last_issued = base.revision if doc.revision > base.revision else base.revision - 1
    now = {row.revision: (index, row) for index, row in enumerate(doc.changes)}
    for old in base.changes:
        if old.revision is None or old.revision > last_issued:
            continue
        index, row = now.get(old.revision, (None, None))
        if row is None:
            yield problem(doc.path, doc.line("changes"), "removed", revision=old.revision, base=_short(catalog))
        elif (row.date, _text(row.section), _text(row.description)) != (old.date, _text(old.section),
                                                                         _text(old.description)):
            yield problem(doc.path, doc.line("changes", index), revision=old.revision, base=_short(catalog),
                          was=_text(old.description))


def _text(value) -> str:
    return " ".join(str(value or "").split())


@document_rule(SIGNOFF_BEFORE_PREVIOUS)
def new_issue_signed_after_previous(doc, catalog):
    """A new issue is prepared, reviewed and approved after the previous issue's approval: an
    older date was copied from the previous issue."""
    base = _new_issue_of(doc, catalog)
    previous = base.signoffs.get("approved") if base else None
    if previous is None or previous.date is None:
        return
    for key in ("prepared", "reviewed", "approved"):
        signoff = doc.signoffs.get(key)
        if signoff and signoff.date and signoff.date <= previous.date:
            yield problem(doc.path, doc.line(key), role=key, date=vn_date(signoff.date),
                          previous=vn_date(previous.date), revision=base.revision)


@document_rule(REVISION_SEQUENCE)
def revision_moves_by_one(doc, catalog):
    """The issue number never decreases and never jumps."""
    base = _base_of(doc, catalog)
    if base is None or not base.revision or not doc.revision:
        return
    if doc.revision < base.revision or doc.revision > base.revision + 1:
        yield problem(doc.path, doc.line("revision"), revision=doc.revision,
                      previous=base.revision, next=base.revision + 1, base=_short(catalog))


def _new_issue_of(doc, catalog):
    """The base version when `doc` is the next issue of a document that was in force."""
    base = _base_of(doc, catalog)
    if base is None or not base.in_force or not base.revision or doc.revision != base.revision + 1:
        return None
    return base


@document_rule(REVISION_EFFECTIVE_DATE)
def new_issue_effective_later(doc, catalog):
    """A new issue takes effect after the previous one."""
    base = _new_issue_of(doc, catalog)
    if base and base.effective and doc.effective and doc.effective <= base.effective:
        yield problem(doc.path, doc.line("effective"), revision=doc.revision,
                      effective=vn_date(doc.effective), previous=base.revision,
                      previous_date=vn_date(base.effective))


@document_rule(REVISION_APPROVAL)
def new_issue_freshly_approved(doc, catalog):
    """A new issue carries its own approval, recorded with a fingerprint by `qms approve`."""
    base = _new_issue_of(doc, catalog)
    if base is None or doc.status == "draft":
        return
    approved, previous = doc.signoffs.get("approved"), base.signoffs.get("approved")
    if approved is None:
        return  # required-field reports it
    if not approved.fingerprint:
        why = "phê duyệt chưa ghi dấu vân tay nội dung"
    elif previous and previous.date and approved.date and approved.date <= previous.date:
        why = f"ngày phê duyệt {vn_date(approved.date)} không sau lần phê duyệt trước {vn_date(previous.date)}"
    else:
        return
    yield problem(doc.path, doc.line("approved"), revision=doc.revision, why=why,
                  code=doc.code)


def _stale_signoff(doc, key: str, rule: str):
    """A sign-off whose recorded fingerprint no longer matches the content."""
    signoff = doc.signoffs.get(key)
    if doc.status != "effective" or signoff is None or not signoff.fingerprint:
        return
    actual = fingerprint(doc, scheme_of(signoff.fingerprint))
    if signoff.fingerprint != actual:
        yield problem(doc.path, doc.line(key, "fingerprint"), recorded=signoff.fingerprint,
                      actual=actual, code=doc.code)


@document_rule(APPROVAL_FINGERPRINT)
def approved_content_unchanged(doc, catalog):
    """An effective document still has the content its approver signed."""
    yield from _stale_signoff(doc, "approved", APPROVAL_FINGERPRINT)


@document_rule(REVIEW_FINGERPRINT)
def reviewed_content_unchanged(doc, catalog):
    """The content the reviewer saw is still the content (a warning: approval decides)."""
    yield from _stale_signoff(doc, "reviewed", REVIEW_FINGERPRINT)


@document_rule(APPROVAL_UNSIGNED)
def approval_has_fingerprint(doc, catalog):
    """Approvals typed by hand carry no fingerprint: later edits could not be detected."""
    approved = doc.signoffs.get("approved")
    if doc.status == "effective" and approved is not None and not approved.fingerprint:
        yield problem(doc.path, doc.line("approved"), code=doc.code, by=approved.by,
                      date=approved.date.isoformat() if approved.date else "YYYY-MM-DD")


@document_rule(WITHDRAWN_CODE_REUSED)
def withdrawn_code_not_reused(doc, catalog):
    """Once withdrawn, a code stays withdrawn: it is never given to another document."""
    if doc.status == "withdrawn" or not doc.code:
        return
    withdrawal = catalog.history.first_withdrawal(doc.code)
    if withdrawal is not None:
        yield problem(doc.path, doc.line("code"), code=doc.code,
                      date=withdrawal.commit.date.date().strftime("%d/%m/%Y"),
                      commit=withdrawal.commit.sha[:8], old_path=withdrawal.path)


@catalog_rule(DOCUMENT_DELETED)
def effective_documents_not_deleted(catalog):
    """A document effective at the base must still exist (withdraw it by status instead)."""
    if catalog.base is None:
        return
    for code, base in catalog.base.documents.items():
        if base.status == "effective" and catalog.get(code) is None:
            yield problem(base.path, 1, code=code, title=base.title, base=_short(catalog))


@catalog_rule(HISTORY_SHALLOW)
def history_complete(catalog):
    """A shallow clone works with what it has, but says so."""
    if catalog.history.shallow:
        yield problem(".git", 1)
