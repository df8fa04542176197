"""Real temporary git repositories for the revision tests."""
from __future__ import annotations

import os
import subprocess

ENV = {
    "GIT_AUTHOR_NAME": "Thư ký ISO", "GIT_AUTHOR_EMAIL": "iso@example.invalid",
    "GIT_COMMITTER_NAME": "Thư ký ISO", "GIT_COMMITTER_EMAIL": "iso@example.invalid",
}


def git(root, *args: str) -> str:
    env = dict(os.environ, **ENV)
    result = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True)
    return result.stdout.strip()


def init(root) -> None:
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "core.autocrlf", "false")
    commit_all(root, "Ban hành hệ thống tài liệu")


def commit_all(root, message: str) -> str:
    git(root, "add", "-A")
    git(root, "commit", "-q", "--allow-empty", "-m", message)
    return git(root, "rev-parse", "HEAD")
