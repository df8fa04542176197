"""Raw HTML in a document must not run script on the intranet.

Markdown lets a document carry raw HTML, and documents often arrive by copy and paste from Word
or web pages. Whatever the source says, the published page keeps no <script> (nor elements
that load or run other content: iframe, object, embed...), no event-handler attribute
(onerror=, onclick=...) and no javascript:/vbscript: URL. The `unsafe-html` rule tells the
document controller what was removed and where.

Pages without anything suspicious are returned unchanged (a quick scan), so the sanitiser costs
nothing on normal pages and never reformats them.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# Elements dropped with everything inside them.
DROPPED = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "noembed", "noscript",
           "template", "style", "base", "meta", "link", "portal", "fencedframe"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr"}
# Attributes whose value is a URL (or becomes one, for SVG animation of href).
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite",
                  "lowsrc", "dynsrc", "ping", "srcset", "values", "to", "from", "by", "codebase"}
DANGEROUS_SCHEME = re.compile(r"^(javascript|vbscript|livescript|data\s*:\s*text/html)", re.I)
CONTROL = re.compile(r"[\x00-\x20\x7f]+")
SUSPICIOUS = re.compile(
    r"<\s*/?\s*(?:" + "|".join(sorted(DROPPED)) + r")\b|\son[a-z]+\s*=|script\s*:|&#|srcdoc|data\s*:\s*text",
    re.I)


def dangerous_url(value: str) -> bool:
    """javascript:, vbscript:, data:text/html URLs, however spaced, cased or entity-encoded
    (the parser has already decoded entities)."""
    return bool(DANGEROUS_SCHEME.match(CONTROL.sub("", value)))


def safe_attributes(tag: str, attrs) -> list[tuple[str, str | None]]:
    out = []
    for name, value in attrs:
        name = name.lower()
        if name.startswith("on") or name == "srcdoc":
            continue
        if name in URL_ATTRIBUTES and value and dangerous_url(value):
            continue
        if name == "style" and value and re.search(r"expression\s*\(|javascript|url\s*\(", value, re.I):
            continue
        out.append((name, value))
    return out


class _Sanitiser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0          # depth inside a dropped element

    def _tag(self, tag, attrs, close=""):
        parts = [tag] + [name if value is None else f'{name}="{html.escape(value, quote=True)}"'
                         for name, value in safe_attributes(tag, attrs)]
        self.out.append("<" + " ".join(parts) + close + ">")

    def handle_starttag(self, tag, attrs):
        if tag in DROPPED:
            if tag not in VOID:
                self.skip += 1
            return
        if not self.skip:
            self._tag(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        if tag not in DROPPED and not self.skip:
            self._tag(tag, attrs, " /")

    def handle_endtag(self, tag):
        if tag in DROPPED:
            if tag not in VOID and self.skip:
                self.skip -= 1
            return
        if not self.skip:
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(html.escape(data, quote=False))

    # Comments, declarations and processing instructions carry nothing a reader needs.
    def handle_comment(self, data):
        pass

    def handle_decl(self, decl):
        pass

    def handle_pi(self, data):
        pass

    def unknown_decl(self, data):
        pass


def sanitize_html(text: str) -> str:
    """The page HTML with everything that could run script removed."""
    if not SUSPICIOUS.search(text):
        return text
    parser = _Sanitiser()
    parser.feed(text)
    parser.close()
    return "".join(parser.out)
