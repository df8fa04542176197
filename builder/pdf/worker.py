"""Worker process for parallel typst compilation (see compile.py): reads a pickled list of
Tasks on stdin, writes one pickled Output per task on stdout as soon as it is done."""
from __future__ import annotations

import pickle
import sys

from builder.pdf.compile import run


def main() -> None:
    tasks = pickle.load(sys.stdin.buffer)
    for task in tasks:
        pickle.dump(run(task), sys.stdout.buffer)
        sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
