"""The province portal at scale: 125 and 1,000 generated agencies (50-300 documents each, their
status.json made from the sample's real one, their manifests), served over HTTP from 127.0.0.1;
measures `qms portal` (collection plus build), the build alone from the last good copies
(`--offline`), the size of the index page and of an agency page, and the search files (total and
largest). Writes the section "Cổng tỉnh" of docs/benchmarks.md.

Usage: python bench/portal.py [--agencies 125 1000] [--work /tmp/qms-portal-bench]
"""
from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from support.portal_corpus import generated  # noqa: E402  (the agency generator the tests use)

from builder.catalog import load_catalog  # noqa: E402
from builder.portal.site.search_index import FOLDER as SEARCH_FOLDER  # noqa: E402
from builder.reporting.status import status  # noqa: E402

TODAY = date(2026, 11, 21)
QMS = REPO / ".venv" / "bin" / "qms"
START, END = "<!-- portal -->", "<!-- /portal -->"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Server(ThreadingHTTPServer):
    request_queue_size = 256
    daemon_threads = True


def serve(folder: Path) -> tuple[_Server, str]:
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def write_agencies(folder: Path, count: int, base_url: str) -> Path:
    """Each agency's two files under folder/files/<id>/, and the portal's configuration."""
    base = status(load_catalog(REPO, TODAY))
    agencies = generated(base, count, TODAY)
    lines = ["province: Tỉnh Hòa Phong", "lead_unit: Sở Khoa học và Công nghệ tỉnh Hòa Phong", "stale_days: 7",
             "collection: {timeout_seconds: 20, max_bytes: 5000000}", "agencies:"]
    for item in agencies:
        entry = item.entry
        target = folder / "files" / entry.id
        target.mkdir(parents=True, exist_ok=True)
        (target / "status.json").write_text(json.dumps(item.status, ensure_ascii=False), encoding="utf-8")
        (target / "manifest.json").write_text(json.dumps(item.manifest, ensure_ascii=False), encoding="utf-8")
        lines += [f"  - id: {entry.id}", f"    name: \"{entry.name}\"", f"    level: {entry.level}",
                  f"    site_url: {entry.site_url}", f"    status_url: {base_url}{entry.id}/status.json",
                  f"    manifest_url: {base_url}{entry.id}/manifest.json"]
    config = folder / "portal" / "portal.yml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


def timed(*args: str) -> float:
    start = time.perf_counter()
    result = subprocess.run([str(QMS), *args], capture_output=True, text=True,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="true"))
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"qms {' '.join(args)} thất bại:\n{result.stdout}\n{result.stderr}")
    return elapsed


def measure(work: Path, count: int) -> dict:
    folder = work / str(count)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    server, url = serve(folder / "files")
    try:
        config = write_agencies(folder, count, url)
        out = folder / "site"
        collect = timed("portal", "--config", str(config), "-o", str(out), "--today", TODAY.isoformat())
        offline = timed("portal", "--config", str(config), "-o", str(out), "--today", TODAY.isoformat(), "--offline")
    finally:
        server.shutdown()
    search = [p for p in (out / SEARCH_FOLDER).rglob("*") if p.is_file()]
    pages = [p for p in out.rglob("index.html") if p.parent != out]
    docs = sum(len(json.loads(p.read_text(encoding="utf-8"))["documents"])
               for p in (folder / "files").glob("*/manifest.json"))
    return {"agencies": count, "documents": docs, "collect_build": collect, "offline": offline,
            "index": (out / "index.html").stat().st_size,
            "agency_page": sum(p.stat().st_size for p in pages) / max(1, len(pages)),
            "search_total": sum(p.stat().st_size for p in search), "search_files": len(search),
            "search_largest": max((p.stat().st_size for p in search), default=0)}


def table(rows: list[dict]) -> str:
    kb = lambda n: f"{n / 1024:,.0f} KB".replace(",", ".")   # noqa: E731
    out = ["| Số cơ quan (tài liệu) | Thu thập + dựng | Chỉ dựng (`--offline`) | Trang chủ | Trang một cơ quan (TB) "
           "| Chỉ mục tìm kiếm (tổng / số tệp / tệp lớn nhất) |", "|---|---|---|---|---|---|"]
    for r in rows:
        out.append(f"| {r['agencies']:,} ({r['documents']:,}) | {r['collect_build']:.1f} s | {r['offline']:.1f} s | "
                   f"{kb(r['index'])} | {kb(r['agency_page'])} | {r['search_total'] / 1e6:.1f} MB / "
                   f"{r['search_files']:,} / {kb(r['search_largest'])} |".replace(",", "."))
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--agencies", type=int, nargs="+", default=[125, 1000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/qms-portal-bench"))
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "benchmarks.md")
    args = parser.parse_args()
    rows = []
    for count in args.agencies:
        print(f"Cổng tỉnh: {count} cơ quan...", flush=True)
        rows.append(measure(args.work, count))
    text = table(rows)
    print(text)
    section = (f"{START}\n## Cổng tỉnh\n\n`make bench-portal`, ngày {date.today():%d/%m/%Y}: cơ quan sinh tự động (50–300 "
               "tài liệu mỗi cơ quan, status.json và manifest.json phục vụ qua HTTP từ 127.0.0.1), `qms portal` thu "
               "thập rồi dựng cổng (gồm báo cáo tổng hợp PDF và DOCX), rồi dựng lại từ bản lưu gần nhất.\n\n"
               f"{text}\n{END}")
    current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    if START in current and END in current:
        current = current.split(START)[0] + section + current.split(END, 1)[1]
    else:
        current = current.rstrip("\n") + "\n\n" + section + "\n"
    args.out.write_text(current, encoding="utf-8")


if __name__ == "__main__":
    main()
