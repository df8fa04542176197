"""A body rendered once to HTML: the same HTML is the site's page body and pandoc's input for
the PDF and DOCX, so the three cannot drift apart."""
from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field
from typing import Callable

from markdown_it.token import Token

from builder.documents.html_safety import sanitize_html
from builder.markup.dialect import parse, parser
from builder.markup.headings import HeadingIds, heading_text

BODY_CLASS = "qms-body"
PERMALINK_TITLE = "Liên kết đến mục này"


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    text: str


@dataclass(frozen=True)
class RenderedBody:
    html: str
    headings: list[Heading] = field(default_factory=list)


def render_body(body: str, resolve_url: Callable[[str], str] | None = None, permalinks: bool = False,
                ids: HeadingIds | None = None) -> RenderedBody:
    """HTML of a body: headings get ids (and a ¶ permalink on the site), link and image targets
    go through `resolve_url` (the page lives elsewhere than its source file), and whatever
    could run script is removed."""
    tokens = parse(body)
    ids = ids or HeadingIds()
    headings = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            text = heading_text(tokens[i + 1])
            token.attrSet("id", ids(text))
            headings.append(Heading(int(token.tag[1]), token.attrs["id"], text))
        if resolve_url and token.children:
            for child in token.children:
                _resolve(child, resolve_url)
    out = parser().renderer.render(tokens, parser().options, {})
    if permalinks:
        out = _add_permalinks(out, headings)
    return RenderedBody(sanitize_html(out), headings)


def _resolve(token: Token, resolve_url: Callable[[str], str]) -> None:
    for name in ("href", "src"):
        value = token.attrs.get(name)
        if isinstance(value, str):
            token.attrSet(name, resolve_url(value))


def _add_permalinks(out: str, headings: list[Heading]) -> str:
    """A ¶ link at the end of each heading, in one pass over the HTML."""
    parts, cursor = [], 0
    for h in headings:
        start = out.find(f'<h{h.level} id="{html_lib.escape(h.id)}">', cursor)
        end = out.find(f"</h{h.level}>", start) if start >= 0 else -1
        if end < 0:
            continue
        parts += [out[cursor:end], f'<a class="headerlink" href="#{html_lib.escape(h.id)}" '
                                   f'title="{PERMALINK_TITLE}">&para;</a>']
        cursor = end
    return "".join(parts) + out[cursor:]


_BLANKISH = re.compile(r"(?m)^[ \t]+$")
_TAGS = re.compile(r"(<[^>]*>)")


def body_block(rendered: RenderedBody) -> str:
    """The body as one raw HTML block of a generated Markdown page: Markdown processors pass a
    block-level element through untouched, so the site shows exactly this HTML. Python-Markdown
    still expands tabs and empties lines of spaces in its whole input (code blocks included),
    so those characters go in as character references, which it leaves alone. markdown="0"
    keeps md_in_html from reading Markdown inside a <div markdown="1"> a body may carry."""
    parts = _TAGS.split(rendered.html)
    for i in range(0, len(parts), 2):          # text between tags only
        parts[i] = _BLANKISH.sub(lambda m: m.group(0).replace(" ", "&#32;"), parts[i]).replace("\t", "&#9;")
    safe = "".join(parts)
    return f'<div class="{BODY_CLASS}" markdown="0">\n{safe}</div>'


_CHECKBOX = re.compile(r"<input\b[^>]*\btype=\"checkbox\"[^>]*>", re.I)


def for_print(body_html: str) -> str:
    """The HTML pandoc reads for print: task-list boxes become ☐ and ☒ (pandoc drops a list
    whose items start with an <input>), everything else is the site's HTML."""
    return _CHECKBOX.sub(lambda m: "☒" if "checked" in m.group(0) else "☐", body_html)
