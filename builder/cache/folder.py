"""The build cache (.qms-cache: stored parses, rendered PDF masters) belongs to the machine that
builds, never to the repository.

A cache committed to git (forced past .gitignore) would let a pull request bring prepared parses
or ready-made PDFs that a build trusts because their names match the content hashes, so a wrong
document could be published without ever being rendered. A cache that git tracks is therefore
not used, and the check reports it as an error until it is removed from the repository.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

CACHE_DIR = ".qms-cache"


def committed_cache_files(root: Path) -> list[str]:
    """Files under .qms-cache that git tracks (one `git ls-files`); none outside git."""
    try:
        result = subprocess.run(["git", "ls-files", "-z", "--", CACHE_DIR], cwd=root,
                                capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return []
    if result.returncode != 0:
        return []
    return [p for p in result.stdout.decode("utf-8", "replace").split("\0") if p]
