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
@click.option("--base", "base_ref", metavar="REF",
              help="So sánh với nhánh/commit REF (pull request): chỉ báo tài liệu thay đổi và kiểm tra toàn kho.")
def check(root, today, fmt, base_ref):
    """Kiểm tra mọi tài liệu; thoát với mã 1 khi có lỗi.

    Mặc định so sánh thư mục làm việc với commit HEAD; với --base REF so sánh với điểm rẽ nhánh
    của REF (như một pull request)."""
    from .gate import gate_findings, review_summary
    from .gitsource import GitSource

    if base_ref and GitSource(root).available and GitSource(root).resolve(base_ref) is None:
        raise click.BadParameter(f"không tìm thấy nhánh hoặc commit '{base_ref}'.", param_hint="--base")
    catalog = load_catalog(root, today, base_ref=base_ref or "HEAD", merge_base=bool(base_ref))
    findings = run_checks(catalog)
    if base_ref:
        findings = gate_findings(findings, catalog)
    if fmt == "markdown" and base_ref and catalog.base is not None:
        click.echo(review_summary(catalog, findings))
    else:
        click.echo(FORMATS[fmt](findings))
    sys.exit(1 if has_errors(findings) else 0)


@main.command()
@click.argument("code")
@click.option("--by", "person", required=True, help="Mã nhân sự của người ký.")
@click.option("--date", "when", callback=lambda c, p, v: _today(v), help="Ngày ký (mặc định: hôm nay).")
@click.option("--decision", help="Số quyết định ban hành, ví dụ 15/QĐ-SKHCN.")
@click.option("--review", is_flag=True, help="Ghi ý kiến xem xét (Xem xét) thay vì phê duyệt.")
@root_option
@today_option
def approve(code, person, when, decision, review, root, today):
    """Ghi phê duyệt (hoặc xem xét) kèm dấu vân tay nội dung tài liệu."""
    from .approve import ApprovalError, approve as record

    catalog = load_catalog(root, today, base_ref=None, with_git=False)
    key = "reviewed" if review else "approved"
    try:
        approval = record(catalog, code, person, when or catalog.today, decision, key)
    except ApprovalError as exc:
        click.echo(f"LỖI: {exc.message}", err=True)
        sys.exit(1)
    click.echo(f"Đã ghi vào {approval.path.relative_to(catalog.root)}: {approval.line}")
    after = [f for f in run_checks(load_catalog(root, today)) if f.path == str(approval.path.relative_to(catalog.root))]
    if after:
        click.echo("Tài liệu còn các vấn đề sau:")
        click.echo(FORMATS["text"](after))
    sys.exit(1 if has_errors(after) else 0)


@main.command()
@click.argument("number")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@root_option
@today_option
def impact(number, fmt, root, today):
    """Văn bản pháp luật NUMBER và mọi tài liệu viện dẫn nó (hoặc văn bản nó thay thế, sửa đổi)."""
    import json

    from .impact import as_dict, as_text, impact_report
    from .legal import Citation, parse_number
    from .text import nfc

    number = nfc(number.strip())
    parsed = parse_number(number)
    if not isinstance(parsed, Citation):
        raise click.BadParameter(f"'{number}' không phải số ký hiệu hợp lệ "
                                 f"({parsed.why or parsed.abbr}).", param_hint="NUMBER")
    report = impact_report(load_catalog(root, today, base_ref=None, with_git=False), number)
    click.echo(json.dumps(as_dict(report), ensure_ascii=False, indent=2) if fmt == "json" else as_text(report))


@main.command()
@click.argument("unit")
@click.option("--to", "successor", required=True, help="Mã đơn vị kế thừa.")
@root_option
@today_option
def reassign(unit, successor, root, today):
    """Chuyển tài liệu của đơn vị UNIT (đã giải thể, sáp nhập) cho đơn vị kế thừa."""
    from .reassign import ReassignError, reassign as move

    catalog = load_catalog(root, today, base_ref=None, with_git=False)
    try:
        moved, left = move(catalog, unit, successor)
    except ReassignError as exc:
        click.echo(f"LỖI: {exc}", err=True)
        sys.exit(1)
    if not moved:
        click.echo(f"Không có tài liệu nào thuộc đơn vị {unit}.")
    for item in moved:
        click.echo(f"Đã chuyển {item.code} ({item.title}) sang {successor}: {item.path}")
    for item in left:
        click.echo(f"Giữ nguyên {item.code} ({item.title}): tài liệu đã thu hồi, lưu theo đơn vị cũ.")
    if moved:
        click.echo("Nhớ ghi việc chuyển đơn vị vào bảng 'changes' ở lần ban hành tiếp theo của mỗi tài liệu.")


@main.command()
@click.option("--output", "-o", default="CODEOWNERS", show_default=True,
              help="Tệp ghi kết quả ('-' để in ra màn hình).")
@root_option
@today_option
def codeowners(output, root, today):
    """Tạo tệp CODEOWNERS: tài liệu của đơn vị nào cần trưởng đơn vị đó duyệt."""
    from .codeowners import codeowners as build
    from .fsutil import atomic_write_text

    text = build(load_catalog(root, base_ref=None, with_git=False))
    if output == "-":
        click.echo(text)
    else:
        atomic_write_text(Path(root) / output, text)
        click.echo(f"Đã ghi {output}.")


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


from . import cli_print  # noqa: E402,F401  (registers pdf, issue-copy, recall on `main`)

@main.command("import")
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
    """Nhập tài liệu Word (.docx) thành tài liệu kiểm soát; FILES là tệp hoặc thư mục.

    Mỗi tệp được chuyển thành một bản Markdown có phần khai báo lấy từ bảng tiêu đề, bảng ký
    duyệt và bảng theo dõi sửa đổi; chỗ nào tệp không ghi được đánh dấu 'CẦN ĐIỀN'. Nhập lại
    cùng tệp sẽ ghi đè đúng tài liệu đã nhập. Thoát với mã 1 khi có tệp không nhập được."""
    from rich.console import Console
    from rich.progress import Progress

    from .importer import Options, import_files
    from .importer.report import print_report
    from .importer.texts import NO_FILES

    catalog = load_catalog(root, today, base_ref=None, with_git=False)
    if unit and unit not in catalog.organisation.units:
        raise click.BadParameter(f"không có đơn vị mã '{unit}' trong site_config/organisation.yml.",
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


if __name__ == "__main__":
    from builder.cli import main as registered  # the imported module holds every subcommand
    registered()
