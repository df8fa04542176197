"""`qms record close`: sign a record closed. Only a person holding a position allowed for the
kind (site_config/records.yml, `closing`) may close it, on a day that has come, once everything
is written in; the closing line carries the fingerprint of what the record says (fingerprint.py),
so any later change shows.

The front matter is edited as text (documents/front_matter_edit.py): only the `status` line and
the `closed` line change, every other byte of the file stays as it was.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from builder.documents.field_types import key_name
from builder.documents.front_matter_edit import FrontMatterError, set_key
from builder.documents.labels import did_you_mean
from builder.documents.placeholders import MARK, marked_values
from builder.findings.finding import Severity
from builder.records.fingerprint import record_fingerprint
from builder.records.kinds import KINDS, VERIFICATION_RESULTS
from builder.records.model import CycleRecord
from builder.records.new import RecordError, yaml_value
from builder.storage.atomic import atomic_write_bytes

SHOWN = 5   # problems listed in one refusal; the rest are counted


@dataclass(frozen=True)
class Closing:
    path: Path
    record: CycleRecord
    line: str
    fingerprint: str


def closing_line(person: str, when: date, print_: str) -> str:
    """`closed: {by: ..., date: ..., fingerprint: "..."}`, in the shape of a document's sign-off."""
    return f'closed: {{by: {yaml_value(person)}, date: {when.isoformat()}, fingerprint: "{print_}"}}'


def _listed(items: list[str]) -> str:
    more = f" (và {len(items) - SHOWN} chỗ khác)" if len(items) > SHOWN else ""
    return "; ".join(items[:SHOWN]) + more


def _record(catalog, record_id: str) -> CycleRecord:
    same = [r for r in catalog.records if r.id == record_id]
    if not same:
        raise RecordError(f"Không có hồ sơ số '{record_id}'."
                          + did_you_mean(record_id, [r.id for r in catalog.records if r.id]))
    if len(same) > 1:
        raise RecordError(f"Số hồ sơ '{record_id}' dùng cho {len(same)} tệp: "
                          f"{', '.join(r.path for r in same)}. Sửa số hồ sơ trùng trước khi ký đóng.")
    return same[0]


def _check_closer(catalog, record: CycleRecord, person_id: str) -> None:
    org = catalog.organisation
    person = org.people.get(person_id)
    if person is None:
        raise RecordError(f"Không có nhân sự mã '{person_id}' trong site_config/organisation.yml."
                          + did_you_mean(person_id, list(org.people)))
    allowed = catalog.record_settings.closers(record.kind)
    if person.position not in allowed:
        names = ", ".join(org.position_name(p) for p in allowed)
        raise RecordError(f"{person.name} ({org.position_name(person.position)}) không có quyền ký đóng hồ sơ "
                          f"{KINDS[record.kind].lower()}: chỉ {names} (site_config/records.yml, mục closing).")


def _check_date(catalog, record: CycleRecord, when: date) -> None:
    if when > catalog.today:
        raise RecordError(f"Ngày ký đóng {when:%d/%m/%Y} sau hôm nay: chỉ ký đóng việc đã xong.")
    if record.date and when < record.date:
        raise RecordError(f"Ngày ký đóng {when:%d/%m/%Y} trước ngày lập hồ sơ {record.date:%d/%m/%Y}.")


def _check_complete(catalog, record: CycleRecord, findings=()) -> None:
    """Nothing left to write, nothing the checks refuse in the file: once closed a record cannot
    change, so an error closed in would stay for good. `findings`: the checks' findings (the
    caller runs the rules; this core module sits below them)."""
    errors = [f"dòng {f.line} [{f.rule}]: {f.message}" for f in [*catalog.load_findings, *findings]
              if f.path == record.path and f.severity is Severity.ERROR]
    if errors:
        raise RecordError(f"Hồ sơ {record.id} còn lỗi, sửa trước khi ký đóng: {_listed(errors)}")
    left = [f"trường '{key_name(keys)}' (dòng {record.line(*keys)})" for keys, _ in marked_values(record.front_matter)]
    left += [f"dòng {line}" for line, text in record.body_lines() if MARK in text]
    if left:
        raise RecordError(f"Hồ sơ {record.id} còn chỗ '{MARK}' chưa điền: {_listed(left)}. "
                          "Điền thông tin thật rồi ký đóng.")


def _check_verification(record: CycleRecord, when: date) -> None:
    """A corrective action is closed on a verification that it worked (TCVN ISO 9001:2015, 10.2.1 d)."""
    if record.kind != "corrective_action":
        return
    check = record.get("verification") or {}
    if not (check.get("by") and check.get("date") and check.get("result")):
        raise RecordError(f"Hồ sơ {record.id} chưa có xác nhận hiệu lực của hành động khắc phục (trường "
                          "verification: by, date, result). Xác nhận hiệu lực rồi mới ký đóng.")
    if check["result"] != "effective":
        raise RecordError(f"Xác nhận hiệu lực của {record.id} là '{VERIFICATION_RESULTS[check['result']]}': thực "
                          "hiện lại hành động khắc phục (hạn mới) và xác nhận lại trước khi ký đóng.")
    if check["date"] > when:
        raise RecordError(f"Ngày xác nhận hiệu lực {check['date']:%d/%m/%Y} sau ngày ký đóng {when:%d/%m/%Y}.")


def close_record(catalog, record_id: str, person_id: str, when: date | None = None, findings=()) -> Closing:
    """Check who closes, when and what (no error of the checks, `findings`, on the record), then
    write `status: closed` and the closing line with the record's fingerprint, atomically;
    nothing is written when a check fails."""
    record = _record(catalog, record_id)
    if record.is_closed:
        by = record.closed.by if record.closed else "?"
        on = f" ngày {record.closed.date:%d/%m/%Y}" if record.closed and record.closed.date else ""
        raise RecordError(f"Hồ sơ {record.id} đã được ký đóng{on} ({by}); hồ sơ đã đóng không sửa được.")
    when = when or catalog.today
    _check_closer(catalog, record, person_id)
    _check_date(catalog, record, when)
    _check_complete(catalog, record, findings)
    _check_verification(record, when)
    print_ = record_fingerprint(record)
    line = closing_line(person_id, when, print_)
    path = Path(catalog.root) / record.path
    try:
        raw = set_key(path.read_bytes(), "status", "status: closed")
        raw = set_key(raw, "closed", line, ("status",))
    except FrontMatterError as exc:
        raise RecordError(str(exc)) from None
    atomic_write_bytes(path, raw)
    return Closing(path, record, line, print_)
