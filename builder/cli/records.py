"""`qms record`: records of the yearly QMS cycle from the command line: make one (`new`), sign
it closed (`close`), list them (`list`)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from builder.catalog import load_catalog
from builder.cli.options import parse_day, root_option, today_option
from builder.documents.dates import vn_date
from builder.documents.labels import did_you_mean
from builder.findings.finding import has_errors
from builder.findings.report import FORMATS
from builder.records import labels as L
from builder.records.close import close_record
from builder.records.kinds import KINDS, STATUSES
from builder.records.new import RecordError, create_record
from builder.records.queries import is_overdue
from builder.rules.runner import run_checks

KIND_LIST = ", ".join(f"{k} ({v.lower()})" for k, v in KINDS.items())


def _kind(ctx, param, value):
    """A kind of record, else a usage error naming the kinds in Vietnamese (exit 2)."""
    if value is None or value in KINDS:
        return value
    raise click.BadParameter(f"'{value}' không phải loại hồ sơ.{did_you_mean(value, KINDS)} Các loại: {KIND_LIST}.")


def _refused(exc: RecordError):
    click.echo(f"LỖI: {exc.message}", err=True)
    sys.exit(1)


@click.group()
def record():
    """Hồ sơ chu kỳ HTQLCL: lập hồ sơ mới, ký đóng, liệt kê."""


@record.command("new", short_help="Lập hồ sơ mới với số hồ sơ trống tiếp theo.")
@click.argument("kind", metavar="LOẠI", callback=_kind)
@click.option("--unit", metavar="ĐƠN_VỊ", help="Mã đơn vị lưu hồ sơ (mặc định: đơn vị lưu theo mục 'Hồ sơ cần "
                                               "lưu' của quy trình).")
@click.option("--date", "when", metavar="NGÀY", callback=lambda c, p, v: parse_day(v),
              help="Ngày lập hồ sơ (mặc định: hôm nay).")
@click.option("--title", metavar="TÊN", help="Tên hồ sơ (mặc định: tên loại hồ sơ và năm).")
@click.option("--form", "form_code", metavar="MÃ_HIỆU", help="Biểu mẫu dùng để lập hồ sơ (mặc định theo loại: "
                                                           "audit BM.08, corrective_action BM.11, risk BM.13, "
                                                           "survey BM.16, review BM.10).")
@click.option("--procedure", metavar="MÃ_HIỆU", help="Quy trình hồ sơ phục vụ (mặc định: quy trình của biểu mẫu).")
@click.option("--source", metavar="SỐ_HỒ_SƠ[:MỤC]", help="Với hành động khắc phục: hồ sơ và số phát hiện (kiến "
                                                         "nghị) phát sinh, ví dụ DGNB-2026-01:2.")
@root_option
@today_option
def new(kind, unit, when, title, form_code, procedure, source, root, today):
    """Lập hồ sơ mới (đang thực hiện) với số hồ sơ trống tiếp theo, trên biểu mẫu đang có hiệu lực.

    LOẠI: audit (đánh giá nội bộ), corrective_action (sự không phù hợp và hành động khắc phục), risk (rủi ro
    và cơ hội), survey (khảo sát sự hài lòng), review (xem xét của lãnh đạo), training (đào tạo),
    inspection (kiểm tra của cấp trên), acknowledgement (tiếp nhận tài liệu), assessment (tự đánh giá theo
    TCVN ISO 18091: một dòng cho mỗi chỉ số của site_config/iso18091.yml)."""
    catalog = load_catalog(root, today, base_ref=None)
    try:
        made = create_record(catalog, kind, unit, when, title, form_code, procedure, source)
    except RecordError as exc:
        _refused(exc)
    click.echo(f"Đã lập hồ sơ {made.id}: {made.path.relative_to(catalog.root)}")
    click.echo("Điền các chỗ 'CẦN ĐIỀN', rồi ký đóng bằng 'qms record close "
               f"{made.id} --by <mã nhân sự>' khi xong việc.")


@record.command("close", short_help="Ký đóng hồ sơ: người ký, ngày, dấu vân tay.")
@click.argument("record_id", metavar="SỐ_HỒ_SƠ")
@click.option("--by", "person", required=True, metavar="NHÂN_SỰ", help="Mã nhân sự của người ký đóng.")
@click.option("--date", "when", metavar="NGÀY", callback=lambda c, p, v: parse_day(v),
              help="Ngày ký đóng (mặc định: hôm nay).")
@root_option
@today_option
def close(record_id, person, when, root, today):
    """Ký đóng hồ sơ SỐ_HỒ_SƠ: ghi người ký, ngày và dấu vân tay nội dung."""
    catalog = load_catalog(root, today, base_ref=None)     # with history: the form issue in force is checked
    try:
        done = close_record(catalog, record_id.strip(), person, when, run_checks(catalog))
    except RecordError as exc:
        _refused(exc)
    click.echo(f"Đã ký đóng {done.record.id} trong {done.path.relative_to(catalog.root)}: {done.line}")
    _report_after(root, today, done.record.path)


def _report_after(root: Path, today, rel: str) -> None:
    """The record's findings once closed; exit 1 when any is an error."""
    after = [f for f in run_checks(load_catalog(root, today)) if f.path == rel]
    if after:
        click.echo("Hồ sơ còn các vấn đề sau:")
        click.echo(FORMATS["text"](after))
    sys.exit(1 if has_errors(after) else 0)


