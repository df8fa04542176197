"""`qms fidelity`: the same words on the pull-request preview, the site and the PDF."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from builder.catalog import load_catalog, published_view
from builder.cli.options import fail, root_option, today_option
from builder.fidelity.run import check_fidelity


@click.command("fidelity")
@root_option
@today_option
@click.option("--site", "site_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Thư mục trang đã dựng (mặc định: <kho>/site, sau `make site` hoặc `mkdocs build`).")
@click.option("--expected", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Tệp JSON {mã: HTML} dùng làm bản chuẩn thay cho bản xem trước GFM (ví dụ HTML của bản đặc tả).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def fidelity(root, today, site_dir, expected, fmt):
    """So nội dung mỗi tài liệu trên bản xem trước (CommonMark + GFM), trên trang đã dựng và trong
    bản PDF: từ ngữ và thứ tự, danh sách và cấp lồng, hàng và ô của bảng, liên kết, đề mục.

    In mọi khác biệt (tệp, dòng, ở đâu) và tổng số; thoát với mã 1 khi có khác biệt."""
    site_dir = site_dir or Path(root) / "site"
    if not site_dir.is_dir():
        fail(f"không thấy trang đã dựng ở {site_dir}: chạy `make site` (hoặc `mkdocs build`) trước.")
    reference = json.loads(expected.read_text(encoding="utf-8")) if expected else None
    catalog = published_view(load_catalog(root, today))   # what the built site shows today
    report = check_fidelity(catalog, site_dir, reference)
    if fmt == "json":
        click.echo(json.dumps({"documents": report.documents, "pdfs": report.pdfs,
                               "differences": [d.__dict__ for d in report.differences],
                               "explained": [dict(d.__dict__, findings=[f.as_dict() for f in fs])
                                             for d, fs in report.explained]}, ensure_ascii=False))
    else:
        for d in report.differences:
            click.echo(d.as_text())
        for d, findings in report.explained:
            click.echo(f"{d.as_text()} (đã báo: {', '.join(sorted({f.rule for f in findings}))})")
        counts = ", ".join(f"{where}: {n}" for where, n in report.by_where().items())
        click.echo(f"Tổng: {len(report.differences)} khác biệt chưa được báo trên {report.documents} tài liệu "
                   f"({report.pdfs} bản PDF) ({counts}); {len(report.explained)} khác biệt ở cách viết đã có "
                   "phát hiện của qms check.")
    sys.exit(1 if report.differences else 0)
