"""Agencies for the province portal's tests: the sample's real status.json and manifest.json, and an
HTTP server on 127.0.0.1 answering each path the way the test says (good files, a server error,
a slow or endless answer, an oversized body, a redirect)."""
from __future__ import annotations

import copy
import json
import socket
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

from support.repos import TODAY, copy_sample

from builder.catalog import load_catalog
from builder.documents.dates import parse_date
from builder.portal.config import PortalConfig
from builder.portal.model import AgencyEntry
from builder.reporting.status import status
from builder.site.manifest import manifest

Respond = Callable[[BaseHTTPRequestHandler], None]


def sample_files(root: Path) -> tuple[dict, dict]:
    """The status.json and manifest.json the sample agency's build publishes on TODAY."""
    repo = copy_sample(root)
    catalog = load_catalog(repo.root, parse_date(TODAY), with_git=False)
    return status(catalog), manifest(catalog)


def as_bytes(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def renamed(status_data: dict, manifest_data: dict, name: str, titles: str | None = None) -> tuple[dict, dict]:
    """The sample's files as another agency's: its name, and optionally every title prefixed."""
    s, m = copy.deepcopy(status_data), copy.deepcopy(manifest_data)
    s["agency"]["name"] = m["agency"] = name
    for doc in m["documents"] if titles else []:
        doc["title"] = f"{titles} {doc['title']}"
    return s, m


def closed_port() -> int:
    """A port on 127.0.0.1 nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def entry(agency_id: str, base: str, name: str | None = None, level: str = "so") -> AgencyEntry:
    """An agency whose two files are `base`status.json and `base`manifest.json."""
    return AgencyEntry(agency_id, name or f"Cơ quan {agency_id}", level, "https://iso.example.gov.vn/",
                       base + "status.json", base + "manifest.json")


def portal_config(folder: Path, agencies: list[AgencyEntry], timeout: float = 1.0,
                  max_bytes: int = 1_000_000) -> PortalConfig:
    return PortalConfig("Tỉnh Hòa Phong", "Sở Khoa học và Công nghệ tỉnh Hòa Phong", 7, timeout, max_bytes,
                        agencies, Path(folder) / "portal.yml")


def day(text: str = TODAY) -> date:
    return parse_date(text)


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        respond = self.server.routes.get(self.path.split("?")[0])
        if respond is None:
            self.send_error(404)
            return
        respond(self)

    def log_message(self, *args):
        pass


class _Server(ThreadingHTTPServer):
    request_queue_size = 128        # the default 5 drops connections when 64 agencies are fetched at once


class AgencyServer:
    """A ThreadingHTTPServer on 127.0.0.1, port 0, in a thread; `routes` maps a path to how it is
    answered, and may change between two collections."""

    def __init__(self):
        self.httpd = _Server(("127.0.0.1", 0), _Handler)
        self.httpd.routes = {}
        self.stopping = threading.Event()
        self.sent: dict[str, int] = {}           # bytes a streamed answer managed to send, by path
        self.finished: dict[str, threading.Event] = {}
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def route(self, path: str, respond: Respond) -> None:
        self.httpd.routes[path] = respond

    def files(self, prefix: str, status_body: bytes, manifest_body: bytes) -> str:
        """Serve an agency's two files under `prefix`; the base URL of its files."""
        self.route(prefix + "status.json", body(status_body))
        self.route(prefix + "manifest.json", body(manifest_body))
        return self.url(prefix)

    def close(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    # --- ways to answer ----------------------------------------------------------------
    def stream(self, path: str, total: int, declare: bool = False) -> None:
        """An endless-looking body of `total` bytes, written in pieces; records how much was
        written before the client hung up."""
        done = self.finished.setdefault(path, threading.Event())

        def respond(handler):
            handler.send_response(200)
            handler.send_header("Content-Type", "application/json")
            if declare:
                handler.send_header("Content-Length", str(total))
            handler.end_headers()
            piece, sent = b"[" + b"0," * (32 * 1024), 0
            try:
                while sent < total and not self.stopping.is_set():
                    handler.wfile.write(piece)
                    sent += len(piece)
            except OSError:
                pass                                   # the client hung up: what we wanted
            finally:
                self.sent[path] = sent
                done.set()
        self.route(path, respond)

    def slow(self, path: str, seconds: float, data: bytes = b"{}") -> None:
        """Answers only after `seconds` (or when the server stops)."""
        def respond(handler):
            self.stopping.wait(seconds)
            body(data)(handler)
        self.route(path, respond)

    def trickle(self, path: str, interval: float = 0.2) -> None:
        """Headers at once, then one byte every `interval`: never done, never silent for long."""
        def respond(handler):
            handler.send_response(200)
            handler.send_header("Content-Length", "100000")
            handler.end_headers()
            try:
                while not self.stopping.wait(interval):
                    handler.wfile.write(b" ")
            except OSError:
                pass
        self.route(path, respond)


def body(data: bytes, code: int = 200, headers: dict | None = None) -> Respond:
    def respond(handler):
        handler.send_response(code)
        for key, value in {"Content-Type": "application/json", **(headers or {})}.items():
            handler.send_header(key, value)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        try:
            handler.wfile.write(data)
        except OSError:
            pass
    return respond


def redirect(location: str, code: int = 302) -> Respond:
    return body(b"", code, {"Location": location})
