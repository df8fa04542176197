"""Staging folders: a build or an import writes aside and replaces the published folder only when it succeeded."""
from __future__ import annotations

import os
import secrets
import shutil
import subprocess
from pathlib import Path

from builder.storage.processes import start_module

_REMOVING: list = []      # the removals started (kept: a dropped Popen of a running process warns)


def staging_dir(final: Path) -> Path:
    """The folder a build writes into before it replaces the published one."""
    final = Path(final)
    return final.with_name(final.name + ".building")


def publish_dir(staged: Path, final: Path, *, remove_old_later: bool = False) -> None:
    """Replace `final` by `staged` with two renames, so readers never see a half site.
    `remove_old_later` (a built site, outside the repository): the previous copy is deleted by a
    process of its own, and the build returns as soon as the new site is in place; copies a
    removal left behind (a killed one) go first. Otherwise (media inside the repository) it is
    gone when this returns: nothing stray for `git add` to pick up."""
    staged, final = Path(staged), Path(final)
    # named like the staging folder ('site.old-…'), which repositories already ignore ('site.*/')
    for left in final.parent.glob(f"{final.name}.old-*"):
        shutil.rmtree(left, ignore_errors=True)
    old = final.with_name(f"{final.name}.old-{secrets.token_hex(6)}")
    if final.exists():
        os.replace(final, old)
    os.replace(staged, final)
    if old.exists():
        if remove_old_later:
            _remove_later(old)
        else:
            shutil.rmtree(old, ignore_errors=True)


def _remove_later(folder: Path) -> None:
    try:
        quiet = {name: subprocess.DEVNULL for name in ("stdin", "stdout", "stderr")}
        _REMOVING.append(start_module("builder.storage.remove", str(folder), start_new_session=True, **quiet))
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


def discard_dir(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
