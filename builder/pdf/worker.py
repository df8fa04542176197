"""Worker process for parallel typst compilation (see compile.py): reads pickled Tasks on stdin
as they come, writes one pickled Output per task on stdout as soon as it is done, and stops at
the end of its input.

Tasks are read by a thread of their own, so that the input pipe is always drained: the sender
may be giving the next task while this process is writing a PDF larger than a pipe holds."""
from __future__ import annotations

import pickle
import queue
import sys
import threading

from builder.pdf.compile import run


def _read(tasks: queue.SimpleQueue) -> None:
    while True:
        try:
            tasks.put(pickle.load(sys.stdin.buffer))
        except EOFError:
            tasks.put(None)
            return


def main() -> None:
    tasks: queue.SimpleQueue = queue.SimpleQueue()
    threading.Thread(target=_read, args=(tasks,), daemon=True).start()
    while (task := tasks.get()) is not None:
        pickle.dump(run(task), sys.stdout.buffer)
        sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
