"""Agency data is untrusted: every string is escaped where it is written, and only http(s) URLs
(or a relative URL resolved against the agency's own http(s) site) ever become links. Anything
else (javascript:, data:, a URL with spaces or control characters) is shown as text."""
from __future__ import annotations

import html
import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

# C0 controls, space and DEL: browsers drop or ignore some of them inside URLs, which is how
# "java\tscript:" slips past a naive check. A URL holding any of them is not linked.
_UNSAFE_CHARS = re.compile(r"[\x00-\x20\x7f]")
MAX_URL = 2000
# A site-relative path as builds write them ('tai-lieu/qt-01/', 'ho-so/2026/kp-2026-01/'): joined
# to the site's address as it is. Anything else goes through the full URL join and check.
_PLAIN_PATH = re.compile(r"(?!/)(?!.*(?:^|/)\.\.?(?:/|$))[A-Za-z0-9._~/%-]*")


def esc(text) -> str:
    """Text for an element's content or a quoted attribute: &, <, >, " and ' escaped."""
    return html.escape("" if text is None else str(text), quote=True)


def web_url(url) -> str | None:
    """The URL itself when it is an absolute http(s) URL with a host, else None."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or len(url) > MAX_URL or _UNSAFE_CHARS.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


@lru_cache(maxsize=4096)
def site_base(site_url) -> str | None:
    """The agency's site as the base of its relative links (ending in '/'), or None."""
    base = web_url(site_url)
    return None if base is None else base if base.endswith("/") else base + "/"


def on_site(site_url, path) -> str | None:
    """A link the agency gave (relative to its site, or absolute) as an absolute http(s) URL on
    the web, or None. A relative path needs the agency's own site to be an http(s) URL."""
    if not isinstance(path, str) or len(path) > MAX_URL:
        return None
    path = path.strip()
    base = site_base(site_url) if isinstance(site_url, str) else None
    if base is not None and _PLAIN_PATH.fullmatch(path):
        return base + path
    if _UNSAFE_CHARS.search(path):
        return None
    try:
        scheme = urlsplit(path).scheme
        if scheme:
            return web_url(path)
        return web_url(urljoin(base, path)) if base is not None else None
    except ValueError:
        return None


def site_path(site_url, path) -> str | None:
    """A link of the agency's as the search stores it: the plain path on its site when it is one
    (the script puts the site's address before it), else the checked absolute URL, else None."""
    full = on_site(site_url, path)
    base = site_base(site_url) if isinstance(site_url, str) else None
    if full and base and full.startswith(base) and _PLAIN_PATH.fullmatch(full[len(base):]):
        return full[len(base):]
    return full


def link(text, url, new_tab: bool = False) -> str:
    """An <a> to a URL already checked (web_url, on_site, or a portal path the builder made),
    or the text alone when there is no URL."""
    if not url:
        return esc(text)
    extra = ' rel="noopener noreferrer"' if new_tab else ""
    return f'<a href="{esc(url)}"{extra}>{esc(text)}</a>'
