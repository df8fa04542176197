"""Nothing from a document executes on the site: a repository whose every text field (titles,
task text, change rows, records, unit and agency names, the body) holds script payloads is
built, and every generated HTML, JavaScript and JSON file is scanned for live markup carrying
them. Text that shows the payload as characters is fine; an element or attribute is not."""
from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from support.payloads import MARK, payload_repo
from support.repos import mkdocs_build

# JSON files that hold data for programs, not HTML (the portal escapes what it shows)
DATA_FILES = {"manifest.json", "status.json"}


class LiveMarkup(HTMLParser):
    """Elements and attributes that carry the payload: a <script> holding it, an event
    handler, srcdoc, or a javascript: URL."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        self.in_script = tag == "script"
        for name, value in attrs:
            if value and MARK in value and (name.startswith("on") or name == "srcdoc"):
                self.live.append(f"<{tag} {name}=...>")
            if value and name in ("href", "src", "xlink:href") and value.strip().lower().startswith("javascript:"):
                self.live.append(f"<{tag} {name}=javascript:>")
        if tag in ("iframe", "object", "embed") and any(MARK in (v or "") for _, v in attrs):
            self.live.append(f"<{tag}>")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and MARK in data:
            self.live.append("<script> with the payload")


def live_markup(html: str) -> list[str]:
    parser = LiveMarkup()
    parser.feed(html.replace("<![", "&lt;!["))    # a marked section (CDATA) runs nothing; the parser asserts on odd ones
    parser.close()
    return parser.live


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    repo = payload_repo(tmp_path_factory.mktemp("payloads") / "repo")
    result = mkdocs_build(repo.root)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "[unsafe-html]" in result.stderr
    return repo.root / "site"


def test_payloads_reach_the_site_as_text_only(site):
    pages = list(site.rglob("*.html"))
    carrying = [p for p in pages if MARK in p.read_text(encoding="utf-8")]
    assert len(carrying) >= 10, "the payloads must reach nav, headers, tables and bodies"
    found = {str(p.relative_to(site)): live for p in pages if (live := live_markup(p.read_text(encoding="utf-8")))}
    assert found == {}


def test_search_index_and_other_json_hold_no_markup(site):
    scanned = 0
    for path in site.rglob("*.json"):
        if path.name in DATA_FILES:
            json.loads(path.read_text(encoding="utf-8"))      # data: valid JSON, shown escaped by readers
            continue
        for text in strings(json.loads(path.read_text(encoding="utf-8"))):
            if MARK in text:
                assert live_markup(text) == [], (path.name, text[:200])
                scanned += 1
    assert scanned > 0, "the search index must carry the payloads as text"


def test_scripts_carry_no_document_data(site):
    for path in site.rglob("*.js"):
        assert MARK not in path.read_text(encoding="utf-8", errors="replace"), path


def test_the_scanner_sees_live_markup():
    """The scan itself: the payloads as raw HTML are caught, the same payloads escaped are not."""
    import html as html_lib

    from support.payloads import PAYLOADS

    for payload in PAYLOADS:
        assert live_markup(payload), payload
        assert live_markup(html_lib.escape(payload)) == [], payload
