"""Typst compilation, in worker processes when there is enough work for several cores.

typst holds the interpreter lock while it lays out, so threads do not help; forking a process
that already used typst can hang, and multiprocessing's spawn re-runs the caller's main script.
So workers are plain `python -m builder.pdf.worker` processes fed through pipes: they work the
same under mkdocs, qms, pytest or any script. Each worker keeps one `typst.Compiler` (fonts
are scanned once per worker, not once per document).
"""
from __future__ import annotations

import os
import pickle
import queue
import re
import subprocess
import threading
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Callable

from builder.storage.processes import start_module

MIN_PER_WORKER = 6       # a spawned worker costs ~0.3 s to start: give it at least this much work
IN_HAND = 2              # tasks a worker holds: the next one is there as soon as it finishes one
# typst lays out and writes a document with a pool of threads (rayon) as wide as the machine. The
# workers already keep every core busy, one document each: the pool only adds switching (two
# alternating runs of the printing process at 1,000 documents: 41.3 against 47.6 s and 43.1
# against 46.7 s of CPU).
ONE_THREAD = {"RAYON_NUM_THREADS": "1"}


@dataclass(frozen=True)
class Task:
    key: str
    root: str
    font_dirs: tuple[str, ...]
    source: bytes
    inputs: dict
    when: date | None = None      # creation date written into the PDF: reproducible masters


@dataclass(frozen=True)
class Output:
    key: str
    pdf: bytes | None
    error: str | None = None
    where: tuple[str, int] | None = None   # file (relative to the root) and line of the error


_LOCATION = re.compile(r"┌─ (\S+?):(\d+):\d+")
_NOT_FOUND = re.compile(r"file not found \(searched at (.+?)\)")


_COMPILERS: dict = {}


def _compiler(root: str, font_dirs: tuple[str, ...]):
    import typst  # start-up cost: the native compiler (~30 ms), loaded only where PDFs are rendered

    key = (root, font_dirs)
    if key not in _COMPILERS:
        _COMPILERS[key] = typst.Compiler(root=root, font_paths=list(font_dirs), ignore_system_fonts=True)
    return _COMPILERS[key]


def error_text(exc: Exception, root: str) -> str:
    """typst's message, first line and hints; a missing file is named relative to the root."""
    message = (getattr(exc, "message", None) or str(exc)).strip()
    message = message.splitlines()[0] if message else type(exc).__name__
    missing = _NOT_FOUND.search(message)
    if missing:
        return f"không tìm thấy tệp {os.path.relpath(missing.group(1), root)}"
    return " ".join([message, *(getattr(exc, "hints", None) or [])])


def error_location(exc: Exception) -> tuple[str, int] | None:
    """Where typst says the error is (the first file:line of its diagnostic)."""
    found = _LOCATION.search(getattr(exc, "diagnostic", "") or "")
    return (found.group(1), int(found.group(2))) if found else None


def run(task: Task) -> Output:
    """Compile one task; failures come back as text (they become findings)."""
    try:
        stamp = datetime(task.when.year, task.when.month, task.when.day, tzinfo=timezone.utc) if task.when else None
        pdf = _compiler(task.root, task.font_dirs).compile(input=task.source, format="pdf",
                                                          sys_inputs=task.inputs, timestamp=stamp)
        return Output(task.key, pdf)
    except Exception as exc:  # typst raises TypstError, but any failure must stay one document's
        return Output(task.key, None, error_text(exc, task.root), error_location(exc))


def run_all(tasks: list[Task], workers: int | None = None,
            progress: Callable[[int], None] | None = None,
            done: Callable[[Output], None] | None = None) -> list[Output]:
    """Compile every task, in parallel when worth it; `progress(1)` after each. `done(output)` is
    called in this thread as each output arrives, so that the caller's own work on it (writing,
    stamping) runs while the workers go on with the next ones."""
    workers = min(workers or os.cpu_count() or 1, max(1, len(tasks) // MIN_PER_WORKER))
    if workers <= 1:
        outputs = []
        for task in tasks:
            outputs.append(run(task))
            if done:
                done(outputs[-1])
            if progress:
                progress(1)
        return outputs
    return _in_workers(tasks, workers, progress, done)


def _in_workers(tasks: list[Task], workers: int, progress, done) -> list[Output]:
    """Deal tasks to worker processes as they ask for more, largest first, so that they finish
    together (a fixed half each left one core idle at the end of a cold build while the other
    worker finished its share); a worker that dies fails only the tasks it held."""
    results: queue.Queue = queue.Queue()     # Outputs, and None when a worker has ended
    pending: queue.SimpleQueue = queue.SimpleQueue()
    for task in sorted(tasks, key=lambda t: len(t.source), reverse=True):
        pending.put(task)
    for _ in range(workers):
        threading.Thread(target=_worker, args=(pending, results), daemon=True).start()
    by_key, running = {}, workers
    while len(by_key) < len(tasks):
        output = results.get()
        if output is None:
            running -= 1
            while not running and (task := _next(pending)) is not None:   # no worker left to take it
                results.put(Output(task.key, None, "worker: không còn tiến trình nào để dựng"))
            continue
        by_key[output.key] = output
        if done:
            done(output)
        if progress:
            progress(1)
    return [by_key[t.key] for t in tasks]


def _next(pending: queue.SimpleQueue) -> Task | None:
    try:
        return pending.get_nowait()
    except queue.Empty:
        return None


def _worker(pending: queue.SimpleQueue, results: queue.Queue) -> None:
    """Run one worker process, keeping it fed from `pending` (two tasks in hand, so that it never
    waits for the next), putting each Output on `results` as it arrives, then None."""
    held: dict[str, Task] = {}
    try:
        process = start_module("builder.pdf.worker", stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, extra_env=ONE_THREAD)
        for _ in range(IN_HAND):
            _send(process, pending, held)
        while held:
            output = pickle.load(process.stdout)
            held.pop(output.key, None)
            results.put(output)
            _send(process, pending, held)
        process.wait()
    except Exception as exc:  # a crashed worker: the tasks it held fail, the build goes on
        for task in held.values():
            results.put(Output(task.key, None, f"worker: {exc}"))
    finally:
        results.put(None)


def _send(process, pending: queue.SimpleQueue, held: dict) -> None:
    """Give the worker one more task; close its input when there is none left."""
    task = _next(pending)
    if task is None:
        if not process.stdin.closed:
            process.stdin.close()
        return
    held[task.key] = task
    pickle.dump(task, process.stdin)
    process.stdin.flush()
