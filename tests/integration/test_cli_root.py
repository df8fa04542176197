"""The command behaves like git: it finds its repository from any subfolder, refuses to run
outside one (exit 2), says when history checks are off, and refuses --base without commits."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from support.gitutil import git, init
from support.repos import TODAY

from builder.cli.main import main

COMMANDS = [["check"], ["rules"], ["pdf"], ["new", "procedure", "--unit", "VP", "--title", "X"],
            ["approve", "QT.01", "--by", "ltminh"], ["impact", "19/2014/QĐ-TTg"], ["codeowners", "-o", "-"],
            ["reassign", "VP", "--to", "KHTC"], ["issue-copy", "QT.01", "--to", "VP", "--by", "ntkhanh"],
            ["recall"], ["import", "x.docx"], ["fidelity"]]
NEEDS_REPOSITORY = [c for c in COMMANDS if c[0] != "rules"]


def run(args, cwd, monkeypatch):
    monkeypatch.chdir(cwd)
    return CliRunner().invoke(main, [*args, "--today", TODAY] if args[0] != "rules" else args)


def test_check_from_a_subfolder_finds_the_repository(repo, monkeypatch):
    result = run(["check", "--format", "json"], repo.root / "procedures", monkeypatch)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["findings"] == []
    result = run(["impact", "19/2014/QĐ-TTg"], repo.root / "forms", monkeypatch)
    assert result.exit_code == 0 and "QT.01" in result.output


@pytest.mark.parametrize("args", NEEDS_REPOSITORY, ids=lambda a: a[0])
def test_outside_a_repository_every_command_is_a_usage_error(tmp_path, monkeypatch, args):
    result = run(args, tmp_path, monkeypatch)
    assert result.exit_code == 2, result.output
    assert "không nằm trong kho tài liệu" in result.output
    assert "Traceback" not in result.output


def test_without_git_history_check_says_the_history_rules_are_off(repo, monkeypatch):
    result = run(["check"], repo.root, monkeypatch)
    assert result.exit_code == 0
    assert "không có lịch sử git" in result.stderr


def test_base_without_commits_is_a_usage_error(repo, monkeypatch):
    git(repo.root, "init", "-q", "-b", "main")          # a repository, but no commit yet
    result = run(["check", "--base", "main"], repo.root, monkeypatch)
    assert result.exit_code == 2
    assert "chưa có lịch sử git" in result.output


def test_with_history_no_warning(repo, monkeypatch):
    init(repo.root)
    result = run(["check"], repo.root, monkeypatch)
    assert result.exit_code == 0 and "không có lịch sử git" not in result.stderr


@pytest.mark.parametrize("args, meant", [
    (["new", "procedure", "--unit", "vp", "--title", "X"], "'VP'"),
    (["new", "procedure", "--unit", "TDC", "--title", "X"], "'TĐC'"),
    (["approve", "qt.01", "--by", "ltminh"], "'QT.01'"),
    (["issue-copy", "qt.01", "--to", "VP", "--by", "ntkhanh"], "'QT.01'"),
    (["issue-copy", "QT.01", "--to", "vp", "--by", "ntkhanh"], "'VP'"),
    (["issue-copy", "QT.01", "--to", "VP", "--by", "NTKHANH"], "'ntkhanh'"),
    (["pdf", "bm.01"], "'BM.01'"),
    (["reassign", "vp", "--to", "KHTC"], "'VP'"),
])
def test_unknown_identifiers_get_a_suggestion(repo, monkeypatch, args, meant):
    result = run([*args, "--root", str(repo.root)], repo.root, monkeypatch)
    assert result.exit_code in (1, 2), result.output
    assert f"Có phải ý bạn là {meant}?" in " ".join(result.output.split())


def test_impact_understands_a_number_typed_without_diacritics(repo, monkeypatch):
    result = run(["impact", "19/2014/QD-TTg", "--root", str(repo.root)], repo.root, monkeypatch)
    assert result.exit_code == 0 and "Hiểu là '19/2014/QĐ-TTg'" in result.output and "QT.01" in result.output
