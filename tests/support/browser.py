"""Support for the end-to-end tests: Debian's chromium driven by Playwright, a built site served
on 127.0.0.1, and a record of every request the browser makes.

Chromium comes from the distribution (installed with apt-get when missing, as root), never from
`playwright install`: no download from Playwright's CDN, and the browser the intranet's users
actually get on Debian. It starts headless with the features that reach outside turned off.
"""
from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from support import debian

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
ARTIFACTS = Path(os.environ.get("QMS_ARTIFACTS") or Path(__file__).resolve().parents[2] / "test-artifacts")


def ensure_chromium() -> Path:
    """Debian's chromium, installed with apt-get when missing (needs root, as in CI containers)."""
    if debian.ensure("chromium"):
        pytest.fail("Chromium is missing: install Debian's package (apt-get install chromium) as root.")
    return CHROMIUM


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class SiteServer:
    """A built site served on 127.0.0.1 by the standard library, in a background thread."""

    def __init__(self, root: Path):
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}/"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def outside(url: str, host: str = "127.0.0.1") -> bool:
    """Whether a request leaves the site's own host (data: and blob: URLs stay in the page)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return False
    return parts.hostname != host


class RequestLog:
    """Every request of a browser context, pages and workers alike."""

    def __init__(self, context):
        self.urls: list[str] = []
        context.on("request", lambda request: self.urls.append(request.url))

    def external(self) -> list[str]:
        return [u for u in self.urls if outside(u)]


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


def cells_outside(page, width: int) -> list[str]:
    """Table cells of the article that stick out of a page `width` pixels wide (their first
    30 characters, at most 5): a table must fit the phone's screen or scroll inside itself."""
    return page.evaluate("""(width) => {
        const out = []
        document.querySelectorAll('article table td, article table th').forEach(cell => {
            const r = cell.getBoundingClientRect()
            if (r.width && (r.left < -1 || r.right > width + 1)) out.push(cell.textContent.trim().slice(0, 30))
        })
        return out.slice(0, 5)
    }""", width)
