"""What the print template receives: the document's control data as JSON, its QR code, and
the Typst main file that applies site_config/print/tai-lieu.typ to the converted body."""
from __future__ import annotations

import io
from pathlib import Path

from builder.addresses import canonical_issue_url
from builder.catalog import Catalog
from builder.documents import labels as L
from builder.documents.dates import vn_date
from builder.documents.labels import revision_label
from builder.documents.model import Document
from builder.documents.schema import KINDS
from builder.markup.headings import HeadingIds
from builder.markup.render import for_print, render_body
from builder.pdf.paths import TEMPLATE
from builder.signing.status import describe, verdict
from builder.structured import after_body_for_print, before_body

# wide-table is looked up, not imported: a template edited before it existed still works
# (its wide tables then follow the template's own whole-document rule).
MAIN = (f'#import "/{TEMPLATE}" as template\n'
        '#import template: layout, horizontalrule\n'
        '#let wide-table(n, body) = dictionary(template).at("wide-table", default: (n, b) => b)(n, body)\n'
        '#show: layout.with(json(bytes(sys.inputs.data)), bytes(sys.inputs.qr))\n')
OVERLAY = f'#import "/{TEMPLATE}": overlay\n#overlay(json(bytes(sys.inputs.data)))\n'


def labels() -> dict:
    """Every word the template prints, from labels.py (one place for Vietnamese wording)."""
    return {"code": L.CODE, "revision": L.REVISION, "effective": L.EFFECTIVE, "page": L.PAGE,
            "name": L.NAME, "position": L.POSITION, "date": L.DATE, "signature": L.SIGNATURE,
            "decision": L.DECISION, "changes": L.CHANGES, "change-columns": list(L.CHANGE_COLUMNS),
            "forms": L.FORMS, "form-columns": list(L.FORM_COLUMNS), "verify": L.VERIFY_QR}


def _signoffs(doc: Document, catalog: Catalog) -> list[dict]:
    org = catalog.organisation
    out = []
    for key, role in L.SIGNOFF_COLUMNS.items():
        s = doc.signoffs.get(key)
        person = org.people.get(s.by) if s else None
        signed = (f"{L.DIGITAL_SIGNATURE}: {describe(verdict(doc, key, catalog))}"
                  if s and org.signatures != "off" else "")
        out.append({"role": role, "name": org.person_name(s.by) if s else "",
                    "position": org.position_name(person.position) if person else "",
                    "date": vn_date(s.date) if s else "", "signed": signed})
    return out


def _forms(doc: Document, catalog: Catalog) -> list[dict]:
    """The procedure's forms with their current issue, as controlled data (not body text)."""
    out = []
    for code in doc.forms:
        form = catalog.get(code)
        out.append({"code": code, "title": form.title if form else "",
                    "revision": revision_label(form.revision) if form else L.NONE})
    return out


def subject(doc: Document) -> str:
    return L.PDF_SUBJECT.format(code=doc.code, revision=revision_label(doc.revision),
                                effective=vn_date(doc.effective) or L.NONE)


def document_data(doc: Document, catalog: Catalog) -> dict:
    """Control data of one issue. Everything here is part of the master's cache key."""
    org = catalog.organisation
    approved = doc.signoffs.get("approved")
    return {
        "agency": {"name": org.agency_name, "parent": org.agency_parent, "short": org.agency_short},
        "kind": KINDS.get(doc.kind, doc.kind), "form": doc.kind == "form",
        "code": doc.code, "title": doc.title, "revision": revision_label(doc.revision),
        "effective": vn_date(doc.effective) or L.NONE, "subject": subject(doc),
        "url": issue_url(doc, catalog),
        "signoffs": _signoffs(doc, catalog), "decision": approved.decision if approved else None,
        "changes": [{"revision": revision_label(r.revision), "date": vn_date(r.date),
                     "section": r.section or "", "description": r.description or ""} for r in doc.changes],
        "forms": _forms(doc, catalog),
        "labels": labels(),
    }


def issue_url(doc: Document, catalog: Catalog) -> str:
    """The canonical intranet page of this issue: what the QR code on every page opens."""
    return canonical_issue_url(catalog.organisation.base_url, doc.code, doc.revision)


QR_MASK = 0     # any of the eight masks is a valid code; trying all eight took 80 % of the time


def qr_svg(url: str) -> str:
    """The QR code as SVG (vector, so it stays sharp when printed). One fixed mask: choosing the
    best of eight cost 5 ms a document (9 s of a cold build of 1,650 PDFs), for a code every
    reader decodes either way (the tests read it back from the PDF)."""
    import segno  # start-up cost: ~30 ms, paid only by a build that prints

    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False, mask=QR_MASK).save(buffer, kind="svg", border=0, xmldecl=False, scale=4)
    return buffer.getvalue().decode("ascii")


def body_dir(doc: Document) -> str:
    """Folder of the source file, for images referenced relative to it."""
    return str(Path(doc.path).parent.as_posix()) if "/" in doc.path else ""


def print_parts(doc: Document, catalog: Catalog) -> list[str]:
    """The Markdown the printed copy says below its control block: the sections the site shows
    from the front matter (plan tasks, targets and results) and the body. Cheap: the cache key
    of a master is made from these, and they are rendered only when the master is missing."""
    return [p for p in (*before_body(doc, catalog), doc.body, *after_body_for_print(doc, catalog)) if p.strip()]


def docx_parts(doc: Document) -> list[str]:
    """A form's Word copy: the control line on top (a filled-in form still says which issue it
    is), then the body."""
    header = L.DOCX_HEADER.format(code=doc.code, revision=revision_label(doc.revision),
                                  effective=vn_date(doc.effective) or L.NONE)
    return [f"*{header}*\n\n", doc.body]


def parts_html(parts: list[str], memo: dict | None = None) -> str:
    """The parts rendered by the one parser, each on its own (a body's unclosed fence cannot
    swallow the sections after it), as pandoc reads them for print. `memo` (one build's) keeps
    each part's HTML: a form's body is printed in its PDF and in its Word copy."""
    ids, out, memo = HeadingIds(), [], {} if memo is None else memo
    for part in parts:
        key = (part, frozenset(ids.seen))     # a heading's id depends on the ids used before it
        if key not in memo:
            memo[key] = (for_print(render_body(part, ids=ids).html), frozenset(ids.seen))
        html, seen = memo[key]
        ids.seen = set(seen)
        out.append(html)
    return "".join(out)
