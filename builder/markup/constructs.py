"""What in a body cannot mean the same everywhere, found on the parser's own tokens (so the
check and the rendering never disagree about what a line says): text in angle brackets that
parses as an unknown HTML tag (hidden everywhere), links that lead nowhere, characters outside
the common Latin and Vietnamese repertoire (which the print fonts may lack), and what GitHub
alone renders specially (footnotes, alerts, math, diagrams)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from urllib.parse import unquote

from markdown_it.token import Token

from builder.documents.html_safety import (DROPPED, URL_ATTRIBUTES,
                                           dangerous_url)
from builder.markup.dialect import parse
from builder.markup.headings import HeadingIds, heading_text

# HTML elements (and the SVG/MathML roots) a browser knows; any other tag name is hidden text.
ELEMENTS = frozenset("""a abbr address area article aside audio b base bdi bdo big blockquote body br
button canvas caption center cite code col colgroup data datalist dd del details dfn dialog div dl dt
em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i
iframe img input ins kbd label legend li link main map mark math menu meta meter nav noscript object
ol optgroup option output p param picture pre progress q rp rt ruby s samp script search section
select slot small source span strike strong style sub summary sup svg table tbody td template
textarea tfoot th thead time title tr track tt u ul var video wbr circle ellipse g line path polygon
polyline rect text tspan defs use""".split())
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)[^>]*>")
_ID = re.compile(r"""\b(?:id|name)\s*=\s*["']?([^"'\s>]+)""", re.I)
# Latin (with every Vietnamese letter), combining marks and the usual punctuation: what any
# print font chosen by builder/pdf/fonts.py carries. Other characters are checked against the
# fonts themselves.
_COMMON = re.compile(r"[\u0000-\u024F\u0300-\u036F\u1E00-\u1EFF\u2010-\u2027\u2030-\u203A\s]+")


@dataclass(frozen=True)
class Hidden:
    line: int          # 0-based body line
    tag: str


@dataclass(frozen=True)
class BadLink:
    line: int
    text: str
    anchor: str | None   # None: no target at all


def _inline_lines(block: Token):
    """(child, 0-based body line) for the children of an inline token."""
    line = block.map[0] if block.map else 0
    for child in block.children or []:
        yield child, line
        if child.type in ("softbreak", "hardbreak"):
            line += 1


def hidden_tags(tokens: list[Token]) -> list[Hidden]:
    out = []
    for token in tokens:
        if token.type == "html_block":
            out += [Hidden(token.map[0] + token.content.count("\n", 0, m.start()), m.group(0))
                    for m in _TAG.finditer(token.content) if m.group(1).lower() not in ELEMENTS]
        elif token.type == "inline":
            out += [Hidden(line, child.content.strip()) for child, line in _inline_lines(token)
                    if child.type == "html_inline" and _unknown(child.content)]
    return out


def _unknown(content: str) -> bool:
    m = _TAG.match(content.strip())
    return bool(m) and m.group(1).lower() not in ELEMENTS


def bad_links(tokens: list[Token]) -> list[BadLink]:
    """Links with no target, and links to '#x' where the body has no heading or element x."""
    ids, known = HeadingIds(), set()
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            known.add(ids(heading_text(tokens[i + 1])))
        if token.type in ("html_block", "html_inline", "inline"):
            known.update(_ID.findall(token.content))
    out = []
    for token in tokens:
        if token.type != "inline":
            continue
        children = list(_inline_lines(token))
        for k, (child, line) in enumerate(children):
            if child.type != "link_open":
                continue
            href = str(child.attrs.get("href") or "")
            if not href:
                out.append(BadLink(line, _until_close(children, k), None))
            elif href.startswith("#") and href[1:] and href[1:] not in known:
                out.append(BadLink(line, _until_close(children, k), href[1:]))
    return out


def _until_close(children, k: int) -> str:
    parts = []
    for child, _ in children[k + 1:]:
        if child.type == "link_close":
            break
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
    return "".join(parts)[:60]


def unusual_characters(tokens: list[Token]) -> dict[str, int]:
    """Characters a reader sees (entities decoded) outside the common repertoire, each with the
    0-based body line of its first use."""
    out: dict[str, int] = {}

    def note(text: str, line: int) -> None:
        for ch in INVISIBLE.sub("", _COMMON.sub("", text)):   # invisible ones: hidden_text
            out.setdefault(ch, line)

    for token in tokens:
        if token.type in ("fence", "code_block") and token.map:
            note(token.content, token.map[0])
        elif token.type == "inline":
            for child, line in _inline_lines(token):
                if child.type in ("text", "code_inline"):
                    note(child.content, line)
    return out


_FOOTNOTE_DEFINITION = re.compile(r"^ {0,3}\[\^[^\]\s]+\]:")
_FOOTNOTE_REFERENCE = re.compile(r"\[\^[^\]\s]+\]")
_ALERT = re.compile(r"^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]", re.I)
_MATH = re.compile(r"\$\$|(?<![\\$\w])\$(?=\S)[^$\n]+(?<=\S)\$(?![\w$])")
GITHUB_BLOCKS = ("mermaid", "math", "geojson", "topojson", "stl")


def github_only(body: str, tokens: list[Token]) -> list[tuple[int, str]]:
    """(0-based line, which) of constructs GitHub renders specially and CommonMark shows as
    written: footnotes, alerts ('> [!NOTE]'), math, diagrams. The preview the reviewer approved
    then differs from the site and the print."""
    out: list[tuple[int, str]] = []
    code_lines = {n for t in tokens if t.type in ("fence", "code_block") and t.map for n in range(*t.map)}
    for n, line in enumerate(body.split("\n")):
        if n not in code_lines and _FOOTNOTE_DEFINITION.match(line):
            out.append((n, "footnote"))
    for i, token in enumerate(tokens):
        if token.type == "fence" and token.info.strip().split(" ")[0].lower() in GITHUB_BLOCKS and token.map:
            out.append((token.map[0], "diagram"))
        elif token.type == "blockquote_open" and i + 2 < len(tokens) and tokens[i + 2].type == "inline" \
                and _ALERT.match(tokens[i + 2].content) and token.map:
            out.append((token.map[0], "alert"))
        elif token.type == "inline":
            for child, line in _inline_lines(token):
                if child.type != "text":
                    continue
                if _FOOTNOTE_REFERENCE.search(child.content):
                    out.append((line, "footnote"))
                if _MATH.search(child.content):
                    out.append((line, "math"))
    return sorted(set(out))


# Characters that take no room on the page: zero-width spaces and joiners, direction marks
# and overrides, word joiners, the BOM inside text. A reader cannot see what they change.
INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u180e]")
# Browsers drop these inside a URL, so 'java&#9;script:' is 'javascript:'.
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
_SCRIPT_URL = re.compile(r"(?:java|vb|live)script:|data:text/html", re.I)
# A Markdown link or definition the parser refused for its script URL stays as text.
_REFUSED_LINK = re.compile(r"\](?:\(|:)<?(?:(?:java|vb|live)script:|data:text/html)", re.I)


