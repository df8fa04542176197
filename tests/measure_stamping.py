"""Measure controlled-copy stamping on a 20-page document (a measurement, not a test).

Run: .venv/bin/python tests/measure_stamping.py
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/: the support package

from support.repos import copy_sample  # noqa: E402
from support.pdfutil import reader  # noqa: E402

from builder.catalog import load_catalog  # noqa: E402
from builder.pdf.build import ORIENTATIONS  # noqa: E402
from builder.pdf.copies import issue_copies, master_pdf  # noqa: E402
from builder.pdf.stamp import render_stamps, stamp  # noqa: E402
from builder.pdf.variants import Variant  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_sample(Path(tmp) / "repo").root
        catalog = load_catalog(root, date(2026, 11, 21), with_git=False)
        qt01 = catalog.get("QT.01")
        extra = catalog.get("QT.02").body.split("\n\n")
        for cut in range(len(extra) + 1):     # QT.01 three times, then QT.02 until 20 pages
            long = replace(qt01, body="\n\n".join([qt01.body] * 3 + extra[:cut]))
            master = master_pdf(long, catalog)
            pages = len(reader(master).pages)
            if pages >= 20:
                break
        catalog.documents[catalog.documents.index(qt01)] = long
        catalog.by_code["QT.01"] = long
        variants = [Variant.controlled(n, "Văn phòng Sở", date(2026, 11, 21)) for n in range(1, 6)]
        t0 = time.perf_counter()
        stamps = render_stamps(root, variants, ORIENTATIONS)
        overlay = time.perf_counter() - t0
        timings = []
        for index in range(len(variants)):
            t0 = time.perf_counter()
            stamp(master, stamps, index, ORIENTATIONS, {"/Subject": "x"})
            timings.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        issue_copies(catalog, "QT.01", "VP", 1, "ntkhanh", date(2026, 11, 21), root / "ban-in")
        whole = time.perf_counter() - t0
        print(f"pages: {pages}")
        print(f"stamp overlay per copy (pypdf, {pages} pages): median {statistics.median(timings) * 1000:.1f} ms, "
              f"max {max(timings) * 1000:.1f} ms")
        print(f"stamp pages rendered by typst (once per command, 5 copies): {overlay * 1000:.1f} ms")
        print(f"issue_copies of 1 copy with cached master (lock, stamp render, overlay, register): "
              f"{whole * 1000:.1f} ms")


if __name__ == "__main__":
    main()
