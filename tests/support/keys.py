"""Signing keys made at test time with ssh-keygen, and a small repository whose sign-offs are
signed with them (as people do with `qms keys add` and `qms sign`)."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from support import gitutil
from support.repos import Repo, make_repo

SIGNERS = ("ntkhanh", "phthu", "ltminh", "nvhai")


def make_key(folder: Path, name: str, kind: str = "ed25519") -> Path:
    """A fresh key pair without passphrase; returns the private key's path (.pub beside it)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    subprocess.run(["ssh-keygen", "-q", "-t", kind, "-N", "", "-C", f"{name} test", "-f", str(path)], check=True)
    return path


SAMPLE_KEYS = Path(__file__).resolve().parents[1] / "keys" / "sample"


def sample_key(person: str, folder: Path) -> Path:
    """The sample's private key of `person`, copied with mode 600: git checks files out 644, and
    ssh-keygen refuses a private key that others can read."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / person
    shutil.copyfile(SAMPLE_KEYS / person, target)
    target.chmod(0o600)
    return target


def without_keys(root: Path) -> None:
    """Drop the sample's keys from organisation.yml: tests sign with keys made at test time."""
    path = root / "site_config" / "organisation.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^    keys:.*\n(?:^      .*\n)*", "", text, flags=re.M), encoding="utf-8")


def signed_repo(tmp_path: Path, mode: str = "required", kinds: dict | None = None) -> tuple[Repo, dict]:
    """The small repository with signatures `mode`, every signer's key declared with
    `qms keys add`, every sign-off signed with `qms sign`, all committed."""
    keys = {p: make_key(tmp_path / "keys", p, (kinds or {}).get(p, "ed25519")) for p in SIGNERS}
    repo = make_repo(tmp_path / "repo", signatures=mode)
    without_keys(repo.root)
    for person, key in keys.items():
        result = repo.qms("keys", "add", person, str(key) + ".pub", "--from", "2026-01-01")
        assert result.exit_code == 0, result.output
    gitutil.init(repo.root)
    for code, roles in (("QT.01", "prepare review approve"), ("BM.01", "prepare review approve"),
                        ("KH.2026", "prepare review approve")):
        for role in roles.split():
            by = signer(repo, code, role)
            result = repo.qms("sign", code, "--role", role, "--key", str(keys[by]))
            assert "Đã ký số bằng khóa" in result.output, result.output   # exit 1 while others are unsigned
    gitutil.commit_all(repo.root, "Ký số các lần ký duyệt")
    return repo, keys


def signer(repo: Repo, code: str, role: str) -> str:
    """Who the document names for `role` (read from its front matter line)."""
    key = {"prepare": "prepared", "review": "reviewed", "approve": "approved"}[role]
    for path in list(repo.root.glob("procedures/*.md")) + list(repo.root.glob("forms/*.md")):
        text = path.read_text(encoding="utf-8")
        if f"code: {code}\n" in text:
            return re.search(rf"^{key}: {{by: (\w+)", text, re.M).group(1)
    raise KeyError(code)
