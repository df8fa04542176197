"""Edit-to-refresh: the time from writing a changed file to the served HTML showing the change,
for `qms serve` on the product corpus and for `mkdocs serve` (and `--dirty`) on the plain one.

Five edits of different kinds: a body, a title (checked in the master list), a new document, a
deleted document, an edit that introduces an error (its finding must show on the page). After
each edit of ours, the pages that show it are compared with a fresh `qms serve` started on the
same files (a clean build of that state): same navigation, lists and findings.

Used by bench/run.py; alone: python bench/preview.py PRODUCT PLAIN --peers .bench-venv
"""
from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QMS = REPO / ".venv" / "bin" / "qms"
TIMEOUT = 600
_SCRIPT = re.compile(r'<script src="/\.qms-preview/reload\.js"[^>]*></script>')


@dataclass
class Edit:
    kind: str            # what the row says
    apply: callable      # (root) -> None: writes the change
    page: str            # URL path to look at
    shows: callable      # (html) -> bool: the change is there
    compare: tuple = ()  # pages compared with a clean build afterwards


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def start(cmd: list[str], cwd: Path, port: int, env: dict) -> subprocess.Popen:
    """Start a server and wait until it answers."""
    process = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + TIMEOUT
    while fetch(f"http://127.0.0.1:{port}/") is None:
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"{' '.join(cmd)} did not start")
        time.sleep(0.2)
    return process


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


SETTLE = 3          # seconds between an edit's comparison and the next edit
PEER_LIMIT = 180     # seconds a peer gets to show an edit (mkdocs serve --dirty never shows some)


def timed(base: str, edit: Edit, root: Path, limit: float = TIMEOUT) -> float | None:
    """Seconds from the write to the served page showing it; None if it never did within `limit`."""
    fetch(base + edit.page)
    began = time.perf_counter()
    edit.apply(root)
    while True:
        html = fetch(base + edit.page) or ""
        if edit.shows(html):
            return time.perf_counter() - began
        if time.perf_counter() - began > limit:
            return None
        time.sleep(0.01)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _title(path: Path, mark: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'^title: "', f'title: "{mark} ', text, count=1, flags=re.M), encoding="utf-8")


NEW_DOC = """---
code: QT.999
kind: procedure
title: "Quy trình mới MARK3"
unit: VP
revision: 1
status: draft
---
## 1. Mục đích

Dự thảo quy trình mới.
"""


def our_edits(root: Path) -> list[Edit]:
    procedures = root / "procedures"
    lists = ("/danh-muc-tai-lieu/", "/", "/viec-can-lam/", "/ket-qua-kiem-tra/")
    return [
        Edit("nội dung", lambda r: _replace(procedures / "QT.01.md", "\n## ", "\n\nĐoạn mới MARK1.\n\n## "),
             "/tai-lieu/qt-01/", lambda h: "MARK1" in h, ("/tai-lieu/qt-01/", *lists)),
        Edit("tên tài liệu (trong danh mục)", lambda r: _title(procedures / "QT.02.md", "MARK2"),
             "/danh-muc-tai-lieu/", lambda h: "MARK2" in h, ("/tai-lieu/qt-02/", *lists)),
        Edit("tài liệu mới", lambda r: (procedures / "QT.999.md").write_text(NEW_DOC, encoding="utf-8"),
             "/danh-muc-tai-lieu/", lambda h: "MARK3" in h, ("/tai-lieu/qt-999/", *lists)),
        Edit("xóa tài liệu", lambda r: (procedures / "QT.04.md").unlink(),
             "/danh-muc-tai-lieu/", lambda h: "tai-lieu/qt-04/" not in h and "qms-preview" in h, lists),
        Edit("sửa gây lỗi (lỗi hiện trên trang)", lambda r: _replace(procedures / "QT.05.md", "\nunit: ", "\nunit: KHONGCO\nx_unit: "),
             "/tai-lieu/qt-05/", lambda h: "CHƯA ĐƯỢC PHÉP BAN HÀNH" in h and "KHONGCO" in h,
             ("/tai-lieu/qt-05/", *lists)),
    ]


