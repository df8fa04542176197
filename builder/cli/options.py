"""Options shared by the `qms` commands, and the one way they stop on a usage or runtime error."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from builder.documents.dates import parse_date

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def parse_day(value):
    """A date option (2026-01-15 or 15/01/2026); a wrong one is a usage error (exit 2)."""
    if value is None:
        return None
    parsed = parse_date(value)
    if parsed is None:
        raise click.BadParameter(f"'{value}' không phải ngày hợp lệ (dạng 2026-01-15).")
    return parsed


root_option = click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
                           show_default=True, help="Thư mục gốc của kho tài liệu.")
today_option = click.option("--today", envvar="QMS_TODAY", callback=lambda c, p, v: parse_day(v),
                            help="Ngày dùng để tính hạn (mặc định: hôm nay).")


def fail(message: str, code: int = 1):
    """Print the Vietnamese message on stderr and stop with `code`."""
    click.echo(f"LỖI: {message}", err=True)
    sys.exit(code)
