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


# What marks the root of a document repository (like git looks for .git).
ROOT_MARKERS = ("site_config/organisation.yml", "mkdocs.yml")


def find_root(start: Path) -> Path | None:
    """The repository holding `start`: the nearest folder, from `start` up, with the
    organisation's configuration (or mkdocs.yml). None outside any repository."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if any((folder / marker).is_file() for marker in ROOT_MARKERS):
            return folder
    return None


def _root(ctx, param, value):
    """--root given: that folder must be a repository; not given: found from the current
    folder up. Outside a repository every command is a usage error (exit 2)."""
    found = find_root(Path(value) if value else Path.cwd())
    if found is None:
        where = value or Path.cwd()
        raise click.UsageError(f"'{where}' không nằm trong kho tài liệu nào (không thấy "
                               "site_config/organisation.yml hay mkdocs.yml ở thư mục này hay các thư mục cha). "
                               "Chuyển vào thư mục kho tài liệu hoặc dùng --root.")
    return found


root_option = click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=None,
                           callback=_root, help="Thư mục gốc của kho tài liệu (mặc định: tìm từ thư mục "
                                                "hiện tại lên, như git).")
today_option = click.option("--today", envvar="QMS_TODAY", callback=lambda c, p, v: parse_day(v),
                            help="Ngày dùng để tính hạn (mặc định: hôm nay).")


def fail(message: str, code: int = 1):
    """Print the Vietnamese message on stderr and stop with `code`."""
    click.echo(f"LỖI: {message}", err=True)
    sys.exit(code)
