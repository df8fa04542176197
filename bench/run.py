"""`make bench`: the product beside plain MkDocs, per-file git history and WeasyPrint,
measured in one run on the same generated corpus. Prints one table and writes
docs/benchmarks.md with the machine's details.

Usage: python bench/run.py --n 1000 --commits 10 --peers .bench-venv
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import corpus  # noqa: E402
import preview  # noqa: E402
import records  # noqa: E402

OURS = REPO / ".venv" / "bin" / "python"


@dataclass
class Row:
    what: str
    ours: str
    peer: str
    ratio: str
    target: str = ""
    met: str = ""


def run(cmd, cwd, env=None) -> tuple[float, int, subprocess.CompletedProcess]:
    """Wall time and peak memory (KiB) of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    out, err = proc.stdout.read(), proc.stderr.read()
    proc.returncode = os.waitstatus_to_exitcode(status)
    result = subprocess.CompletedProcess(cmd, proc.returncode, out, err)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, cmd))} failed:\n{err[-3000:]}")
    return elapsed, usage.ru_maxrss, result


def env(**extra) -> dict:
    return dict(os.environ, QMS_TODAY="2026-11-21", **extra)


def mkdocs(python: Path, root: Path, *extra) -> tuple[float, int]:
    elapsed, rss, _ = run([str(python), "-m", "mkdocs", "build", "-q", *extra], root, env())
    return elapsed, rss


COLD_PAIRS = 3


def cold_build(product: Path) -> tuple[float, int]:
    """Our `mkdocs build` with every PDF, the cache removed first: (seconds, peak KiB)."""
    shutil.rmtree(product / ".qms-cache", ignore_errors=True)
    elapsed, rss, _ = run([str(OURS), "-m", "mkdocs", "build", "-q"], product, env())
    return elapsed, rss


def index_size(site: Path) -> int:
    return (site / "search" / "search_index.json").stat().st_size


def page_size(site: Path, url: str) -> int:
    return (site / url / "index.html").stat().st_size


def history_ours(root: Path, mode: str) -> float:
    """Seconds for our history index in a fresh process (see bench/history_probe.py)."""
    _, _, result = run([str(OURS), str(REPO / "bench" / "history_probe.py"), str(root), mode], root)
    return json.loads(result.stdout)["seconds"]


def history_per_file(root: Path) -> float:
    """What git-date plugins do: one `git log` per file."""
    files = sorted(p.relative_to(root).as_posix() for p in (root / "procedures").glob("*.md")) + \
        sorted(p.relative_to(root).as_posix() for p in (root / "forms").glob("*.md"))
    start = time.perf_counter()
    for rel in files:
        subprocess.run(["git", "log", "--format=%at", "--", rel], cwd=root, check=True, capture_output=True)
    return time.perf_counter() - start


def weasyprint_rate(peers: Path, plain_site: Path, sample: list[str]) -> float:
    """Documents per second for WeasyPrint rendering each document's HTML page."""
    code = ("import sys,time\nfrom weasyprint import HTML\npages=sys.argv[1:]\nt=time.perf_counter()\n"
            "for p in pages: HTML(filename=p).write_pdf('/dev/null')\nprint(len(pages)/(time.perf_counter()-t))")
    pages = [str(plain_site / url / "index.html") for url in sample]
    _, _, result = run([str(peers / "bin" / "python"), "-c", code, *pages], plain_site)
    return float(result.stdout.strip().splitlines()[-1])


def pdf_stats(site: Path) -> dict:
    """What the build says it rendered (written by the PDF stage into the manifest)."""
    manifest = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
    return manifest.get("pdf_stats", {})


def machine() -> str:
    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = ""
    try:
        mem = f"{int(next(l.split()[1] for l in open('/proc/meminfo') if l.startswith('MemTotal'))) // 1024 // 1024} GiB"
    except (OSError, StopIteration):
        pass
    return (f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), {mem}, "
            f"Python {platform.python_version()}")


