"""The reference rendering: the body as the pull-request preview shows it (the GFM dialect of
builder/markup, before the site's own treatment), each block marked with its source line."""
from __future__ import annotations

from builder.markup.dialect import parse, parser


def reference_html(body: str, first_line: int) -> str:
    """HTML of `body` with data-line="N" (file line) on every block, so a difference can name
    the line a document controller has to look at."""
    tokens = parse(body)
    for token in tokens:
        if token.map and token.nesting >= 0 and token.type != "inline":
            token.attrSet("data-line", str(first_line + token.map[0]))
    return parser().renderer.render(tokens, parser().options, {})
