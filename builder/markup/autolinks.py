"""GitHub's extended autolinks (GFM spec, 'Autolinks (extension)'): 'www.' addresses, http(s)
and ftp URLs and e-mail addresses written without angle brackets become links, with GitHub's
own rules for where a link ends (trailing punctuation, unbalanced ')', a trailing entity-like
'&x;'). Written here rather than taken from linkify-it, whose rules differ from GitHub's (it
links bare domains such as 'example.com' and ends links elsewhere)."""
from __future__ import annotations

import re

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

_DOMAIN = r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+"
_CANDIDATE = re.compile(
    rf"(?:(?<=^)|(?<=[\s*_~(]))"
    rf"(?P<url>(?:(?:https?|ftp)://{_DOMAIN}|www\.{_DOMAIN})[^\s<]*)"
    rf"|(?:(?<=^)|(?<=[^A-Za-z0-9.+_-]))(?P<email>[A-Za-z0-9._+-]+@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+)")
_TRAILING = "?!.,:*_~"
_ENTITY_END = re.compile(r"&[A-Za-z0-9]+;$")


def _trim(link: str) -> str:
    """Drop what GitHub does not count as part of a link at its end."""
    while link:
        if link[-1] in _TRAILING:
            link = link[:-1]
        elif link.endswith(")") and link.count(")") > link.count("("):
            link = link[:-1]
        elif link.endswith(";") and _ENTITY_END.search(link):
            link = link[: _ENTITY_END.search(link).start()]
        else:
            return link
    return link


def _domain_ok(link: str) -> bool:
    """No underscore in the last two segments of the domain."""
    host = re.sub(r"^(?:(?:https?|ftp)://)", "", link).split("/", 1)[0].split("?", 1)[0]
    return "_" not in "".join(host.split(".")[-2:])


def _email(text: str) -> str | None:
    """The address without a trailing '.', refused when it ends in '-' or '_'."""
    text = text.rstrip(".")
    return None if not text or text[-1] in "-_" or "." not in text.split("@", 1)[1] else text


def _pieces(text: str):
    """(text, href or None) pieces of one text token."""
    pos = 0
    for m in _CANDIDATE.finditer(text):
        if m.start() < pos:
            continue
        if m.group("url"):
            link = _trim(m.group("url"))
            if not _domain_ok(link) or not re.search(r"\.", link):
                continue
            href = link if "://" in link else "http://" + link
        else:
            link = _email(m.group("email"))
            if not link:
                continue
            href = "mailto:" + link
        start = m.start()
        yield text[pos:start], None
        yield link, href
        pos = start + len(link)
    yield text[pos:], None


def github_autolinks(state: StateCore) -> None:
    """Core rule: turn the autolinks of text tokens (outside links) into link tokens."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        out, depth = [], 0
        for token in block.children:
            if token.type == "link_open":
                depth += 1
            elif token.type == "link_close":
                depth -= 1
            if token.type != "text" or depth or not _CANDIDATE.search(token.content):
                out.append(token)
                continue
            for text, href in _pieces(token.content):
                if href is None:
                    if text:
                        out.append(_text(text, token))
                    continue
                opening = Token("link_open", "a", 1, attrs={"href": state.md.normalizeLink(href)},
                                markup="autolink", info="auto")
                out += [opening, _text(text, token), Token("link_close", "a", -1, markup="autolink", info="auto")]
        block.children = out


def _text(content: str, like: Token) -> Token:
    token = Token("text", "", 0, content=content)
    token.level = like.level
    return token
