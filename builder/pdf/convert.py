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
import secrets
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from builder.pdf import docx_batch

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
        for batch, process, out, marker in running:
            results.update(_finish(batch, process, out, marker))
    return results


def _start(batch: list[Job], base: Path, root: Path):
    """Write the job list and start one pandoc process on it."""
    jobs_file, out = base.with_suffix(".jobs.json"), base.with_suffix(".out.json")
    jobs, marker = [{k: v for k, v in job.__dict__.items() if v is not None} for job in batch], _marker()
    jobs_file.write_text(json.dumps({"marker": marker, "jobs": jobs}, ensure_ascii=False), encoding="utf-8")
    process = subprocess.Popen([pandoc_path(), "lua", str(SCRIPT), str(jobs_file), str(out)], cwd=root,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return batch, process, out, marker


def _finish(batch: list[Job], process, out: Path, marker: str) -> dict[str, Result]:
    """Collect a batch; if pandoc itself failed, every job of the batch carries its message."""
    _, stderr = process.communicate()
    if process.returncode != 0 or not out.is_file():
        message = (stderr.decode("utf-8", "replace").strip() or f"pandoc exit {process.returncode}").splitlines()[0]
        return {job.id: Result(error=message) for job in batch}
    data = json.loads(out.read_text(encoding="utf-8"))
    errors = _write_combined_docx(batch, data, marker)
    results = {}
    for job in batch:
        item = data.get(job.id) or {"error": "no result"}
        error = errors.get(job.id) or item.get("error")
        results[job.id] = Result(item.get("typst"), int(item.get("columns") or 0), error)
    return results


def _marker() -> str:
    """The text of the headings that separate forms in a combined DOCX: random, so that no form's
    own text can pass for one."""
    return "QMS-" + secrets.token_hex(12)


def _write_combined_docx(batch: list[Job], data: dict, marker: str) -> dict[str, str]:
    """Cut each combined DOCX the batch wrote into its forms' files (docx_batch.py); returns
    {job id: error} for forms that could not be cut out."""
    groups: dict[str, list[Job]] = {}
    for job in batch:
        combined = (data.get(job.id) or {}).get("combined")
        if combined:
            groups.setdefault(combined, []).append(job)
    errors = {}
    for path, jobs in groups.items():
        jobs.sort(key=lambda job: data[job.id]["part"])
        try:
            packages = docx_batch.split(Path(path).read_bytes(), marker, len(jobs))
        except (OSError, docx_batch.SplitError, zipfile.BadZipFile) as exc:
            errors.update({job.id: f"docx: {exc}" for job in jobs})
            continue
        for job, package in zip(jobs, packages):
            Path(job.out).write_bytes(package)
    return errors
