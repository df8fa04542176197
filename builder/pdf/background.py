"""The site's printed files made beside the pages: `mkdocs build` starts this as soon as the
catalog is checked, in a separate process (typst, pandoc and the stamping hold the interpreter,
so a thread would only take turns with the pages), and collects the files once the pages are
written. On two cores the PDFs then cost little more than the pages alone.

The process (`python -m builder.pdf.background ROOT OUT [TODAY]`) loads the catalog as the build
saw it (from the parse cache the build just wrote), writes every printed file under OUT in the
site's layout, and prints one JSON line: the findings of what could not be rendered and the
counts for manifest.json.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from builder.catalog import load_catalog, published_view
from builder.documents.dates import parse_date
from builder.findings.finding import Finding, Severity
from builder.findings.rule_texts import PDF_RENDER
from builder.pdf.build import build_site_files
from builder.pdf.paths import cache_dir
from builder.storage.processes import start_module


class BackgroundPrint:
    """One build's printed files, made by another process."""

    def __init__(self, root: Path, today=None):
        self.root = Path(root)
        folder = cache_dir(self.root, "print")
        folder.mkdir(parents=True, exist_ok=True)
        self.out = Path(tempfile.mkdtemp(prefix="site-", dir=folder))
        args = [str(self.root), str(self.out), *([today.isoformat()] if today else [])]
        self.process = start_module("builder.pdf.background", *args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def finish(self, site_dir: Path) -> tuple[list[Finding], dict]:
        """Wait for the files, move them into the built site; (findings, counts)."""
        out, err = self.process.communicate()
        try:
            if self.process.returncode != 0:
                detail = (err.decode("utf-8", "replace").strip().splitlines() or [f"mã thoát {self.process.returncode}"])[-1]
                return [PDF_RENDER.finding("mkdocs.yml", 1, what="các bản in của trang", detail=detail)], {}
            answer = json.loads(out.decode("utf-8").strip().splitlines()[-1])
            _move_tree(self.out, Path(site_dir))
            findings = [Finding(f["path"], f["line"], f["rule"], Severity(f["severity"]), f["message"])
                        for f in answer["findings"]]
            return findings, answer["stats"]
        finally:
            shutil.rmtree(self.out, ignore_errors=True)

    def cancel(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.out, ignore_errors=True)


def _move_tree(source: Path, target: Path) -> None:
    """Every file of `source` to the same place under `target` (one rename each: same disk)."""
    for folder, _, files in os.walk(source):
        rel = Path(folder).relative_to(source)
        (target / rel).mkdir(parents=True, exist_ok=True)
        for name in files:
            os.replace(Path(folder) / name, target / rel / name)


def main() -> None:
    root, out = Path(sys.argv[1]), Path(sys.argv[2])
    today = parse_date(sys.argv[3]) if len(sys.argv) > 3 else None
    catalog = published_view(load_catalog(root, today))
    findings = build_site_files(catalog, out)
    answer = {"findings": [f.as_dict() for f in findings], "stats": catalog.memo("pdf_stats", dict)}
    sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
    # The answer is written and nothing is left to clean up: skip the interpreter's teardown of a
    # heap that held every document (a few tenths of a second the build would wait for).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
