"""Regenerate the layout images of the README (not a test).

Run: .venv/bin/python tests/make_layout_images.py
Writes docs/images/qt-01-trang-1.png (the site PDF of QT.01, first page) and
docs/images/ban-kiem-soat-trang-1.png (controlled copy no. 1 of QT.01 for Văn phòng Sở).
"""
from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/: the support package

from support.repos import REPO, copy_sample  # noqa: E402
from support.pdfutil import save_png  # noqa: E402

from builder.catalog import load_catalog  # noqa: E402
from builder.pdf.build import render_pdf  # noqa: E402
from builder.pdf.copies import issue_copies  # noqa: E402
from builder.pdf.variants import Variant  # noqa: E402

OUT = REPO / "docs" / "images"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_sample(Path(tmp) / "repo").root
        catalog = load_catalog(root, date(2026, 11, 21), with_git=False)
        pdf, findings = render_pdf(catalog.get("QT.01"), catalog, Variant.uncontrolled())
        assert not findings, findings
        save_png(pdf, OUT / "qt-01-trang-1.png")
        copy = issue_copies(catalog, "QT.01", "VP", 1, "ntkhanh", date(2026, 11, 21), root / "ban-in")[0]
        save_png(copy.path.read_bytes(), OUT / "ban-kiem-soat-trang-1.png")
    print(f"written: {OUT / 'qt-01-trang-1.png'}, {OUT / 'ban-kiem-soat-trang-1.png'}")


if __name__ == "__main__":
    main()
