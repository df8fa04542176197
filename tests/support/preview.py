"""`qms serve` in a test: a real preview server on 127.0.0.1 over a temporary repository."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from support.repos import TODAY

BANNER = "BẢN XEM TRƯỚC — CHƯA ĐƯỢC PHÉP BAN HÀNH"
QMS = [sys.executable, "-m", "builder.cli.main"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")
    except OSError:
        return 0, ""


class Preview:
    def __init__(self, root: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, QMS_TODAY=TODAY, NO_MKDOCS_2_WARNING="true")
        self.process = subprocess.Popen([*QMS, "serve", "--port", str(self.port)], cwd=root, env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        end = time.monotonic() + 120
        while fetch(self.base + "/")[0] != 200:
            assert self.process.poll() is None, self.process.stderr.read()
            assert time.monotonic() < end, "the preview did not start"
            time.sleep(0.2)

    def page(self, path: str) -> str:
        return fetch(self.base + path)[1]

    def until(self, path: str, test, seconds: float = 30) -> str:
        """The page once `test(html)` holds (the preview takes in a save within a second)."""
        end = time.monotonic() + seconds
        while True:
            status, html = fetch(self.base + path)
            if test(html):
                return html
            assert time.monotonic() < end, f"{path} never changed:\n{html[:3000]}"
            time.sleep(0.1)

    def stop(self) -> str:
        self.process.terminate()
        try:
            _, err = self.process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, err = self.process.communicate()
        return err
