"""The mark left where a value still has to be filled in (by `qms new`, `qms record new` or
`qms import`), and the walk over front-matter values that finds it."""
from __future__ import annotations

MARK = "CẦN ĐIỀN"


def text_values(value, keys=()):
    """(key path, text) of every text inside a front-matter value, through lists and mappings."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from text_values(item, keys + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from text_values(item, keys + (index,))
    elif isinstance(value, str):
        yield keys, value


def marked_values(value, keys=()):
    """(key path, text) of every text inside a front-matter value that still holds the mark."""
    return ((k, text) for k, text in text_values(value, keys) if MARK in text)
