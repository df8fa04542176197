"""The `qms` command. Exit codes: 0 ok, 1 findings or failure, 2 usage error."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .catalog import load_catalog
from .checks import run_checks
from .dates import parse_date
from .findings import has_errors
from .messages import RULES
from .report import FORMATS
from .schema import KINDS

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _today(value):
    if value is None:
        return None
    parsed = parse_date(value)
    if parsed is None:
        raise click.BadParameter(f"'{value}' không phải ngày hợp lệ (dạng 2026-01-15).")
    return parsed


root_option = click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
                           show_default=True, help="Thư mục gốc của kho tài liệu.")
today_option = click.option("--today", envvar="QMS_TODAY", callback=lambda c, p, v: _today(v),
                            help="Ngày dùng để tính hạn (mặc định: hôm nay).")


@click.group(context_settings=CONTEXT)
def main():
    """Kiểm soát tài liệu hệ thống quản lý chất lượng TCVN ISO 9001:2015."""


@main.command()
@root_option
@today_option
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="Định dạng kết quả: text (đọc), json (máy), markdown (bình luận pull request).")
def check(root, today, fmt):
    """Kiểm tra mọi tài liệu; thoát với mã 1 khi có lỗi."""
    catalog = load_catalog(root, today)
    findings = run_checks(catalog)
    click.echo(FORMATS[fmt](findings))
    sys.exit(1 if has_errors(findings) else 0)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text", show_default=True)
def rules(fmt):
    """Liệt kê mọi quy tắc kiểm tra: mã, mức độ, giải thích."""
    for rule in RULES.values():
        if fmt == "markdown":
            click.echo(f"- `{rule.id}` ({rule.severity.label}): **{rule.title}**. {rule.explanation}")
        else:
            click.echo(f"{rule.id:28} {rule.severity.label:9} {rule.title}")
            click.echo(f"{'':28} {rule.explanation}")


@main.command()
@click.argument("kind", type=click.Choice(list(KINDS)))
@click.option("--unit", required=True, help="Mã đơn vị soạn thảo (xem site_config/organisation.yml).")
@click.option("--title", required=True, help="Tên tài liệu.")
@click.option("--procedure", "parent", help="Với biểu mẫu: mã hiệu quy trình gốc.")
@root_option
@today_option
def new(kind, unit, title, parent, root, today):
    """Tạo bản dự thảo mới với mã hiệu trống tiếp theo."""
    from .newdoc import NewDocumentError, create_draft

    catalog = load_catalog(root, today)
    try:
        path = create_draft(catalog, kind, unit, title, parent, today)
    except NewDocumentError as exc:
        click.echo(f"LỖI: {exc.message}", err=True)
        sys.exit(1)
    click.echo(f"Đã tạo dự thảo {path.relative_to(catalog.root)}.")
    if kind == "form":
        click.echo(f"Nhớ thêm mã biểu mẫu vào trường 'forms' của {parent} khi ban hành lần mới.")


if __name__ == "__main__":
    main()
