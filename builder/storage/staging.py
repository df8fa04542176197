"""Staging folders: a build or an import writes aside and replaces the published folder only when it succeeded."""
from __future__ import annotations

import os
import shutil
from pathlib import Path


def staging_dir(final: Path) -> Path:
    """The folder a build writes into before it replaces the published one."""
    final = Path(final)
    return final.with_name(final.name + ".building")


def publish_dir(staged: Path, final: Path) -> None:
    """Replace `final` by `staged` with two renames, so readers never see a half site."""
    staged, final = Path(staged), Path(final)
    old = final.with_name(final.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if final.exists():
        os.replace(final, old)
    os.replace(staged, final)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)


def discard_dir(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