TARGET_SIZE = 1000   # the issue states its targets for a corpus of 1,000 documents


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f} ×" if b and b != float("inf") else "—"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=10)
    parser.add_argument("--peers", type=Path, default=REPO / ".bench-venv")
    parser.add_argument("--work", type=Path, default=Path("/tmp/qms-bench"))
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "benchmarks.md")
    parser.add_argument("--weasyprint-sample", type=int, default=20)
    parser.add_argument("--record-years", type=int, default=5)
    parser.add_argument("--records-per-year", type=int, default=1000)
    args = parser.parse_args()
    args.peers = args.peers.resolve()
    peers_python = args.peers / "bin" / "python"
    product, plain = args.work / "product", args.work / "plain"
    print(f"Tạo kho mẫu {args.n} tài liệu, {args.commits} commit...", flush=True)
    docs = corpus.generate(product, args.n, args.commits)
    corpus.generate(plain, args.n, args.commits, plain=True)

    rows: list[Row] = []
    print("MkDocs thuần...", flush=True)
    t_plain, _ = mkdocs(peers_python, plain)
    plain_index = index_size(plain / "site")

    print("Bản dựng của chúng tôi (lần đầu, không PDF)...", flush=True)
    shutil.rmtree(product / ".qms-cache", ignore_errors=True)
    t_nopdf, rss_nopdf, _ = run([str(OURS), "-m", "mkdocs", "build", "-q"], product, env(QMS_PDF="0"))
    print("Bản dựng của chúng tôi (lần đầu, có PDF)...", flush=True)
    t_cold, rss_cold = cold_build(product)
    cold_stats = pdf_stats(product / "site")
    our_index = index_size(product / "site")
    # This 2-core virtual machine drifts by 10-20 % within minutes: the cold build is compared in
    # COLD_PAIRS pairs (plain MkDocs, then ours right after) and the median ratio is the result.
    pairs = [(t_plain, t_cold)]
    for _ in range(COLD_PAIRS - 1):
        print("MkDocs thuần và bản dựng lần đầu có PDF, cặp tiếp theo...", flush=True)
        pairs.append((mkdocs(peers_python, plain)[0], cold_build(product)[0]))
    cold_ratio = statistics.median(c / p for p, c in pairs)
    t_plain = statistics.median(p for p, _ in pairs)
    t_cold = statistics.median(c for _, c in pairs)

    print("Sửa một tài liệu, dựng lại...", flush=True)
    doc = next(d for d in docs if d["kind"] == "procedure")
    corpus.reissue(product, doc, date(2026, 11, 1), random.Random(7), True)
    t_warm, _, _ = run([str(OURS), "-m", "mkdocs", "build", "-q"], product, env())
    warm_stats = pdf_stats(product / "site")

    print("qms check...", flush=True)
    t_check, _, _ = run([str(REPO / ".venv" / "bin" / "qms"), "check"], product, env())
    (product / ".qms-cache" / "parsed.pickle").unlink(missing_ok=True)
    t_check_cold, _, _ = run([str(REPO / ".venv" / "bin" / "qms"), "check"], product, env())

    print("Lịch sử git...", flush=True)
    t_hist = history_ours(product, "rebuild")
    t_hist_first = history_ours(product, "first-build")
    t_hist_alone = history_ours(product, "standalone")
    t_perfile = history_per_file(product)
    print("MkDocs thuần + git-revision-date-localized...", flush=True)
    gitplugin = plain / "mkdocs-git.yml"
    gitplugin.write_text(corpus.PLAIN_MKDOCS.replace("plugins:\n", "plugins:\n  - git-revision-date-localized\n"),
                         encoding="utf-8")
    t_gitplugin, _ = mkdocs(peers_python, plain, "-f", str(gitplugin))

    print("Xem trước khi sửa (qms serve, mkdocs serve, mkdocs serve --dirty)...", flush=True)
    edits, equal, differing = preview.measure_ours(product, env())
    plain_serve = preview.measure_plain(plain, peers_python, env(), dirty=False)
    plain_dirty = preview.measure_plain(plain, peers_python, env(), dirty=True)

    print("WeasyPrint...", flush=True)
    sample = [f"{d['path'][:-3]}" for d in docs[: args.weasyprint_sample]]
    weasy = weasyprint_rate(args.peers, plain / "site", sample)
    rendered = cold_stats.get("rendered", 0)
    # The build makes PDFs beside the pages: their rate is measured on the printing process alone.
    for kind in ("pdf", "stamped", "docx"):
        shutil.rmtree(product / ".qms-cache" / kind, ignore_errors=True)
    print_out = args.work / "print-only"
    shutil.rmtree(print_out, ignore_errors=True)
    pdf_seconds, _, _ = run([str(OURS), "-m", "builder.pdf.background", str(product), str(print_out), "2026-11-21"],
                            product, env())
    ours_rate = rendered / pdf_seconds if rendered else 0.0

    print(f"Hồ sơ: {args.record_years} năm × {args.records_per_year} hồ sơ...", flush=True)
    n_records = records.generate(product, args.record_years, args.records_per_year)
    (product / ".qms-cache" / "parsed.pickle").unlink(missing_ok=True)
    t_rcheck_cold, _, _ = run([str(REPO / ".venv" / "bin" / "qms"), "check"], product, env())
    t_rcheck, _, _ = run([str(REPO / ".venv" / "bin" / "qms"), "check"], product, env())
    t_rnopdf, _, _ = run([str(OURS), "-m", "mkdocs", "build", "-q"], product, env(QMS_PDF="0"))


    def verdict(met) -> str:
        """Targets hold at N = 1,000; a smaller corpus is dominated by fixed costs (start-up, the
        guide and register pages), so its rows are shown without a verdict."""
        if args.n < TARGET_SIZE:
            return f"(mục tiêu xét ở N = {TARGET_SIZE:,})".replace(",", ".")
        return "đạt" if met else "chưa đạt"

    overhead = t_nopdf / t_plain - 1
    ours_median, ours_max = preview.summary(edits)
    serve_median, serve_max = preview.summary(plain_serve)
    dirty_median, dirty_max = preview.summary(plain_dirty)
    kinds = "; ".join(f"{kind} {seconds:.2f} s" for kind, seconds in edits)
    rows += [
        Row("Dựng trang (không PDF) so với MkDocs thuần", f"{t_nopdf:.1f} s", f"{t_plain:.1f} s",
            ratio(t_nopdf, t_plain), "≤ +15 %", verdict(overhead <= 0.15)),
        Row(f"Dựng lần đầu gồm mọi PDF so với MkDocs thuần (không PDF); trung vị của {len(pairs)} cặp đo liền nhau: "
            + "; ".join(f"{c:.1f} s / {p:.1f} s = {c / p:.2f} ×" for p, c in pairs),
            f"{t_cold:.1f} s ({rendered} PDF)", f"{t_plain:.1f} s", f"{cold_ratio:.2f} ×", "≤ 1,5 ×",
            verdict(cold_ratio <= 1.5)),
        Row("Xem trước: từ lúc lưu tệp đến khi trang phục vụ có thay đổi (trung vị / lớn nhất, "
            f"{len(edits)} kiểu sửa: {kinds})", f"{ours_median:.2f} s / {ours_max:.2f} s",
            f"mkdocs serve {preview.seconds(serve_median)} / {preview.seconds(serve_max)}",
            ratio(ours_median, serve_median), "≤ 1 s / ≤ 2 s", verdict(ours_median <= 1 and ours_max <= 2)),
        Row("Xem trước so với mkdocs serve --dirty (chỉ dựng lại trang đã sửa; "
            + "; ".join(f"{kind} {preview.seconds(s if s is not None else float('inf'))}" for kind, s in plain_dirty) + ")",
            f"{ours_median:.2f} s / {ours_max:.2f} s",
            f"{preview.seconds(dirty_median)} / {preview.seconds(dirty_max)}", ratio(ours_median, dirty_median), "", ""),
        Row("Xem trước: trang sau mỗi lần sửa giống bản dựng sạch (điều hướng, danh mục, lỗi)",
            f"{equal}/{len(edits)}" + (f" (khác: {', '.join(differing)})" if differing else ""), "", "",
            f"{len(edits)}/{len(edits)}", verdict(equal == len(edits))),
        Row("Dựng lại sau khi sửa 1 tài liệu", f"{t_warm:.1f} s, {warm_stats.get('rendered', '?')} PDF vẽ lại",
            f"{t_plain:.1f} s (dựng lại toàn bộ)", ratio(t_warm, t_plain),
            "chỉ PDF của tài liệu đã sửa",
            verdict(warm_stats.get("rendered") and set(warm_stats.get("codes", [])) == {doc["code"]})),
        Row("Chỉ mục lịch sử khi dựng lại (1 git log, phân tích đã lưu) so với 1 git log mỗi tệp",
            f"{t_hist:.2f} s", f"{t_perfile:.2f} s",
            f"{t_perfile / t_hist:.0f} × nhanh hơn", "≥ 20 ×", verdict(t_perfile / t_hist >= 20)),
        Row("Chỉ mục lịch sử lần dựng đầu (phân tích các phiên bản cũ)", f"{t_hist_first:.2f} s",
            f"{t_perfile:.2f} s", f"{t_perfile / t_hist_first:.0f} × nhanh hơn", "", ""),
        Row("Chỉ mục lịch sử riêng lẻ (phân tích mọi phiên bản, không bộ đệm)", f"{t_hist_alone:.2f} s",
            f"{t_perfile:.2f} s", f"{t_perfile / t_hist_alone:.0f} × nhanh hơn", "", ""),
        Row("Thêm git-revision-date-localized vào MkDocs thuần", f"{t_hist:.2f} s (chỉ mục)",
            f"+{t_gitplugin - t_plain:.1f} s ({t_gitplugin:.1f} s)", f"{(t_gitplugin - t_plain) / t_hist:.0f} ×", "", ""),
        Row("Tốc độ PDF (tài liệu/giây)", f"{ours_rate:.1f}", f"{weasy:.2f} (WeasyPrint)",
            f"{ours_rate / weasy:.0f} ×" if weasy else "—", "≥ 20 ×", verdict(weasy and ours_rate / weasy >= 20)),
        Row("Kích thước chỉ mục tìm kiếm", f"{our_index / 1e6:.2f} MB", f"{plain_index / 1e6:.2f} MB",
            ratio(our_index, plain_index), "≤ 1,5 ×", verdict(our_index <= 1.5 * plain_index)),
        Row("qms check trên toàn kho (lần sau / lần đầu)", f"{t_check:.2f} s / {t_check_cold:.2f} s",
            "", "", "", ""),
        Row("Bộ nhớ đỉnh khi dựng", f"{rss_cold / 1024:.0f} MiB", "", "", "", ""),
        Row(f"Hồ sơ: qms check với {n_records:,} hồ sơ ({args.record_years} năm) (lần sau / lần đầu)".replace(",", "."),
            f"{t_rcheck:.2f} s / {t_rcheck_cold:.2f} s", f"{t_check:.2f} s (không hồ sơ)",
            f"+{t_rcheck - t_check:.2f} s", "", ""),
        Row(f"Hồ sơ: dựng trang (không PDF) thêm {n_records:,} trang hồ sơ và sổ theo dõi".replace(",", "."),
            f"{t_rnopdf:.1f} s", f"{t_nopdf:.1f} s (không hồ sơ)", f"+{t_rnopdf - t_nopdf:.1f} s", "", ""),
    ]
    table = ["| Phép đo | Chúng tôi | Đối chứng | Tỉ lệ | Mục tiêu | Kết quả |", "|---|---|---|---|---|---|"]
    table += [f"| {r.what} | {r.ours} | {r.peer} | {r.ratio} | {r.target} | {r.met} |" for r in rows]
    text = "\n".join(table)
    print("\n" + text)
    header = (f"# Đo hiệu năng\n\nKho mẫu sinh tự động: {args.n} tài liệu, {args.commits} commit lịch sử "
              f"(`make bench N={args.n} COMMITS={args.commits}`), chạy ngày {date.today():%d/%m/%Y}.\n\n"
              f"Máy: {machine()}.\n\n")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    previous = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    notes = previous.split("<!-- notes -->", 1)[1] if "<!-- notes -->" in previous else "\n"
    args.out.write_text(header + text + "\n\n<!-- notes -->" + notes, encoding="utf-8")


if __name__ == "__main__":
    main()
