"""`mkdocs serve` through the plugin: an edited procedure shows on the served page without a
restart (the plugin watches procedures/, forms/, site_config/ and registers/)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from support.repos import TODAY, site_repo


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 90) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if text in fetch(url):
            return True
        time.sleep(0.5)
    return False


def test_serve_rebuilds_when_a_document_changes(tmp_path):
    repo = site_repo(tmp_path / "repo")
    port = free_port()
    env = dict(os.environ, QMS_TODAY=TODAY, QMS_PDF="0", NO_MKDOCS_2_WARNING="true")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=repo.root,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}/tai-lieu/qt-01/"
        assert wait_for(url, "Đề nghị soạn thảo"), server.stderr
        repo.write("procedures/HD.05-huong-dan.md", "---\ncode: HD.05\nkind: guide\ntitle: Hướng dẫn mới\n"
                   "unit: VP\nrevision: 1\nstatus: draft\n---\nNội dung vừa soạn.\n")
        assert wait_for(f"http://127.0.0.1:{port}/tai-lieu/hd-05/", "Nội dung vừa soạn")
    finally:
        server.terminate()
        server.wait(timeout=30)
