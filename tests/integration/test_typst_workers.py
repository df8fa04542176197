"""typst worker processes (builder/pdf/compile.py): tasks are handed out as workers ask for them.
Real typst, real processes: a task larger than a pipe holds does not stall the exchange, a worker
that dies fails only the tasks it held, and with no worker left every task still gets an answer."""
from __future__ import annotations

import io
import subprocess
import sys
import threading

import pytest
from pypdf import PdfReader

from builder.pdf import compile as typst_compile
from builder.pdf.compile import Task


def _tasks(tmp_path, count: int, padding: int = 0) -> list[Task]:
    """Small typst documents, each saying its own number (a comment makes one as large as asked)."""
    return [Task(f"t{i}", str(tmp_path), (), f"Tài liệu số {i}.\n// {'x' * padding}\n".encode(), {})
            for i in range(count)]


def _run(tasks, workers=2):
    """run_all in a thread, so that a stalled exchange fails the test instead of hanging it."""
    box = {}
    thread = threading.Thread(target=lambda: box.update(out=typst_compile.run_all(tasks, workers)), daemon=True)
    thread.start()
    thread.join(120)
    assert not thread.is_alive(), "the workers stalled"
    return box["out"]


def _text(pdf: bytes) -> str:
    return PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_every_task_is_rendered_in_order_even_larger_than_a_pipe(tmp_path):
    tasks = _tasks(tmp_path, 14)
    tasks[3] = Task("big", str(tmp_path), (), b"Big one.\n// " + b"x" * 3_000_000 + b"\n", {})
    outputs = _run(tasks)
    assert [o.key for o in outputs] == [t.key for t in tasks]
    assert all(o.pdf for o in outputs)
    assert "Tài liệu số 9" in _text(outputs[9].pdf)
    assert "Big one" in _text(outputs[3].pdf)


def _dying_first_worker(monkeypatch, dying: int):
    """The first `dying` workers started exit after reading a few bytes, like a crashed process."""
    real = typst_compile.start_module
    started = []

    def start(module, *args, **popen):
        started.append(module)
        if len(started) <= dying:
            popen.pop("extra_env", None)
            return subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.buffer.read(5); sys.exit(3)"],
                                    **popen)
        return real(module, *args, **popen)

    monkeypatch.setattr(typst_compile, "start_module", start)


def test_a_dead_worker_fails_only_the_tasks_it_held(tmp_path, monkeypatch):
    _dying_first_worker(monkeypatch, dying=1)
    outputs = _run(_tasks(tmp_path, 20))
    failed = [o for o in outputs if o.pdf is None]
    assert 1 <= len(failed) <= typst_compile.IN_HAND
    assert all(o.error.startswith("worker:") for o in failed)
    assert sum(1 for o in outputs if o.pdf) == 20 - len(failed)


def test_with_no_worker_left_every_task_gets_an_answer(tmp_path, monkeypatch):
    _dying_first_worker(monkeypatch, dying=2)
    outputs = _run(_tasks(tmp_path, 20))
    assert len(outputs) == 20
    assert all(o.pdf is None and o.error.startswith("worker:") for o in outputs)


@pytest.mark.parametrize("count", [1, 7])
def test_few_tasks_need_no_second_worker(tmp_path, count):
    outputs = _run(_tasks(tmp_path, count))
    assert all(o.pdf for o in outputs) and len(outputs) == count
