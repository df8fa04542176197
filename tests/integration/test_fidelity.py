"""One meaning everywhere: `qms fidelity` on three corpora (the sample, the spec examples, 91 real
QMS documents written for GitHub) finds no difference between the pull-request preview (GFM),
the built site and the printed PDF, other than constructs `qms check` reports at their line."""
from __future__ import annotations

import json

import pytest
from support.corpora import CORPORA, openregulatory_repo, stress_examples, stress_repo
from support.repos import copy_sample, mkdocs_build

needs_corpora = pytest.mark.skipif(not CORPORA.is_dir(), reason=f"corpora not found at {CORPORA}")


def fidelity(repo, *extra):
    result = repo.qms("fidelity", "--format", "json", *extra)
    return result.exit_code, json.loads(result.stdout)


def built(repo):
    result = mkdocs_build(repo.root)
    assert result.returncode == 0, result.stderr[-3000:]
    return repo


def test_sample_has_no_difference(tmp_path):
    repo = built(copy_sample(tmp_path / "sample"))
    code, report = fidelity(repo)
    assert report["differences"] == [] and report["explained"] == []
    assert code == 0
    assert report["documents"] == report["pdfs"] == 41


@needs_corpora
def test_spec_examples_mean_what_the_spec_says(tmp_path):
    repo, expected = stress_repo(tmp_path / "stress")
    built(repo)
    code, report = fidelity(repo, "--expected", str(expected))
    assert report["differences"] == [], report["differences"][:5]
    assert code == 0
    assert report["documents"] == len(stress_examples()) > 500
    # What is not supported is reported by `qms check`, at its line: links that lead nowhere
    # (printed as their text) and characters the print fonts lack.
    explained = {f["rule"] for d in report["explained"] for f in d["findings"]}
    assert explained <= {"link-target", "print-glyph"}
    assert len({d["path"] for d in report["explained"]}) <= 10


@needs_corpora
def test_real_qms_documents_written_for_github(tmp_path):
    repo = built(openregulatory_repo(tmp_path / "openregulatory"))
    code, report = fidelity(repo)
    assert report["differences"] == [], report["differences"][:5]
    assert report["explained"] == []
    assert code == 0
    assert report["documents"] == report["pdfs"] == 91


def test_a_lost_word_is_reported_with_its_line(tmp_path):
    """The command itself: a page edited after the build no longer says what the source says."""
    repo = built(copy_sample(tmp_path / "sample"))
    page = repo.root / "site" / "tai-lieu" / "qt-01" / "index.html"
    head, body = page.read_text(encoding="utf-8").split('<div class="qms-body"', 1)
    assert "Mục đích" in body
    page.write_text(head + '<div class="qms-body"' + body.replace("Mục đích", "Mục", 1), encoding="utf-8")
    code, report = fidelity(repo)
    assert code == 1
    [difference] = report["differences"]
    assert difference["path"].startswith("procedures/QT.01") and difference["where"] == "trang"
    source = (repo.root / difference["path"]).read_text(encoding="utf-8").split("\n")
    assert "Mục đích" in source[difference["line"] - 1]
