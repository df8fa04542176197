"""`qms import`: existing Word procedures and forms into controlled documents."""
from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress

from builder.catalog import load_catalog
from builder.cli.options import root_option, today_option
from builder.documents.labels import did_you_mean
from builder.documents.schema import KINDS
from builder.importer.batch import Options
from builder.importer.report import print_report
from builder.importer.run import import_files
from builder.importer.texts import NO_FILES


@click.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--kind", type=click.Choice(list(KINDS)),
              help="Loại tài liệu (mặc định: suy ra từ mã hiệu hoặc tên trong tệp).")
@click.option("--unit", help="Mã đơn vị soạn thảo (mặc định: đơn vị của người soạn thảo trong tệp).")
@click.option("--out", "out", metavar="DIR",
              help="Thư mục con trong procedures/ và forms/ để ghi tài liệu nhập, ví dụ 'nhap-tu-word'.")
@click.option("--status", type=click.Choice(["draft", "effective"]), default="draft", show_default=True,
              help="effective: ghi là đang áp dụng khi tệp có đủ ký duyệt và ngày hiệu lực.")
@click.option("--procedure", "parent", metavar="CODE", help="Với biểu mẫu: mã hiệu quy trình gốc.")
@root_option
@today_option
def import_(files, kind, unit, out, status, parent, root, today):
    """Nhập tài liệu Word (.docx) thành tài liệu kiểm soát; TỆP là tệp hoặc thư mục.

    Mỗi tệp được chuyển thành một bản Markdown có phần khai báo lấy từ bảng tiêu đề, bảng ký
    duyệt và bảng theo dõi sửa đổi; chỗ nào tệp không ghi được đánh dấu 'CẦN ĐIỀN'. Nhập lại
    cùng tệp sẽ ghi đè đúng tài liệu đã nhập. Thoát với mã 1 khi có tệp không nhập được."""
    catalog = load_catalog(root, today, base_ref=None, with_git=False)
    if unit and unit not in catalog.organisation.units:
        raise click.BadParameter(f"không có đơn vị mã '{unit}' trong site_config/organisation.yml."
                                 + did_you_mean(unit, catalog.organisation.units),
                                 param_hint="--unit")
    console = Console()
    if not console.is_terminal:   # a log or a pipe: wide enough for the summary table
        console = Console(width=120)
    errors = Console(stderr=True)
    options = Options(kind=kind, unit=unit, status=status, procedure=parent, out=out)
    with Progress(console=errors, transient=True, disable=not errors.is_terminal) as bar:
        tasks: dict[str, int] = {}

        def advance(phase: str, step: int, total: int) -> None:
            if phase not in tasks:
                tasks[phase] = bar.add_task(phase, total=total)
            bar.advance(tasks[phase], step)

        results = import_files(root, list(files), options, today, advance)
    if not results:
        click.echo("LỖI: " + NO_FILES.format(paths=", ".join(map(str, files))), err=True)
        sys.exit(1)
    print_report(results, console, Path.cwd())
    sys.exit(0 if all(r.imported for r in results) else 1)
