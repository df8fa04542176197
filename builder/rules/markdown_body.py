"""A body means what the pull-request preview shows (builder/markup): what cannot be shown the
same on the preview, the site and the printed copy is reported at its line."""
from __future__ import annotations

from pathlib import Path

from builder.findings.rule_texts import (GITHUB_ONLY, HIDDEN_TAG, LINK_TARGET,
                                         PRINT_GLYPH)
from builder.markup.constructs import analyse
from builder.pdf.fonts import font_setup, unprintable
from builder.rules.registry import body_rule, problem


def constructs(doc, catalog):
    """One parse per document for the three rules."""
    return catalog.memo(f"constructs:{doc.path}", lambda: analyse(doc.body))


@body_rule(HIDDEN_TAG)
def no_hidden_tags(doc, catalog):
    """Text in angle brackets that parses as an unknown HTML tag is hidden everywhere."""
    for hidden in constructs(doc, catalog).hidden:
        yield problem(doc.path, doc.body_line + hidden.line, tag=hidden.tag[:60])


@body_rule(LINK_TARGET)
def links_lead_somewhere(doc, catalog):
    """A link has a target; a link to '#x' names a heading of the document."""
    for link in constructs(doc, catalog).links:
        if link.anchor is None:
            yield problem(doc.path, doc.body_line + link.line, text=link.text)
        else:
            yield problem(doc.path, doc.body_line + link.line, "anchor", text=link.text, anchor=link.anchor)


@body_rule(GITHUB_ONLY)
def no_github_only_syntax(doc, catalog):
    """Footnotes, alerts, math and diagrams look one way in the preview and another on the site."""
    for line, what in constructs(doc, catalog).github:
        yield problem(doc.path, doc.body_line + line, None if what == "footnote" else what)


def _all_unusual(catalog) -> set[str]:
    """The uncommon characters of every document and record: probed in one print run for all of them."""
    return catalog.memo("unusual-characters", lambda: {
        ch for d in [*catalog.documents, *catalog.records] for ch in constructs(d, catalog).characters})


@body_rule(PRINT_GLYPH)
def printable_characters(doc, catalog):
    """Every character of the body is in a print font (checked only for uncommon characters)."""
    unusual = constructs(doc, catalog).characters
    if not unusual:
        return
    missing = unprintable(Path(catalog.root), frozenset(_all_unusual(catalog)))
    lines: dict[int, list[str]] = {}
    for ch, line in unusual.items():
        if ch in missing:
            lines.setdefault(line, []).append(ch)
    fonts = ", ".join(font_setup(Path(catalog.root)).families)
    for line, chars in sorted(lines.items()):
        yield problem(doc.path, doc.body_line + line, chars=" ".join(f"'{c}' (U+{ord(c):04X})" for c in chars[:8]),
                      fonts=fonts)
