"""User-supplied strings (titles, unit names, task text) written into generated Markdown so that
they show literally: no '<...>' read as a tag, no '*' read as emphasis, no '|' ending a cell."""
from __future__ import annotations

import html

# Characters that start Markdown inline syntax, written as numeric references (both CommonMark
# and Python-Markdown show a reference as the character itself). '{' and '}' too: the site's
# attr_list extension reads '{: style=... }' after a title or a cell as attributes of its element.
_MARKUP = {ord(ch): f"&#{ord(ch)};" for ch in "\\`*_[]|~!#{}"}


def cell(text) -> str:
    """Text safe inside a Markdown table cell or any inline position of a generated page."""
    value = str(text if text is not None else "")
    return html.escape(value, quote=False).translate(_MARKUP).replace("\n", " ")
