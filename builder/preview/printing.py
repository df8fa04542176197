"""The preview's printed files (PDF, DOCX): made by a separate process (print_worker.py) when
one is downloaded, and made again in the background for a document just saved, so that its
download is ready without ever delaying the page."""
from __future__ import annotations

import json
import subprocess
import threading
from pathlib import Path

from builder.pdf.paths import has_docx, has_pdf, site_file
from builder.pdf.record import record_targets
from builder.storage.processes import start_module

PRINTED = (".pdf", ".docx")
AFTER_PAGE = 1.5      # seconds after a save before its PDF is made again


def saved_files(catalog, changed: list[str]) -> list[str]:
    """The site PDF (and the DOCX of a form) of each saved document: made again in the background
    so that its download is ready."""
    saved = set(changed)
    docs = [d for d in catalog.documents if d.path in saved and has_pdf(d)]
    records = [path for path, r in record_targets(catalog).items() if r.path in saved]
    return [site_file(d, "pdf") for d in docs] + [site_file(d, "docx") for d in docs if has_docx(d)] + records


class Printer:
    def __init__(self, root: Path, out: Path, today=None):
        self.root, self.out, self.today = Path(root), Path(out), today
        self.generation = 0
        self.lock = threading.Lock()
        self.process: subprocess.Popen | None = None
        self.closed = False

    def _start(self) -> subprocess.Popen:
        if self.process is None or self.process.poll() is not None:
            args = [str(self.root), str(self.out), *([self.today.isoformat()] if self.today else [])]
            self.process = start_module("builder.preview.print_worker", *args, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                        encoding="utf-8")
        return self.process

    def changed(self) -> None:
        """The sources changed: the next request reloads the catalog first."""
        self.generation += 1

    def make(self, paths: list[str]) -> dict:
        """Render these site paths now; {path: file or None} and the findings' texts."""
        with self.lock:
            if self.closed:
                return {"paths": {p: None for p in paths}, "findings": []}
            process = self._start()
            try:
                process.stdin.write(json.dumps({"generation": self.generation, "paths": paths}) + "\n")
                process.stdin.flush()
                answer = json.loads(process.stdout.readline() or "{}")
            except (OSError, ValueError):
                process.kill()
                self.process = None
                return {"paths": {p: None for p in paths}, "findings": []}
        return answer

    def get(self, path: str) -> Path | None:
        """The file of a printed site path, made if needed."""
        made = self.make([path]).get("paths", {}).get(path)
        return Path(made) if made else None

    def prepare(self, paths: list[str]) -> None:
        """Render in the background, once the page that shows the change has been served: the
        other process would otherwise share the cores with that page (a thread waits on it)."""
        if paths:
            timer = threading.Timer(AFTER_PAGE, self.make, args=(paths,))
            timer.daemon = True
            timer.start()

    def close(self) -> None:
        """Stop the printer; a file still being made is abandoned (its folder goes with the preview)."""
        self.closed = True
        process = self.process
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()
