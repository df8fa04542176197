"""Fetching one file an agency publishes, bounded in time and size, over http(s) or from a local
path (a file path or file://, for a province that syncs the files, and for tests).

Everything an agency's server sends is untrusted: the body is read in small pieces and dropped
once it passes the size limit (a declared Content-Length over it is refused before reading), the
whole transfer has one deadline, redirects are followed by hand (at most a few, http(s) only, their
bodies never read), and no response is ever decompressed or executed.
"""
from __future__ import annotations

import http.client
import os
import socket
import stat
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

from builder.portal.config import is_web_url
from builder.portal.problem import Problem

CHUNK = 64 * 1024
MAX_REDIRECTS = 5
REDIRECTS = (301, 302, 303, 307, 308)
USER_AGENT = "qms-portal/1"      # header values are Latin-1: ASCII only


@dataclass(frozen=True)
class Limits:
    """How long one file may take and how big it may be (portal.yml, `collection`)."""
    timeout: float
    max_bytes: int


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """urllib would follow a redirect itself: parse the server's Location (raising on a malformed
    one), read the redirect's whole body and restart the timeout. Declining every 3xx here makes it
    an HTTPError, which fetch_web follows by hand."""

    def http_error_302(self, req, fp, code, msg, headers):
        return None

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


_OPENER = urllib.request.build_opener(_NoRedirects)


def fetch(url: str, base: Path, limits: Limits, name: str) -> bytes:
    """The bytes of `url` (`name` says which file, for the detail of a problem); a relative path
    is taken from `base`, the portal's folder. Raises Problem, which the caller records."""
    if is_web_url(url):
        return fetch_web(url, limits, name)
    return read_local(local_path(url, base), limits, name)


def local_path(url: str, base: Path) -> Path:
    """The file a local address names: a path (relative to the portal's folder) or file://."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        if parts.netloc not in ("", "localhost"):
            raise Problem("unreachable", "chỉ đọc được tệp trên máy này (file:///...)")
        path = Path(url2pathname(parts.path))
    else:
        path = Path(url)
    return path if path.is_absolute() else Path(base) / path


def read_local(path: Path, limits: Limits, name: str) -> bytes:
    """A regular file, refused past the size limit (a FIFO or a device is not a file and could
    block or never end)."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise Problem("unreachable", f"{name}: không phải tệp")
        if info.st_size > limits.max_bytes:
            raise Problem("too_large", f"{name}: {info.st_size} byte, quá {limits.max_bytes}")
        with open(path, "rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except FileNotFoundError:
        raise Problem("unreachable", f"{name}: không có tệp") from None
    except OSError as exc:
        raise Problem("unreachable", f"{name}: không đọc được tệp ({type(exc).__name__})") from None
    if len(data) > limits.max_bytes:
        raise Problem("too_large", f"{name}: quá {limits.max_bytes} byte")
    return data


def fetch_web(url: str, limits: Limits, name: str) -> bytes:
    """GET `url` within one deadline for the whole exchange, redirects included."""
    deadline = time.monotonic() + limits.timeout
    for _ in range(MAX_REDIRECTS + 1):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise Problem("timeout", f"{name}: quá {limits.timeout:g} giây")
        try:
            request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"})
            with _OPENER.open(request, timeout=remaining) as response:
                return _read_body(response, limits, deadline, name)
        except urllib.error.HTTPError as exc:
            location = exc.headers.get("Location") if exc.code in REDIRECTS and exc.headers else None
            exc.close()                                 # its body is never read
            if location is None:
                raise Problem("http", f"{name}: mã HTTP {exc.code}") from None
            url = _redirect_target(url, location, name)
        except Problem:
            raise
        except (TimeoutError, socket.timeout):
            raise Problem("timeout", f"{name}: quá {limits.timeout:g} giây") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (TimeoutError, socket.timeout)):
                raise Problem("timeout", f"{name}: quá {limits.timeout:g} giây") from None
            raise Problem("unreachable", f"{name}: {_reason(exc.reason)}") from None
        except (OSError, http.client.HTTPException, ValueError) as exc:
            raise Problem("unreachable", f"{name}: {_reason(exc)}") from None
    raise Problem("http", f"{name}: chuyển hướng quá {MAX_REDIRECTS} lần")


def _redirect_target(url: str, location: str, name: str) -> str:
    """The next address of a redirect: http(s) only (never file:, ftp: or data:)."""
    try:
        target = urljoin(url, location.strip())
    except ValueError:
        target = ""
    if not is_web_url(target):
        raise Problem("http", f"{name}: chuyển hướng tới địa chỉ không phải http(s), không theo")
    return target


def _read_body(response, limits: Limits, deadline: float, name: str) -> bytes:
    """The body, in pieces of at most CHUNK bytes, stopping as soon as it passes the size limit
    or the deadline (read1 returns after one read of the socket, so a server that trickles
    bytes cannot stretch the wait)."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise Problem("too_large", f"{name}: {declared} byte, quá {limits.max_bytes}")
    pieces, size = [], 0
    while True:
        if time.monotonic() > deadline:
            raise Problem("timeout", f"{name}: quá {limits.timeout:g} giây")
        piece = response.read1(CHUNK)
        if not piece:
            return b"".join(pieces)
        size += len(piece)
        if size > limits.max_bytes:
            raise Problem("too_large", f"{name}: quá {limits.max_bytes} byte")
        pieces.append(piece)


def _reason(reason) -> str:
    """A short, portal-written reason: the kind of failure, never the server's own words."""
    if isinstance(reason, ConnectionRefusedError):
        return "máy chủ từ chối kết nối"
    if isinstance(reason, socket.gaierror):
        return "không tìm thấy tên máy chủ"
    return f"lỗi kết nối ({type(reason).__name__})"
