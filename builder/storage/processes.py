"""Starting one of the core's own modules as a separate process (typst workers, the build's
printer, the preview's printer): the same interpreter, and the package found whatever the caller's
folder or how the product was installed."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PACKAGE_PARENT = str(Path(__file__).resolve().parents[2])


def start_module(module: str, *args: str, extra_env: dict | None = None, **popen) -> subprocess.Popen:
    """`python -m module args...` as a child process; `extra_env` added to its environment;
    `popen` as for subprocess.Popen."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [PACKAGE_PARENT, os.environ.get("PYTHONPATH")])),
               **(extra_env or {}))
    return subprocess.Popen([sys.executable, "-m", module, *args], env=env, **popen)
