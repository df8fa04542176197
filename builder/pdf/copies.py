"""Controlled copies: `qms issue-copy` and `qms recall`.

A controlled copy is the cached master of the current issue with a 'BẢN KIỂM SOÁT' stamp
(copy number, receiving unit, date) laid over every page: the master is never re-rendered.
Numbers are taken and recorded under the register's lock (see builder/distribution.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from builder.catalog import Catalog
from builder.distribution import register as reg
from builder.documents.dates import vn_date
from builder.documents.labels import did_you_mean
from builder.documents.model import Document
from builder.pdf import master as masters_mod
from builder.pdf.build import ORIENTATIONS
from builder.pdf.paths import issue_stem
from builder.pdf.signature import AgencySigner, CertificateError, agency_signer
from builder.pdf.source import subject
from builder.pdf.stamp import StampError, render_stamps, stamp
from builder.pdf.variants import Variant
from builder.storage.atomic import atomic_write_bytes


class CopyError(Exception):
    """Why copies cannot be issued or recalled, in Vietnamese for the document controller."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Issued:
    copy: reg.Copy
    path: Path


def _codes(catalog: Catalog) -> list[str]:
    return [d.code for d in catalog.documents if d.code]


def _document(catalog: Catalog, code: str) -> Document:
    doc = catalog.get(code)
    if doc is None:
        raise CopyError(f"Không có tài liệu mã hiệu '{code}'." + did_you_mean(code, _codes(catalog)))
    if doc.status != "effective" or not doc.revision:
        raise CopyError(f"Tài liệu {code} không ở tình trạng đang áp dụng: chỉ cấp bản kiểm soát của "
                        "tài liệu đang áp dụng.")
    return doc


def _unit_name(catalog: Catalog, unit: str, when: date) -> str:
    found = catalog.organisation.units.get(unit)
    if found is None:
        known = ", ".join(sorted(catalog.organisation.units))
        raise CopyError(f"Không có đơn vị mã '{unit}' trong site_config/organisation.yml."
                        f"{did_you_mean(unit, catalog.organisation.units)} Các mã đơn vị: {known}.")
    if found.dissolved and found.dissolved <= when:
        raise CopyError(f"Đơn vị '{unit}' ({found.name}) đã giải thể từ {vn_date(found.dissolved)}"
                        + (f"; cấp cho đơn vị kế thừa '{found.successor}'." if found.successor else "."))
    return found.name


def master_pdf(doc: Document, catalog: Catalog) -> bytes:
    """The cached master of the document's current issue (rendered once if not yet cached)."""
    planner = masters_mod.Planner(catalog)
    master = planner.pdf(doc)
    findings = masters_mod.ensure([master], planner)
    if findings:
        raise CopyError(findings[0].message)
    return master.path.read_bytes()


def issue_copies(catalog: Catalog, code: str, unit: str, count: int, by: str, when: date,
                 out_dir: Path) -> list[Issued]:
    """Stamp `count` copies for `unit`, write them to `out_dir` and record them in the register."""
    if count < 1:
        raise CopyError("Số bản (--copies) phải từ 1 trở lên.")
    if when > catalog.today:
        raise CopyError(f"Ngày cấp {when:%d/%m/%Y} sau hôm nay: chỉ ghi việc đã xảy ra.")
    doc = _document(catalog, code)
    unit_name = _unit_name(catalog, unit, when)
    try:
        signer = agency_signer(catalog)
    except CertificateError as exc:
        raise CopyError(str(exc)) from None
    master = master_pdf(doc, catalog)
    try:
        with reg.locked(catalog.root) as (copies, save):
            numbers = reg.next_numbers(copies, code, count)
            issued = _stamp_copies(doc, master, numbers, unit, unit_name, by, when, catalog.root, Path(out_dir),
                                   signer)
            try:
                save(copies + [item.copy for item in issued])
            except BaseException:
                for item in issued:
                    item.path.unlink(missing_ok=True)
                raise
    except reg.RegisterError as exc:
        raise CopyError(f"Sổ theo dõi phân phối {reg.REGISTER} có lỗi ({exc}); sửa rồi chạy lại.") from exc
    except StampError as exc:
        raise CopyError(f"Không tạo được dấu bản kiểm soát: {exc}.") from exc
    return issued