def plain_edits(root: Path) -> list[Edit]:
    procedures = root / "docs" / "procedures"
    return [
        Edit("nội dung", lambda r: _replace(procedures / "QT.01.md", "\n## ", "\n\nĐoạn mới MARK1.\n\n## "),
             "/procedures/QT.01/", lambda h: "MARK1" in h),
        Edit("tên tài liệu", lambda r: _title(procedures / "QT.02.md", "MARK2"),
             "/procedures/QT.02/", lambda h: "MARK2" in h),
        Edit("tài liệu mới", lambda r: (procedures / "QT.999.md").write_text(NEW_DOC, encoding="utf-8"),
             "/procedures/QT.999/", lambda h: "MARK3" in h),
        Edit("xóa tài liệu", lambda r: (procedures / "QT.04.md").unlink(),
             "/procedures/QT.04/", lambda h: "MARK" not in h and "Quy trình" not in h[:2000]),
        Edit("nội dung lần nữa", lambda r: _replace(procedures / "QT.05.md", "\n## ", "\n\nĐoạn mới MARK5.\n\n## "),
             "/procedures/QT.05/", lambda h: "MARK5" in h),
    ]


def restore(root: Path) -> None:
    subprocess.run(["git", "checkout", "-q", "--", "."], cwd=root, check=True)
    subprocess.run(["git", "clean", "-qfd", "--", "procedures", "docs"], cwd=root, check=True)


def normalised(html: str | None) -> str:
    return _SCRIPT.sub("", html or "")


def measure_ours(root: Path, env: dict) -> tuple[list[tuple[str, float]], int, list[str]]:
    """(kind, seconds) per edit, how many edits left pages equal to a clean build's, and the
    pages that differed."""
    port = free_port()
    server = start([str(QMS), "serve", "--port", str(port)], root, port, env)
    base = f"http://127.0.0.1:{port}"
    times, equal, differing = [], 0, []
    try:
        for edit in our_edits(root):
            seconds = timed(base, edit, root)
            if seconds is None:
                raise SystemExit(f"qms serve never showed the edit: {edit.kind}")
            times.append((edit.kind, seconds))
            time.sleep(1.5)          # the background PDF of the saved document settles
            clean_port = free_port()
            clean = start([str(QMS), "serve", "--port", str(clean_port)], root, clean_port, env)
            try:
                diff = [page for page in edit.compare
                        if normalised(fetch(base + page)) != normalised(fetch(f"http://127.0.0.1:{clean_port}{page}"))]
            finally:
                stop(clean)
            time.sleep(SETTLE)       # the clean start took both cores for seconds: let them cool
            equal += not diff
            differing += [f"{edit.kind}: {page}" for page in diff]
    finally:
        stop(server)
        restore(root)
    return times, equal, differing


def measure_plain(root: Path, python: Path, env: dict, dirty: bool) -> list[tuple[str, float]]:
    port = free_port()
    cmd = [str(python), "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"] + (["--dirty"] if dirty else [])
    server = start(cmd, root, port, env)
    base = f"http://127.0.0.1:{port}"
    try:
        return [(edit.kind, timed(base, edit, root, PEER_LIMIT)) for edit in plain_edits(root)]
    finally:
        stop(server)
        restore(root)


def summary(times: list[tuple[str, float | None]]) -> tuple[float, float]:
    """Median and maximum; an edit never shown counts as infinitely slow."""
    values = [t if t is not None else float("inf") for _, t in times]
    return statistics.median(values), max(values)


def seconds(value: float) -> str:
    return f"{value:.2f} s" if value != float("inf") else f"không cập nhật sau {PEER_LIMIT} s"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("product", type=Path)
    parser.add_argument("plain", type=Path)
    parser.add_argument("--peers", type=Path, default=REPO / ".bench-venv")
    parser.add_argument("--ours-only", action="store_true")
    args = parser.parse_args()
    env = dict(os.environ, QMS_TODAY="2026-11-21", NO_MKDOCS_2_WARNING="true")
    times, equal, differing = measure_ours(args.product, env)
    print("ours", times, summary(times), f"{equal}/{len(times)} equal", differing)
    for dirty in () if args.ours_only else (False, True):
        plain = measure_plain(args.plain, args.peers.resolve() / "bin" / "python", env, dirty)
        print("mkdocs serve" + (" --dirty" if dirty else ""), plain, summary(plain))


if __name__ == "__main__":
    sys.exit(main())
