"""`make fidelity`: `qms fidelity` on the three corpora (the sample, the CommonMark and GFM spec
examples, 91 real QMS documents written for GitHub), each built into a temporary repository by
the test helpers, and docs/fidelity.md written with the results. The corpora are read from
../shared/corpora and never copied into this repository.

Usage: python bench/fidelity.py [--out docs/fidelity.md]
"""
from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))

from support.corpora import (CORPORA, SUPPORTED, openregulatory_repo, stress_examples,  # noqa: E402
                             stress_repo, stress_selection)
from support.repos import copy_sample, mkdocs_build  # noqa: E402

WHERE = ("trang", "bản in (pandoc)", "bản in (PDF)")


def measure(name: str, repo, expected: Path | None) -> dict:
    started = time.perf_counter()
    build = mkdocs_build(repo.root)
    built = time.perf_counter() - started
    if build.returncode != 0:
        raise SystemExit(f"{name}: mkdocs build failed\n{build.stderr[-2000:]}")
    started = time.perf_counter()
    result = repo.qms("fidelity", "--format", "json", *(["--expected", str(expected)] if expected else []))
    report = json.loads(result.output)
    report.update(name=name, build=built, check=time.perf_counter() - started)
    return report


def table(reports: list[dict]) -> list[str]:
    out = ["| corpus | documents | PDFs | differences (site / pandoc / PDF) | explained by a finding | "
           "build | fidelity check |", "|---|---|---|---|---|---|---|"]
    for r in reports:
        counts = [sum(1 for d in r["differences"] if d["where"] == w) for w in WHERE]
        rules = sorted({f["rule"] for d in r["explained"] for f in d["findings"]})
        explained = f"{len(r['explained'])} in {len({d['path'] for d in r['explained']})} documents" \
                    + (f" ({', '.join(rules)})" if rules else "")
        out.append(f"| {r['name']} | {r['documents']} | {r['pdfs']} | {len(r['differences'])} "
                   f"({' / '.join(map(str, counts))}) | {explained} | {r['build']:.1f} s | {r['check']:.1f} s |")
    return out


def explained_lines(reports: list[dict]) -> list[str]:
    out = []
    for r in reports:
        for d in r["explained"]:
            rules = ", ".join(sorted({f["rule"] for f in d["findings"]}))
            out.append(f"- {r['name']}, `{d['path']}` ({d['where']}): {d['expected']} → {d['got']} — `{rules}`")
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(REPO / "docs" / "fidelity.md"))
    args = parser.parse_args()
    if not CORPORA.is_dir():
        raise SystemExit(f"corpora not found at {CORPORA}")
    with tempfile.TemporaryDirectory(prefix="qms-fidelity-") as tmp:
        tmp = Path(tmp)
        reports = [measure("sample", copy_sample(tmp / "sample"), None)]
        repo, expected = stress_repo(tmp / "stress")
        reports.append(measure(f"spec examples ({len(stress_examples())})", repo, expected))
        reports.append(measure("openregulatory templates", openregulatory_repo(tmp / "openregulatory"), None))
    lines = ["# Fidelity: the same words on the preview, the site and the PDF", "",
             f"Written by `make fidelity` on {date.today().isoformat()} ({platform.machine()}, "
             f"Python {platform.python_version()}). What is compared and how: README, section "
             "\"One meaning for Markdown\".", "", *table(reports), "",
             "Differences in a document that `qms check` already flags at the construct's line "
             "(`hidden-tag`, `link-target`, `print-glyph`, `unsafe-html`) are listed, not counted:", "",
             *(explained_lines(reports) or ["- none"]), "",
             "## The spec examples", "",
             "Each example is a controlled document: a Vietnamese paragraph, then the example; the "
             "reference is the spec's own HTML (with the paragraph), not our parser. Sections used: "
             + ", ".join(sorted(SUPPORTED)) + ", and the GFM extensions.", "",
             *[f"- {what}: {n}" for what, n in stress_selection().items()], ""]
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(table(reports)))
    if any(r["differences"] for r in reports):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