def _stamp_copies(doc: Document, master: bytes, numbers: list[int], unit: str, unit_name: str, by: str,
                  when: date, root: Path, out_dir: Path, signer: AgencySigner | None) -> list[Issued]:
    """One stamp render for all the copies, then one overlay per copy; with the agency's
    certificate, each copy is then signed, so the signature covers its stamp and number."""
    variants = [Variant.controlled(n, unit_name, when) for n in numbers]
    stamps = render_stamps(root, variants, ORIENTATIONS)
    issued = []
    for index, number in enumerate(numbers):
        described = subject(doc) + variants[index].subject_suffix()
        pdf = stamp(master, stamps, index, ORIENTATIONS, {"/Subject": described})
        if signer:
            pdf = signer.sign(pdf, described)
        path = out_dir / f"{issue_stem(doc.code, doc.revision)}-ban-so-{number:02d}.pdf"
        atomic_write_bytes(path, pdf)
        issued.append(Issued(reg.Copy(doc.code, doc.revision, number, unit, when, by), path))
    return issued


def outstanding(catalog: Catalog, code: str | None = None) -> list[reg.Copy]:
    """Copies still out that must come back: of older issues, or of withdrawn documents."""
    copies, problems = reg.load(catalog.root)
    if problems:
        raise CopyError(f"Sổ theo dõi phân phối {reg.REGISTER} có lỗi: dòng {problems[0].line}: {problems[0].detail}")
    docs = [catalog.get(code)] if code else [d for d in catalog.documents if d.code]
    if code and docs[0] is None:
        raise CopyError(f"Không có tài liệu mã hiệu '{code}'." + did_you_mean(code, _codes(catalog)))
    out = []
    for doc in docs:
        out += reg.to_recall(copies, doc.code, doc.revision, doc.status == "withdrawn")
    return out


def record_returns(catalog: Catalog, code: str, numbers: list[int], by: str, when: date) -> list[reg.Copy]:
    """Record the return of copies; unknown or already returned numbers are an error, and so
    is a return that cannot have happened: before the copy was issued, in the future, or of a
    copy of the issue still in force (unless the document is withdrawn)."""
    doc = catalog.get(code)
    if doc is None:
        raise CopyError(f"Không có tài liệu mã hiệu '{code}'." + did_you_mean(code, _codes(catalog)))
    if when > catalog.today:
        raise CopyError(f"Ngày thu hồi {when:%d/%m/%Y} sau hôm nay: chỉ ghi việc đã xảy ra.")
    try:
        with reg.locked(catalog.root) as (copies, save):
            for c in copies:
                if c.code != code or c.copy not in set(numbers) or not c.out:
                    continue
                if when < c.issued:
                    raise CopyError(f"Bản số {c.copy} của {code} cấp ngày {c.issued:%d/%m/%Y}; ngày thu hồi "
                                    f"{when:%d/%m/%Y} trước ngày cấp.")
                if c.revision == doc.revision and doc.status != "withdrawn":
                    raise CopyError(f"Bản số {c.copy} là bản của lần ban hành {c.revision:02d} đang có hiệu lực: "
                                    "không thu hồi (chỉ thu hồi bản của lần ban hành cũ hoặc của tài liệu đã "
                                    "hết hiệu lực).")
            updated, missing = reg.mark_recalled(copies, code, numbers, by, when)
            if missing:
                raise CopyError(f"Không có bản số {', '.join(map(str, missing))} của {code} đang lưu hành "
                                "(chưa cấp hoặc đã thu hồi). Xem bằng 'qms recall " + code + "'.")
            save(updated)
    except reg.RegisterError as exc:
        raise CopyError(f"Sổ theo dõi phân phối {reg.REGISTER} có lỗi ({exc}); sửa rồi chạy lại.") from exc
    return [c for c in updated if c.code == code and c.copy in set(numbers)]
