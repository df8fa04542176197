"""The change table ('Theo dõi sửa đổi tài liệu'): one row per issue, the last one current."""
from __future__ import annotations

from builder.documents.dates import vn_date
from builder.findings.rule_texts import CHANGE_TABLE_CURRENT, CHANGE_TABLE_ROWS
from builder.rules.registry import document_rule, problem


@document_rule(CHANGE_TABLE_ROWS)
def change_rows_complete(doc, catalog):
    """Rows are exactly the issues 1..current, once each, in order."""
    if not doc.changes or not doc.revision:
        return
    seen = [row.revision for row in doc.changes]
    expected = list(range(1, doc.revision + 1))
    if seen == expected:
        return
    missing = [n for n in expected if n not in seen]
    extra = sorted({n for n in seen if n is not None and (n > doc.revision or seen.count(n) > 1)})
    parts = [CHANGE_TABLE_ROWS.text(name, revisions=", ".join(map(str, numbers)))
             for name, numbers in (("missing", missing), ("extra", extra)) if numbers]
    parts = parts or [CHANGE_TABLE_ROWS.text("order")]
    yield problem(doc.path, doc.line("changes"), problems="; ".join(parts), revision=doc.revision)


@document_rule(CHANGE_TABLE_CURRENT)
def last_change_is_current(doc, catalog):
    """The last row is the current issue, dated on the effective date."""
    if not doc.changes or not doc.revision:
        return
    last = doc.changes[-1]
    index = len(doc.changes) - 1
    if last.revision != doc.revision:
        yield problem(doc.path, doc.line("changes", index, "revision"), last=last.revision, revision=doc.revision)
    elif doc.effective and last.date and last.date != doc.effective:
        yield problem(doc.path, doc.line("changes", index, "date"), "date", revision=doc.revision,
                      row_date=vn_date(last.date), effective=vn_date(doc.effective))
