"""Commands that change or report on documents: `qms new`, `qms approve`, `qms impact`,
`qms reassign` and `qms codeowners`."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from builder.catalog import load_catalog
from builder.cli.options import parse_day, root_option, today_option
from builder.cli.signing import (key_option, report_after, signed_message,
                                 signing_key)
from builder.documents.schema import KINDS
from builder.documents.text import closest, nfc
from builder.legal.impact import as_dict, as_text, impact_report
from builder.legal.numbers import Citation, parse_number
from builder.organisation.codeowners import codeowners as build_codeowners
from builder.organisation.reassign import ReassignError
from builder.organisation.reassign import reassign as move_documents
from builder.revisions.approve import KEY_OF_ROLE, ApprovalError
from builder.revisions.approve import approve as record_approval
from builder.revisions.new_draft import NewDocumentError, create_draft
from builder.storage.atomic import atomic_write_text


@click.command()
@click.argument("kind", type=click.Choice(list(KINDS)))
@click.option("--unit", required=True, help="Mã đơn vị soạn thảo (xem site_config/organisation.yml).")
@click.option("--title", required=True, help="Tên tài liệu.")
@click.option("--procedure", "parent", help="Với biểu mẫu: mã hiệu quy trình gốc.")
@root_option
@today_option
def new(kind, unit, title, parent, root, today):
    """Tạo bản dự thảo mới với mã hiệu trống tiếp theo."""
    catalog = load_catalog(root, today)
    try:
        path = create_draft(catalog, kind, unit, title, parent, today)
    except NewDocumentError as exc:
        click.echo(f"LỖI: {exc.message}", err=True)
        sys.exit(1)
    click.echo(f"Đã tạo dự thảo {path.relative_to(catalog.root)}.")
    if kind == "form":
        click.echo(f"Nhớ thêm mã biểu mẫu vào trường 'forms' của {parent} khi ban hành lần mới.")


@click.command()
@click.argument("code")
@click.option("--by", "person", required=True, help="Mã nhân sự của người ký.")
@click.option("--role", type=click.Choice(list(KEY_OF_ROLE)), default="approve", show_default=True,
              help="Vai trò ký: prepare (soạn thảo), review (xem xét), approve (phê duyệt).")
@click.option("--review", is_flag=True, help="Như --role review.")
@click.option("--date", "when", callback=lambda c, p, v: parse_day(v), help="Ngày ký (mặc định: hôm nay).")
@click.option("--decision", help="Số quyết định ban hành, ví dụ 15/QĐ-SKHCN.")
@key_option
@root_option
@today_option
def approve(code, person, role, review, when, decision, key_file, root, today):
    """Ghi ký duyệt (mặc định: phê duyệt) kèm dấu vân tay nội dung, ký số bằng khóa của người ký."""
    catalog = load_catalog(root, today, base_ref=None, with_git=False)
    key = "reviewed" if review else KEY_OF_ROLE[role]
    try:
        approval = record_approval(catalog, code, person, when or catalog.today, decision, key,
                                   signing_key(catalog, key_file))
    except ApprovalError as exc:
        click.echo(f"LỖI: {exc.message}", err=True)
        sys.exit(1)
    click.echo(f"Đã ghi vào {approval.path.relative_to(catalog.root)}: {approval.line}")
    if approval.signature:
        click.echo(signed_message(approval.signature))
    report_after(root, today, approval.path.relative_to(catalog.root))


@click.command()
@click.argument("number")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@root_option
@today_option
def impact(number, fmt, root, today):
    """Văn bản pháp luật SỐ_HIỆU và mọi tài liệu viện dẫn nó (hoặc văn bản nó thay thế, sửa đổi)."""
    number = nfc(number.strip())
    catalog = load_catalog(root, today, base_ref=None, with_git=False)
    known = list(catalog.register.documents) + [
        n for d in catalog.documents for n in d.legal_basis]
    parsed = parse_number(number)
    if not isinstance(parsed, Citation) or number not in known:
        meant = closest(number, known, near=False)   # only case and diacritics: never another document
        if meant and meant != number:
            number, parsed = meant, parse_number(meant)
            click.echo(f"Hiểu là '{meant}'.", err=True)
    if not isinstance(parsed, Citation):
        raise click.BadParameter(f"'{number}' không phải số ký hiệu hợp lệ "
                                 f"({parsed.why or parsed.abbr}).", param_hint="NUMBER")
    report = impact_report(catalog, number)
    click.echo(json.dumps(as_dict(report), ensure_ascii=False, indent=2) if fmt == "json" else as_text(report))


@click.command()
@click.argument("unit")
@click.option("--to", "successor", required=True, help="Mã đơn vị kế thừa.")
@click.option("--force", is_flag=True, help="Chuyển cả khi đơn vị ĐƠN_VỊ chưa giải thể.")
@root_option
@today_option
def reassign(unit, successor, force, root, today):
    """Chuyển tài liệu của đơn vị ĐƠN_VỊ (đã giải thể, sáp nhập) cho đơn vị kế thừa."""
    catalog = load_catalog(root, today, base_ref=None, with_git=False)
    try:
        moved, left = move_documents(catalog, unit, successor, force)
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


@click.command()
@click.option("--output", "-o", default="CODEOWNERS", show_default=True,
              help="Tệp ghi kết quả ('-' để in ra màn hình).")
@root_option
@today_option
def codeowners(output, root, today):
    """Tạo tệp CODEOWNERS: tài liệu của đơn vị nào cần trưởng đơn vị đó duyệt."""
    text = build_codeowners(load_catalog(root, base_ref=None, with_git=False))
    if output == "-":
        click.echo(text)
    else:
        atomic_write_text(Path(root) / output, text)
        click.echo(f"Đã ghi {output}.")
