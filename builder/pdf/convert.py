"""A body's HTML (rendered by builder/markup) → Typst markup (and DOCX) with pandoc, in batches: one `pandoc lua` process converts
many documents (a process per document costs ~45 ms, one batch ~20 ms a document).

The jobs go to pandoc as a JSON file, never as arguments (pandoc lua crashes with ~100 paths on
its command line), and `pandoc server` is not usable in this build. With several cores the jobs
are split into a few batches that run side by side.
"""
from __future__ import annotations

import json
import math
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(__file__).with_name("markdown.lua")
MIN_BATCH = 12          # below this many jobs per batch, another process is not worth starting


@dataclass(frozen=True)
class Job:
    id: str
    html: str                      # the body as builder/markup rendered it
    dir: str                       # folder of the source file, for relative image paths
    to: str = "typst"              # "typst", "docx" or "html" (what pandoc read, for qms fidelity)
    out: str | None = None         # docx: where pandoc writes the file
    reference_doc: str | None = None


@dataclass(frozen=True)
class Result:
    typst: str | None = None
    columns: int = 0               # widest table, for the landscape decision
    error: str | None = None


def pandoc_path() -> str:
    import pypandoc  # start-up cost: ~40 ms, paid only by a build that prints

    return pypandoc.get_pandoc_path()


def pandoc_version() -> str:
    import pypandoc  # start-up cost: ~40 ms, paid only by a build that prints

    return pypandoc.get_pandoc_version()


def batches(jobs: list[Job], workers: int) -> list[list[Job]]:
    """Split jobs in at most `workers` batches of at least MIN_BATCH jobs."""
    count = max(1, min(workers, math.ceil(len(jobs) / MIN_BATCH)))
    return [jobs[i::count] for i in range(count) if jobs[i::count]]


def convert(jobs: list[Job], root: Path, workers: int | None = None) -> dict[str, Result]:
    """Run every job; a job pandoc cannot convert gets a Result with `error`, never an exception."""
    if not jobs:
        return {}
    workers = workers or os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="qms-pandoc-") as tmp:
        running = [_start(batch, Path(tmp) / f"batch-{i}", root) for i, batch in enumerate(batches(jobs, workers))]
        results: dict[str, Result] = {}
        for batch, process, out in running:
            results.update(_finish(batch, process, out))
    return results


def _start(batch: list[Job], base: Path, root: Path):
    """Write the job list and start one pandoc process on it."""
    jobs_file, out = base.with_suffix(".jobs.json"), base.with_suffix(".out.json")
    jobs_file.write_text(json.dumps([{k: v for k, v in job.__dict__.items() if v is not None} for job in batch],
                                    ensure_ascii=False), encoding="utf-8")
    process = subprocess.Popen([pandoc_path(), "lua", str(SCRIPT), str(jobs_file), str(out)], cwd=root,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return batch, process, out


def _finish(batch: list[Job], process, out: Path) -> dict[str, Result]:
    """Collect a batch; if pandoc itself failed, every job of the batch carries its message."""
    _, stderr = process.communicate()
    if process.returncode != 0 or not out.is_file():
        message = (stderr.decode("utf-8", "replace").strip() or f"pandoc exit {process.returncode}").splitlines()[0]
        return {job.id: Result(error=message) for job in batch}
    data = json.loads(out.read_text(encoding="utf-8"))
    results = {}
    for job in batch:
        item = data.get(job.id) or {"error": "no result"}
        results[job.id] = Result(item.get("typst"), int(item.get("columns") or 0), item.get("error"))
    return results
