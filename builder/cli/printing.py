"""`qms pdf`, `qms issue-copy` and `qms recall`: print files and controlled copies.

Registered on the `qms` group by builder/cli/main.py. Exit codes: 0 ok, 1 findings or failure,
2 usage error (unknown unit or person, bad arguments).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import click

from builder.addresses import record_file_name, record_pdf_path
from builder.catalog import load_catalog, published_view
from builder.cli.options import fail as _fail
from builder.cli.options import parse_day, root_option, today_option
from builder.documents import labels as L
from builder.documents.dates import vn_date
from builder.documents.labels import did_you_mean
from builder.findings.finding import Severity, has_errors
from builder.findings.report import FORMATS
from builder.findings.rule_texts import CACHE_COMMITTED
from builder.pdf.build import build_site_files, render
from builder.pdf.copies import (CopyError, issue_copies, outstanding,
                                record_returns)
from builder.pdf.paths import PRINT_DIR, has_docx, has_pdf, issue_stem
from builder.pdf.record import printed
from builder.pdf.signature import agency_signer
from builder.pdf.variants import site_variant
from builder.rules.runner import run_checks
from builder.storage.atomic import atomic_write_bytes

output_option = click.option("--output", "-o", type=click.Path(file_okay=False, path_type=Path), default=None,
                             help=f"Thư mục ghi bản in (mặc định: {PRINT_DIR}/ trong kho tài liệu).")



def _progress(total: int, label: str):
    """A rich progress bar on the terminal; returns (context manager, advance callback)."""
    # start-up cost: rich.progress takes ~40 ms to import; only commands that print pay it
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress,
                               TextColumn, TimeElapsedColumn)

    bar = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   transient=True, disable=not sys.stderr.isatty())
    task = bar.add_task(label, total=total)
    return bar, lambda n: bar.advance(task, n)


@click.command("pdf")
@click.argument("codes", nargs=-1)
@output_option
@root_option
@today_option
def pdf_command(codes, output, root, today):
    """Tạo bản PDF (và bản Word của biểu mẫu) như trên trang nội bộ, vào thư mục bản in.

    Ghi mã hiệu tài liệu hoặc số hồ sơ đã ký đóng; không ghi: mọi tài liệu đang áp dụng hoặc đã hết
    hiệu lực và mọi hồ sơ đã ký đóng. Bản đã tạo trước đó và
    không đổi nội dung được lấy lại ngay, không dựng lại."""

    catalog = published_view(load_catalog(root, today, base_ref=None))   # as the site publishes it today
    _refuse_committed_cache(catalog)
    unknown = [c for c in codes if catalog.get(c) is None and catalog.records.get(c) is None]
    if unknown:
        known = [d.code for d in catalog.documents if d.code] + list(catalog.records.by_id)
        raise click.BadParameter(f"không có tài liệu mã hiệu hay hồ sơ số {', '.join(unknown)}."
                                 + did_you_mean(unknown[0], known), param_hint="CODES")
    records = [catalog.records.get(c) for c in codes if catalog.get(c) is None] if codes else list(catalog.records)
    if codes and any(not printed(r) for r in records):
        _fail("Hồ sơ " + ", ".join(r.id for r in records if not printed(r)) + " chưa ký đóng: chỉ in hồ sơ đã ký đóng.")
    records = [r for r in records if printed(r)]
    docs = [catalog.get(c) for c in codes if catalog.get(c) is not None] if codes else catalog.documents
    docs = [d for d in docs if has_pdf(d)]
    forms = [d for d in docs if has_docx(d)]
    bar, advance = _progress(len(docs) + len(forms), "Tạo bản in")
    with bar:
        rendered, docx_paths, findings = render([(d, site_variant(d)) for d in docs], catalog, advance, docx=forms)
    out = Path(output or Path(root) / PRINT_DIR)
    for item in rendered:
        if item.pdf is not None:
            _write(out / f"{issue_stem(item.doc.code, item.doc.revision)}.pdf", item.pdf)
    for doc in forms:
        if doc.code in docx_paths:
            _write(out / f"{issue_stem(doc.code, doc.revision)}.docx", docx_paths[doc.code].read_bytes())
    done = sum(1 for item in rendered if item.pdf is not None)
    if records:
        done_records, record_findings = _print_records(catalog, records, out)
        done += done_records
        findings = list(findings) + record_findings
    click.echo(f"Đã tạo {done} bản PDF và {len(docx_paths)} bản Word trong {out}.")
    if catalog.organisation.certificate is None:
        click.echo(L.UNSIGNED_PDFS)
    if findings:
        click.echo(FORMATS["text"](findings))
    sys.exit(1 if has_errors(findings) else 0)


def _print_records(catalog, records, out: Path) -> tuple[int, list]:
    """Closed records, as the site publishes them, into the print folder as <ID>.pdf."""
    with tempfile.TemporaryDirectory() as folder:
        paths = {record_pdf_path(r): r for r in records}
        findings = build_site_files(catalog, Path(folder), only=set(paths))
        done = 0
        for path, record in paths.items():
            made = Path(folder) / path
            if made.is_file():
                _write(out / record_file_name(record), made.read_bytes())
                done += 1
    return done, findings


def _refuse_committed_cache(catalog) -> None:
    """Never print from a cache that came with the repository (see builder/cache_guard.py)."""
    found = [f for f in run_checks(catalog, only={CACHE_COMMITTED.id}) if f.rule == CACHE_COMMITTED.id]
    if found:
        click.echo(FORMATS["text"](found), err=True)
        _fail("Không tạo bản in khi bộ đệm .qms-cache nằm trong kho; làm theo hướng dẫn ở trên.")


def _write(path: Path, data: bytes) -> None:
    atomic_write_bytes(path, data)


def _person(catalog, person: str | None, option: str) -> str:
    """A person id from organisation.yml: the register records who did it, never a login name."""
    if person is None:
        raise click.UsageError(f"cần {option} <mã nhân sự>: sổ theo dõi phân phối ghi người thực hiện, theo mã "
                               "trong site_config/organisation.yml.")
    if person not in catalog.organisation.people:
        raise click.BadParameter(f"không có nhân sự mã '{person}' trong site_config/organisation.yml."
                                 + did_you_mean(person, catalog.organisation.people),
                                 param_hint=option)
    return person


@click.command("issue-copy")
@click.argument("code")
@click.option("--to", "unit", required=True, help="Mã đơn vị nhận bản kiểm soát (xem site_config/organisation.yml).")
@click.option("--copies", "count", type=click.IntRange(1, 500), default=1, show_default=True, help="Số bản cấp.")
@click.option("--by", "person", required=False, help="Mã nhân sự của người cấp (bắt buộc; xem site_config/organisation.yml).")
@click.option("--date", "when", callback=lambda c, p, v: parse_day(v), help="Ngày cấp (mặc định: hôm nay).")
@output_option
@root_option
@today_option
def issue_copy(code, unit, count, person, when, output, root, today):
    """Cấp bản kiểm soát: đóng dấu "BẢN KIỂM SOÁT" (số bản, đơn vị nhận, ngày) lên bản PDF của lần
    ban hành hiện hành và ghi vào sổ theo dõi phân phối registers/distribution.csv."""
    catalog = load_catalog(root, today)
    if unit not in catalog.organisation.units:
        raise click.BadParameter(f"không có đơn vị mã '{unit}' trong site_config/organisation.yml."
                                 + did_you_mean(unit, catalog.organisation.units),
                                 param_hint="--to")
    by = _person(catalog, person, "--by")
    doc = catalog.get(code)
    _refuse_committed_cache(catalog)
    blocking = [f for f in run_checks(catalog) if doc is not None and f.path == doc.path
                and f.severity is Severity.ERROR]
    if blocking:
        click.echo(FORMATS["text"](blocking), err=True)
        _fail(f"Tài liệu {code} còn lỗi; sửa lỗi trước khi cấp bản kiểm soát.")
    try:
        issued = issue_copies(catalog, code, unit, count, by, when or catalog.today,
                              Path(output or Path(root) / PRINT_DIR))
    except CopyError as exc:
        _fail(exc.message)
    unit_name = catalog.organisation.unit_name(unit)
    for item in issued:
        click.echo(f"Bản số {item.copy.copy:02d} ({unit_name}, lần ban hành {item.copy.revision:02d}): {item.path}")
    click.echo(f"Đã ghi {len(issued)} bản vào sổ theo dõi phân phối registers/distribution.csv.")
    click.echo(L.UNSIGNED_PDFS if catalog.organisation.certificate is None else
               f"Mỗi bản đã được ký số bằng chứng thư số của {agency_signer(catalog).name}.")


@click.command()
@click.argument("code", required=False)
@click.argument("numbers", nargs=-1, type=int)
@click.option("--done", is_flag=True, help="Ghi nhận đã thu hồi các bản số SỐ_BẢN.")
@click.option("--by", "person", help="Mã nhân sự của người thu hồi (bắt buộc với --done).")
@click.option("--date", "when", callback=lambda c, p, v: parse_day(v), help="Ngày thu hồi (mặc định: hôm nay).")
@root_option
@today_option
def recall(code, numbers, done, person, when, root, today):
    """Liệt kê bản kiểm soát cần thu hồi (của lần ban hành cũ hoặc tài liệu đã hết hiệu lực);
    với --done, ghi nhận đã thu hồi: qms recall QT.01 --done 3 4"""
    if numbers and not done:
        raise click.UsageError("ghi số bản cần ghi nhận thu hồi sau --done, ví dụ: qms recall QT.01 --done 3 4")
    if done and (not code or not numbers):
        raise click.UsageError("ghi mã hiệu và số bản đã thu hồi, ví dụ: qms recall QT.01 --done 3 4")
    catalog = published_view(load_catalog(root, today, base_ref=None))   # old copies come back from the day
    try:
        if done:
            returned = record_returns(catalog, code, list(numbers), _person(catalog, person, "--by"),
                                      when or catalog.today)
            for c in returned:
                click.echo(f"Đã thu hồi bản số {c.copy:02d} của {c.code} (lần ban hành {c.revision:02d}, "
                           f"{catalog.organisation.unit_name(c.unit)}) ngày {vn_date(c.recalled)}.")
            return
        pending = outstanding(catalog, code)
    except CopyError as exc:
        _fail(exc.message)
    if not pending:
        click.echo("Không có bản kiểm soát nào cần thu hồi.")
        return
    click.echo(f"{len(pending)} bản kiểm soát cần thu hồi:")
    for c in pending:
        current = catalog.get(c.code)
        why = "tài liệu đã hết hiệu lực" if current and current.status == "withdrawn" else \
            f"bản hiện hành là lần {current.revision:02d}" if current and current.revision else ""
        click.echo(f"  {c.code} bản số {c.copy:02d}: lần ban hành {c.revision:02d}, "
                   f"{catalog.organisation.unit_name(c.unit)}, cấp ngày {vn_date(c.issued)} ({why})")
