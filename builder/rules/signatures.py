"""Signed sign-offs: each sign-off proves who signed it (organisation.yml: `signatures`), and no
private key is kept in the repository."""
from __future__ import annotations

from builder.documents import labels as L
from builder.documents.dates import vn_date
from builder.findings.finding import Severity
from builder.findings.rule_texts import (SECRET_FILE, SIGNATURE_CONTENT,
                                         SIGNATURE_INVALID, SIGNATURE_KEY_DATE,
                                         SIGNATURE_KEY_OWNER,
                                         SIGNATURE_MISSING)
from builder.rules.registry import (catalog_rule, document_rule, problem,
                                    softened)
from builder.signing import status
from builder.signing.signoff import ROLES

FIELD_WORDS = {"code": "mã hiệu", "revision": "lần ban hành", "role": "vai trò", "date": "ngày ký duyệt",
               "fingerprint": "dấu vân tay", "signed": "ngày ký số"}


def _verdicts(doc, catalog, state: str):
    """(sign-off key, verdict) of each sign-off whose verdict is `state`, when signatures are on."""
    if catalog.organisation.signatures == "off" or not doc.code:
        return
    # five rules ask for the same verdicts: found once per document of this catalog
    every = catalog.memo(("signature-verdicts-of", id(doc)), lambda: [
        (key, status.verdict(doc, key, catalog)) for key in ROLES if key in doc.signoffs])
    for key, found in every:
        if found.state == state:
            yield key, found


def _values(doc, catalog, key) -> dict:
    by = doc.signoffs[key].by
    return {"role": L.SIGNOFF_VERBS[key], "role_option": ROLES[key], "code": doc.code, "by": by,
            "name": catalog.organisation.person_name(by)}


@document_rule(SIGNATURE_MISSING)
def signoff_signed(doc, catalog):
    """Every sign-off of an approved issue is signed (a warning while the agency adopts signatures)."""
    if doc.status != "effective":
        return
    for key, found in _verdicts(doc, catalog, status.MISSING):
        issue = problem(doc.path, doc.line(key), file=found.detail["file"], **_values(doc, catalog, key))
        yield softened(issue, Severity.WARNING) if catalog.organisation.signatures == "warning" else issue


@document_rule(SIGNATURE_INVALID)
def signature_verifies(doc, catalog):
    """The signature verifies over the signed text, byte for byte."""
    for key, found in _verdicts(doc, catalog, status.INVALID):
        yield problem(doc.path, doc.line(key), why=found.detail["why"], **_values(doc, catalog, key))


@document_rule(SIGNATURE_KEY_OWNER)
def signature_by_named_person(doc, catalog):
    """The key that signed belongs to the person the sign-off names."""
    for key, found in _verdicts(doc, catalog, status.OWNER):
        owner = found.detail["owner"]
        yield problem(doc.path, doc.line(key, "by"), None if owner else "unknown", file=found.detail["file"],
                      key=found.detail["key"], owner=catalog.organisation.person_name(owner) if owner else "",
                      **_values(doc, catalog, key))


@document_rule(SIGNATURE_KEY_DATE)
def signature_key_valid_on_day(doc, catalog):
    """The key was neither revoked nor expired (nor not yet valid) on the day it signed."""
    for key, found in _verdicts(doc, catalog, status.KEY_DATE):
        why = L.KEY_PROBLEMS[found.detail["why"]].format(when=vn_date(found.detail["when"]) or "?")
        yield problem(doc.path, doc.line(key), key=found.detail["key"], why=why,
                      signed=vn_date(found.detail["signed"]) or "?", **_values(doc, catalog, key))


@document_rule(SIGNATURE_CONTENT)
def signature_covers_this_signoff(doc, catalog):
    """A valid signature covers this sign-off's own values (fingerprint, date, issue, role)."""
    for key, found in _verdicts(doc, catalog, status.CONTENT):
        differences = "; ".join(f"{FIELD_WORDS[f]} {signed}" + (f" (tài liệu ghi {ours})" if ours else "")
                                for f, signed, ours in found.detail["differences"])
        field = found.detail["differences"][0][0]
        line = doc.line(key, field) if field in ("date", "fingerprint") else doc.line(key)
        yield problem(doc.path, line, differences=differences, **_values(doc, catalog, key))


@catalog_rule(SECRET_FILE)
def no_private_keys(catalog):
    """No private key or key store outside tests/."""
    for secret in catalog.secrets:
        yield problem(secret.path, secret.line, what=secret.what, file=secret.path)
