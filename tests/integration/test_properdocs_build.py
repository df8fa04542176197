"""The sample site builds with ProperDocs (the maintained fork of MkDocs 1.x) just as with MkDocs.

ProperDocs lives in a virtual environment of its own, made by tests/peers/properdocs.sh (once: later
runs reuse it until pyproject.toml changes). Both tools build a fresh copy of the sample repository
(the working tree, not the last commit) and must publish the same documents, pages and PDFs.
Self-contained on purpose: only pytest and the standard library, no conftest fixtures.
"""
from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SETUP = REPO / "tests" / "peers" / "properdocs.sh"
VENV = REPO / ".properdocs-venv"
TODAY = "2026-12-01"
SAMPLE = ("mkdocs.yml", "procedures", "forms", "site_config", "signatures", "registers", ".gitignore")
OPTIONAL = {"registers"}
FIELDS = ("code", "revision", "status", "url", "pdf")
KNOWN = "QT.01"


def _output(result) -> str:
    return f"exit code {result.returncode}\n--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"


def _sample_repo(dest: Path) -> Path:
    """A git repository holding a copy of the sample as it is in the working tree."""
    dest.mkdir(parents=True)
    for name in SAMPLE:
        src = REPO / name
        if not src.exists():
            assert name in OPTIONAL, f"{src} is missing"
            continue
        if src.is_dir():
            shutil.copytree(src, dest / name, symlinks=True,
                            ignore=shutil.ignore_patterns("__pycache__", ".qms-cache"))
        else:
            shutil.copy2(src, dest / name)
    for args in (["init", "-q"], ["add", "-A"],
                 ["-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false",
                  "commit", "-qm", "init"]):
        result = subprocess.run(["git", *args], cwd=dest, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, f"git {' '.join(args)}: {_output(result)}"
    return dest


def _env(bin_dir: Path) -> dict[str, str]:
    """The caller's environment, minus anything that would mix up the two virtual environments."""
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    env["PATH"] = os.pathsep.join([str(bin_dir), env.get("PATH", "")])
    env["QMS_TODAY"] = TODAY
    env["NO_MKDOCS_2_WARNING"] = "true"  # Material's banner (printed only when run as `mkdocs`)
    return env


@pytest.fixture(scope="module")
def properdocs_venv() -> Path:
    result = subprocess.run(["bash", str(SETUP), str(VENV)], cwd=REPO, capture_output=True, text=True,
                            timeout=1800)
    if result.returncode != 0:
        pytest.fail(f"{SETUP.relative_to(REPO)} failed:\n{_output(result)}", pytrace=False)
    assert (VENV / "bin" / "properdocs").exists(), "the set-up did not install the `properdocs` command"
    return VENV


@pytest.fixture(scope="module")
def builds(properdocs_venv, tmp_path_factory) -> dict[str, tuple[subprocess.CompletedProcess, Path]]:
    """Both builds run at the same time, each in its own copy of the sample."""
    mkdocs_bin = Path(sys.executable).parent
    proper_bin = properdocs_venv / "bin"
    commands = {
        # `-f`: ProperDocs looks for properdocs.yml first and logs a rename hint when it falls
        # back to mkdocs.yml; naming the file is the documented way to use the legacy name.
        "properdocs": ([str(proper_bin / "properdocs"), "build", "-f", "mkdocs.yml"], proper_bin),
        "mkdocs": ([str(mkdocs_bin / "mkdocs"), "build"], mkdocs_bin),
    }
    running = {}
    for tool, (command, bin_dir) in commands.items():
        root = _sample_repo(tmp_path_factory.mktemp(f"{tool}-") / "repo")
        proc = subprocess.Popen(command, cwd=root, env=_env(bin_dir), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        running[tool] = (command, proc, root)
    done = {}
    for tool, (command, proc, root) in running.items():
        try:
            out, err = proc.communicate(timeout=900)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
        done[tool] = (subprocess.CompletedProcess(command, proc.returncode, out, err), root / "site")
    return done


def _manifest(site: Path) -> dict:
    return json.loads((site / "manifest.json").read_text(encoding="utf-8"))


def _html_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


@pytest.mark.parametrize("tool", ["properdocs", "mkdocs"])
def test_build_succeeds_and_publishes_every_document(builds, tool):
    result, site = builds[tool]
    assert result.returncode == 0, _output(result)
    documents = _manifest(site)["documents"]
    assert documents, "the manifest lists no document"
    codes = [d["code"] for d in documents]
    assert len(codes) == len(set(codes)), "a code is listed twice"
    for d in documents:
        assert (site / d["url"] / "index.html").is_file(), f"{d['code']}: no page at {d['url']}"
        assert d["pdf"], f"{d['code']}: no PDF in the manifest"
        assert (site / d["pdf"]).is_file(), f"{d['code']}: {d['pdf']} is missing"
    known = {d["code"]: d for d in documents}[KNOWN]
    page = html.unescape((site / known["url"] / "index.html").read_text(encoding="utf-8"))
    assert known["title"] in page and KNOWN in page


def test_properdocs_and_mkdocs_publish_the_same_site(builds):
    (proper, proper_site), (mk, mk_site) = builds["properdocs"], builds["mkdocs"]
    assert proper.returncode == 0, _output(proper)
    assert mk.returncode == 0, _output(mk)

    def listing(site):
        return sorted(tuple(d[f] for f in FIELDS) for d in _manifest(site)["documents"])

    assert listing(proper_site) == listing(mk_site)
    assert _html_pages(proper_site) == _html_pages(mk_site)
    # The page really came from ProperDocs (it names itself in the generator tag), not from MkDocs.
    home = (proper_site / "index.html").read_text(encoding="utf-8")
    assert "properdocs" in home.lower(), "the ProperDocs build does not carry ProperDocs' generator tag"
