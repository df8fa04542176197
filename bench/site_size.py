"""Site size at scale: HTML of a document page and size of the search index, N documents.

Builds the generated corpus (bench/corpus.py) with the project's mkdocs.yml and, for the
search index, with plain Material on the same pages (no theme overrides, Material's default
search settings for Vietnamese). Prints one JSON line per corpus size.

Usage: python bench/site_size.py [--n 50 1000] [--workdir /tmp/qms-site-size]

Why it matters: MkDocs renders the navigation into every page, so a sidebar that lists every
document grows every page with the number of documents; and a large search index freezes the
reader's browser. The acceptance of issue 5: a document page of a 1,000-document site is no
larger than on a 50-document site plus a small constant, and the index stays within 1.5 x
plain Material's.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from corpus import generate  # noqa: E402

TODAY = "2026-11-21"


def build(root: Path, config: dict, site: str) -> float:
    """mkdocs build of `root` with `config` into root/site; returns seconds."""
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", site], cwd=root,
                            env=dict(os.environ, QMS_TODAY=TODAY), capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(result.stderr[-3000:])
    return time.perf_counter() - start


def plain_material(config: dict) -> dict:
    """The same site with Material as shipped: no custom_dir, default search settings."""
    plain = json.loads(json.dumps(config))
    plain["theme"].pop("custom_dir", None)
    plain["theme"]["language"] = "vi"        # 'custom' is a partial of our custom_dir
    plain["plugins"] = [{"search": {"lang": "vi"}} if isinstance(p, dict) and "search" in p else p
                        for p in plain["plugins"]]
    return plain


def document_pages(site: Path) -> list[int]:
    """Sizes of the current document pages (tai-lieu/<code>/index.html)."""
    return [p.stat().st_size for p in (site / "tai-lieu").glob("*/index.html")]


def measure(n: int, workdir: Path) -> dict:
    root = workdir / f"corpus-{n}"
    generate(root, n, commits=1)
    shutil.copytree(REPO / "site_config", root / "site_config", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("activities.yml"))
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    seconds = build(root, config, "site")
    plain_seconds = build(root, plain_material(config), "site-plain")
    pages = document_pages(root / "site")
    index = (root / "site" / "search" / "search_index.json").stat().st_size
    plain_index = (root / "site-plain" / "search" / "search_index.json").stat().st_size
    return {"documents": n, "build_s": round(seconds, 1), "plain_build_s": round(plain_seconds, 1),
            "page_median_bytes": int(statistics.median(pages)), "page_max_bytes": max(pages),
            "search_index_bytes": index, "plain_search_index_bytes": plain_index,
            "index_ratio": round(index / plain_index, 3)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, nargs="+", default=[50, 1000])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/qms-site-size"))
    args = parser.parse_args()
    for n in args.n:
        print(json.dumps(measure(n, args.workdir)), flush=True)


if __name__ == "__main__":
    main()