def _state(record, today) -> str:
    return L.LIST_OVERDUE if is_overdue(record, today) else STATUSES.get(record.status, record.status)


def _due(record, today) -> str:
    due = record.get("due")
    if due is None:
        return ""
    late = f" ({L.LIST_OVERDUE_DAYS.format(days=(today - due).days)})" if is_overdue(record, today) else ""
    return vn_date(due) + late


def _as_dict(record, today) -> dict:
    due = record.get("due")
    return {"id": record.id, "kind": record.kind, "kind_name": KINDS.get(record.kind, record.kind),
            "date": record.date.isoformat() if record.date else None, "unit": record.unit, "status": record.status,
            "due": due.isoformat() if due else None, "overdue": is_overdue(record, today), "title": record.title,
            "form": record.form_code, "procedure": record.procedure, "path": record.path}


def _table(rows: list[list[str]]) -> str:
    """Columns padded to their widest cell (the last one, the title, left ragged)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return "\n".join("  ".join([cell.ljust(w) for cell, w in zip(row, widths)] + [row[-1]]).rstrip()
                     for row in rows)


@record.command("list", short_help="Liệt kê hồ sơ (đang mở, quá hạn, theo năm, loại).")
@click.option("--open", "open_only", is_flag=True, help="Chỉ hồ sơ đang thực hiện (chưa ký đóng).")
@click.option("--overdue", is_flag=True, help="Chỉ hành động khắc phục quá hạn.")
@click.option("--year", type=int, metavar="NĂM", help="Chỉ hồ sơ lập trong năm này.")
@click.option("--kind", metavar="LOẠI", callback=_kind, help=f"Chỉ hồ sơ loại này: {', '.join(KINDS)}.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text (bảng để đọc) hoặc json (cho chương trình khác).")
@root_option
@today_option
def list_(open_only, overdue, year, kind, fmt, root, today):
    """Liệt kê hồ sơ: số hồ sơ, loại, ngày lập, đơn vị, tình trạng, hạn (hành động khắc phục), tên."""
    catalog = load_catalog(root, today, base_ref=None, with_git=False)
    today = catalog.today
    chosen = [r for r in catalog.records
              if (not open_only or not r.is_closed) and (not overdue or is_overdue(r, today))
              and (year is None or r.year == year) and (kind is None or r.kind == kind)]
    chosen.sort(key=lambda r: (r.date or today, r.id))
    if fmt == "json":
        click.echo(json.dumps({"today": today.isoformat(), "records": [_as_dict(r, today) for r in chosen]},
                              ensure_ascii=False, indent=2))
        return
    if not chosen:
        click.echo(L.LIST_EMPTY)
        return
    header = [L.RECORD_ID, L.LIST_KIND, L.RECORD_DATE, L.RECORD_UNIT, L.LIST_STATUS, L.LIST_DUE, L.LIST_TITLE]
    rows = [[r.id, L.LIST_KIND_SHORT.get(r.kind) or KINDS.get(r.kind, r.kind), vn_date(r.date), r.unit,
             _state(r, today), _due(r, today), r.title] for r in chosen]
    click.echo(_table([header] + rows))
    click.echo(L.LIST_COUNT.format(count=len(chosen)))
