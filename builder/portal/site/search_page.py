"""The province-wide search page: a form, and the table assets/portal-search.js fills from the
sharded index (builder/portal/site/search_index.py). The words the script shows come from
labels.py through data- attributes."""
from __future__ import annotations

import json

from builder.portal.site import labels as W
from builder.portal.site.escape import esc
from builder.portal.site.layout import Frame, page


def search_html(frame: Frame, agencies: int) -> str:
    words = esc(json.dumps(W.SEARCH_WORDS, ensure_ascii=False))
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in W.SEARCH_COLUMNS)
    body = (f"<h1>{esc(W.SEARCH_HEADING)}</h1>\n<p>{esc(W.SEARCH_INTRO.format(count=agencies))}</p>\n"
            f'<form id="pt-search" class="pt-search" role="search" action="index.html" method="get" '
            f'data-words="{words}">'
            f'<label for="pt-q">{esc(W.SEARCH_LABEL)}</label>'
            f'<input id="pt-q" type="search" name="q" autocomplete="off" spellcheck="false">'
            f'<button type="submit">{esc(W.SEARCH_BUTTON)}</button></form>\n'
            f"<noscript><p>{esc(W.SEARCH_NOSCRIPT)}</p></noscript>\n"
            f'<p class="pt-status" id="pt-search-status" role="status" aria-live="polite"></p>\n'
            f'<div class="pt-scroll"><table class="pt-table" id="pt-hits" hidden><thead><tr>{head}</tr></thead>'
            f"<tbody></tbody></table></div>\n"
            f'<p><button type="button" id="pt-more" hidden>{esc(W.SEARCH_WORDS["more"])}</button></p>')
    return page(frame, W.NAV_SEARCH, body, 1, "search", ("portal-search.js",))
