"""Raw HTML that could run script in a reader's browser (see documents/html_safety.py, which
removes it from the published page). Reported so that the document controller cleans the
source: what was pasted is not what staff will see. Found on the parser's tokens, however the
URL is spelt (entities, tabs, case), in time linear in the body."""
from __future__ import annotations

from builder.findings.rule_texts import HIDDEN_TEXT, UNSAFE_HTML
from builder.rules.markdown_body import constructs
from builder.rules.registry import body_rule, problem


@body_rule(UNSAFE_HTML)
def no_script_in_content(doc, catalog):
    """No <script>, event-handler attribute or script URL in the body (code is text, not HTML)."""
    by_line: dict[int, list[str]] = {}
    for line, what in constructs(doc, catalog).unsafe:
        by_line.setdefault(line, [])
        if what not in by_line[line]:
            by_line[line].append(what)
    for line, whats in sorted(by_line.items()):
        yield problem(doc.path, doc.body_line + line, what=", ".join(whats))


@body_rule(HIDDEN_TEXT)
def no_hidden_approved_text(doc, catalog):
    """Approved text a reader never sees: HTML comments, invisible characters. A draft may keep
    the writing hints `qms new` puts in comments; an issue in force may not."""
    if doc.status == "draft":
        return
    for line, what in constructs(doc, catalog).invisible:
        if what == "comment":
            yield problem(doc.path, doc.body_line + line)
        else:
            yield problem(doc.path, doc.body_line + line, "character", char=what)
