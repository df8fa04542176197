"""`qms report`: the yearly QMS report as PDF (to sign and send) and DOCX (for the văn thư's final
editing), into the print folder.

Registered on the `qms` group by builder/cli/main.py. Exit codes: 0 ok, 1 failure (a file that
could not be made, a file in the way), 2 usage error (a year in the future, a wrong option)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from builder.catalog import load_catalog, published_view
from builder.cli.options import fail, root_option, today_option
from builder.cli.printing import _refuse_committed_cache, output_option
from builder.findings.finding import has_errors
from builder.findings.report import FORMATS as FINDING_FORMATS
from builder.pdf.paths import PRINT_DIR
from builder.pdf.report import ReportOverwrite, render_report, save_report
from builder.reporting.header import report_header
from builder.reporting.paths import FORMATS, report_file_name

CHOICES = {"pdf": ("pdf",), "docx": ("docx",), "both": FORMATS}


@click.command("report")
@click.option("--year", type=click.IntRange(1900, 2999), metavar="NĂM",
              help="Năm báo cáo (mặc định: năm hiện tại).")
@click.option("--number", metavar="SỐ", help="Số của báo cáo, ví dụ 215 (in 'Số: 215/BC-<tên viết tắt>') hoặc "
                                            "215/BC-SKHCN; mặc định: mục report.number của site_config/records.yml, "
                                            "không có thì để trống cho văn thư điền.")
@click.option("--format", "fmt", type=click.Choice(list(CHOICES)), default="both", show_default=True,
              help="pdf (bản trình ký), docx (bản Word để chỉnh sửa) hoặc cả hai.")
@output_option
@root_option
@today_option
def report_command(year, number, fmt, output, root, today):
    """Lập báo cáo năm về tình hình xây dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất
    lượng (mẫu báo cáo theo Nghị định 30/2020/NĐ-CP), từ tài liệu, hồ sơ, kế hoạch và mục tiêu chất
    lượng trong hệ thống: BC-HTQLCL-<năm>.pdf và .docx trong thư mục bản in.

    Người nhận (Kính gửi), nơi nhận, người ký và văn bản làm căn cứ khai báo ở mục report của
    site_config/records.yml. Lệnh không ghi đè tệp đã bị sửa sau khi lệnh tạo ra."""
    catalog = published_view(load_catalog(root, today, base_ref=None))   # as the site shows it today
    year = year or catalog.today.year
    if year > catalog.today.year:
        raise click.BadParameter(f"năm {year} chưa đến (hôm nay là {catalog.today:%d/%m/%Y}).", param_hint="--year")
    _refuse_committed_cache(catalog)
    header = report_header(catalog, year, number)
    for warning in header.warnings:
        click.echo(f"CẢNH BÁO: {warning}", err=True)
    made = render_report(catalog, year, header, CHOICES[fmt])
    if made.findings:
        click.echo(FINDING_FORMATS["text"](made.findings), err=True)
    if has_errors(made.findings):
        fail(f"Không tạo được báo cáo năm {year}; sửa lỗi ở trên rồi chạy lại.")
    out = Path(output or Path(root) / PRINT_DIR)
    files = {out / report_file_name(year, ext): made.path(ext).read_bytes() for ext in CHOICES[fmt]}
    try:
        written = save_report(catalog, files)
    except ReportOverwrite as exc:
        fail(f"{exc.path} đã có và không phải tệp lệnh này tạo ra (hoặc đã được sửa sau đó): không ghi đè. "
             "Đổi tên, chuyển tệp đó đi, hoặc ghi vào thư mục khác bằng -o.")
    click.echo(f"Đã tạo báo cáo năm {year}:")
    for path in written:
        click.echo(f"  {path}")
    sys.exit(0)
