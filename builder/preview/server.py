"""The preview's web server: pages as the site renders them on demand, with a small script
that reloads the page in the browser as soon as a saved change has been taken in. Binds to
127.0.0.1 unless told otherwise; loads nothing from outside."""
from __future__ import annotations

import mimetypes
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Protocol
from urllib.parse import parse_qs, unquote, urlsplit

PREFIX = "/.qms-preview/"
POLL_SECONDS = 20

RELOAD_JS = b"""(function () {
  var script = document.currentScript, seen = script.getAttribute("data-version");
  function poll() {
    fetch("/.qms-preview/version?since=" + seen, {cache: "no-store"})
      .then(function (r) { return r.text(); })
      .then(function (now) { if (now !== seen) { location.reload(); } else { poll(); } })
      .catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
"""


class Site(Protocol):
    def get(self, path: str) -> tuple[bytes, str] | None: ...


class Versions:
    """A counter the browser waits on: it grows once a change is taken in."""

    def __init__(self):
        self.value = 0
        self.changed = threading.Condition()

    def bump(self) -> None:
        with self.changed:
            self.value += 1
            self.changed.notify_all()

    def wait(self, since: int, timeout: float) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.value != since, timeout)
            return self.value


def inject(html: bytes, version: int) -> bytes:
    tag = f'<script src="{PREFIX}reload.js" data-version="{version}"></script>'.encode()
    at = html.rfind(b"</body>")
    return html[:at] + tag + html[at:] if at >= 0 else html + tag


LOCAL_NAMES = ("127.0.0.1", "localhost", "[::1]")


def allowed_host(header: str | None, bound: str, port: int) -> bool:
    """The Host a browser names must be this machine, or the address the server was asked to
    listen on: a page elsewhere that points its own name at 127.0.0.1 cannot read the drafts.
    Served to the network (--host 0.0.0.0), any name the network uses is fine."""
    if not header:
        return False
    value = header.strip().lower()
    if value.startswith("["):                       # [::1]:8000
        inside, _, rest = value.partition("]")
        name, given = inside + "]", rest[1:] if rest.startswith(":") else ""
    else:
        name, _, given = value.partition(":")
    if given not in ("", str(port)):
        return False
    if bound in ("0.0.0.0", "::", ""):
        return True
    return name in LOCAL_NAMES or name == bound.lower()


def make_server(site: Site, versions: Versions, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if not allowed_host(self.headers.get("Host"), host, self.server.server_port):
                return self._send(b"403", "text/plain; charset=utf-8", HTTPStatus.FORBIDDEN)
            url = urlsplit(self.path)
            path = unquote(url.path)
            if path == PREFIX + "reload.js":
                return self._send(RELOAD_JS, "text/javascript; charset=utf-8")
            if path == PREFIX + "version":
                since = parse_qs(url.query).get("since", ["-1"])[0]
                now = versions.wait(int(since) if since.lstrip("-").isdigit() else -1, POLL_SECONDS)
                return self._send(str(now).encode(), "text/plain; charset=utf-8")
            version = versions.value
            found = site.get(path)
            status = HTTPStatus.OK
            if found is None:
                status, found = HTTPStatus.NOT_FOUND, site.get("/404.html") or (b"404", "text/plain; charset=utf-8")
            body, kind = found
            if kind.startswith("text/html"):
                body = inject(body, version)
            self._send(body, kind, status)

        def _send(self, body: bytes, kind: str, status=HTTPStatus.OK):
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format, *args):  # the console shows what changed, not every request
            pass

    server = ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    return server


def content_type(path: str) -> str:
    kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return kind + ("; charset=utf-8" if kind.startswith("text/") or kind.endswith(("javascript", "json")) else "")