class _Attributes(HTMLParser):
    """What in a piece of raw HTML could run script: elements, event handlers, URLs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []     # (1-based line within the piece, what)

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        if tag in DROPPED:
            self.found.append((line, f"thẻ <{tag}>"))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((line, f"thuộc tính sự kiện {name}="))
            elif name in URL_ATTRIBUTES and value and dangerous_url(value):
                self.found.append((line, f"liên kết {_scheme(value)}"))
            elif name == "srcdoc":
                self.found.append((line, "thuộc tính srcdoc="))

    handle_startendtag = handle_starttag


def _scheme(value: str) -> str:
    m = _SCRIPT_URL.search(_URL_NOISE.sub("", value))
    return m.group(0).lower() if m else "nguy hiểm"


def unsafe(tokens: list[Token]) -> list[tuple[int, str]]:
    """(0-based line, what) of everything that could run script: raw HTML elements, event
    attributes and script URLs, however spelt (entities, tabs, case); and Markdown links the
    parser refused for their script URL, which stay in the text."""
    out = []
    for token in tokens:
        if token.type == "html_block" and token.map:
            out += [(token.map[0] + line - 1, what) for line, what in _scan_html(token.content)]
        elif token.type == "inline":
            for child, line in _inline_lines(token):
                if child.type == "html_inline":
                    out += [(line, what) for _, what in _scan_html(child.content)]
                elif child.type == "text" and _REFUSED_LINK.search(_URL_NOISE.sub("", child.content)):
                    out.append((line, f"liên kết {_scheme(child.content)}"))
                elif child.type in ("link_open", "image"):
                    target = unquote(str(child.attrs.get("href") or child.attrs.get("src") or ""))
                    if dangerous_url(target):
                        out.append((line, f"liên kết {_scheme(target)}"))
    return out


def _scan_html(piece: str) -> list[tuple[int, str]]:
    parser = _Attributes()
    parser.feed(piece)
    parser.close()
    return parser.found


def hidden_text(body: str, tokens: list[Token]) -> list[tuple[int, str]]:
    """(0-based line, what) of approved text no reader sees: HTML comments, invisible characters."""
    out = []
    for token in tokens:
        if token.type == "html_block" and token.content.lstrip().startswith("<!--") and token.map:
            out.append((token.map[0], "comment"))
        elif token.type == "inline":
            out += [(line, "comment") for child, line in _inline_lines(token)
                    if child.type == "html_inline" and child.content.startswith("<!--")]
    for number, line in enumerate(body.split("\n")):
        m = INVISIBLE.search(line)
        if m:
            out.append((number, f"U+{ord(m.group()):04X}"))
    return sorted(set(out))


@dataclass(frozen=True)
class Constructs:
    hidden: list[Hidden]
    links: list[BadLink]
    characters: dict[str, int]
    github: list[tuple[int, str]]
    unsafe: list[tuple[int, str]]
    invisible: list[tuple[int, str]]


_UNCOMMON = re.compile(r"[^\u0000-\u024F\u0300-\u036F\u1E00-\u1EFF\u2010-\u2027\u2030-\u203A\s]")


# What every construct above needs somewhere in the body: a tag, a link's '](' or ']:', a
# footnote or alert bracket, a character reference, a dollar, a fence, an uncommon character.
_MAY_HAVE_CONSTRUCTS = re.compile(r"<|\]\(|\]:|\[\^|\[!|&(?:#|[A-Za-z][A-Za-z0-9]{1,31};)|\$|```|~~~|"
                                  + _UNCOMMON.pattern)


@lru_cache(maxsize=8192)
def analyse(body: str) -> Constructs:
    """The constructs of a body. A body with none of their marks is not parsed (most procedures:
    the check then costs one linear scan). Remembered by text: the preview checks again after
    every save, and only the saved body is new. Callers only read the result."""
    if not _MAY_HAVE_CONSTRUCTS.search(body):
        return Constructs([], [], {}, [], [], [])
    tokens = parse(body)
    return Constructs(hidden_tags(tokens), bad_links(tokens), unusual_characters(tokens), github_only(body, tokens),
                      unsafe(tokens), hidden_text(body, tokens))
