"""The one Markdown parser of document bodies.

GitHub and GitLab render a pull request's Markdown as CommonMark plus the GFM extensions
(tables, strikethrough, autolinks of bare URLs and e-mail addresses, task lists). markdown-it-py
passes the CommonMark spec and implements the same extensions (autolinks: markup/autolinks.py), so a body parsed here means what
the reviewer approved in the preview. Raw HTML is kept (tables in forms use <br>) and made safe
afterwards by documents/html_safety.py.
"""
from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.tasklists import tasklists_plugin

from builder.markup.autolinks import github_autolinks

DIALECT = "CommonMark 0.31 + GFM (bảng, gạch ngang ~~, liên kết tự động, danh sách việc [ ])"


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """The configured parser (built once: building it costs ~5 ms)."""
    md = MarkdownIt("commonmark", {"html": True, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.core.ruler.after("text_join", "github_autolinks", github_autolinks)
    return md.use(tasklists_plugin)


def parse(body: str) -> list[Token]:
    """The block and inline tokens of a body; `token.map` holds 0-based body line ranges."""
    return parser().parse(body)
