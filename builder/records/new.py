"""`qms record new`: a well-formed open record of the yearly cycle, with the next free id, made
on the issue of its form in force that day, and 'CẦN ĐIỀN' wherever the person keeping it must
write. The front matter comes from the kind's schema (kinds.py), so the command never writes a
key the checks would refuse; the body follows the headings of the form, as on paper.

Takes the catalog without importing it (records sit below the catalog, like queries.py).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from builder.addresses import file_stem
from builder.documents.field_types import Field, ListOf, Struct
from builder.documents.labels import did_you_mean
from builder.documents.placeholders import MARK
from builder.documents.schema import FORM_PARENT_KINDS
from builder.documents.text import nfc, slug
from builder.records.kinds import BY_KIND, COMMON, KINDS, REVIEW_INPUTS
from builder.records.queries import issue_in_force
from builder.records.settings import SETTINGS_FILE
from builder.storage.atomic import write_new_file

RECORDS_FOLDER = "records"

# The form a kind is made on when --form is not given (the sample agency's forms; each form
# names its procedure: BM.08 → QT.02, BM.11 → QT.04, BM.13 → QT.05, BM.16 → QT.06,
# BM.10 → QT.03). The other kinds have no form of their own in the sample: --form is required.

# The body of a record whose form has no numbered headings: a short structure per kind.
KIND_HEADINGS = {
    "audit": ("1. Phạm vi, chuẩn mực và đoàn đánh giá", "2. Kết quả đánh giá", "3. Kết luận",
              "4. Kiến nghị"),
    "corrective_action": ("1. Mô tả sự không phù hợp", "2. Nguyên nhân", "3. Hành động khắc phục",
                          "4. Xác nhận hiệu lực"),
    "risk": ("1. Bối cảnh", "2. Biện pháp xử lý", "3. Đánh giá hiệu quả"),
    "survey": ("1. Thông tin chung", "2. Kết quả khảo sát", "3. Đánh giá và đề xuất cải tiến"),
    "review": ("1. Thành phần tham dự", "2. Nội dung xem xét", "3. Kết luận"),
    "training": ("1. Nội dung đào tạo", "2. Kết quả"),
    "inspection": ("1. Nội dung kiểm tra", "2. Kiến nghị và việc khắc phục"),
    "acknowledgement": ("1. Tài liệu tiếp nhận", "2. Ghi chú"),
    "assessment": ("1. Hội đồng đánh giá", "2. Kết quả đánh giá theo bộ chỉ số", "3. Chương trình hành động"),
}

# A heading in a form's body: a Markdown heading, or a line opening with a numbered bold title
# ("**1. Thông tin chung**", "**II. Nội dung xem xét**", "**PHẦN A. MÔ TẢ ...** (ghi chú)").
_HEADING = re.compile(r"^(?:#{1,6}\s+(?P<atx>.+?)\s*#*\s*$"
                      r"|\*\*(?P<bold>(?:PHẦN\s+\w+|[IVXLC]+|\d+(?:\.\d+)*)\.\s+[^*]+?)\*\*)")
# Text YAML reads back as itself when written plain, even inside {...}: letters, digits, spaces
# and a few marks, no ':', '#', ',', quote or bracket anywhere.
_PLAIN = re.compile(r"[^\W_](?:[\w .()/-]*[\w.)])?")
# The kinds of record a corrective action can be raised from, with the source type it gets.
SOURCE_KINDS = {"audit": "audit", "survey": "survey", "inspection": "inspection"}


@dataclass
class RecordError(Exception):
    """A record that cannot be made (or closed); the message is Vietnamese, for the user."""
    message: str


@dataclass(frozen=True)
class NewRecord:
    path: Path
    id: str


def yaml_value(text: str) -> str:
    """A YAML scalar for `text`: plain when YAML reads it back unchanged (codes, ids, most
    titles), else double-quoted (JSON's string syntax is YAML's), so a title with ':', '#' or
    ',' stays one value, inside {...} too."""
    plain = _PLAIN.fullmatch(text) and text.lower() not in ("null", "true", "false", "yes", "no", "on", "off")
    return text if plain else json.dumps(text, ensure_ascii=False)


PLACEHOLDER = yaml_value(MARK)


def next_id(catalog, kind: str, year: int, unit: str) -> str:
    """One more than the highest number the kind's id pattern has used for that year (and unit),
    counting the records of every folder: an id filed under another year's folder still counts."""
    pattern = catalog.record_settings.ids.get(kind)
    if pattern is None or not pattern.numbered:
        raise RecordError(f"Mẫu số hồ sơ của loại '{kind}' trong site_config/records.yml phải có số thứ tự "
                          "({n:2}), ví dụ DGNB-{year}-{n:2}.")
    used = [n for n, record_id in ((pattern.number_of(r.id, unit), r.id) for r in catalog.records)
            if n is not None and pattern.make(n, year, unit) == record_id]
    return pattern.make(max(used, default=0) + 1, year, unit)


def form_headings(body: str) -> list[str]:
    """The numbered headings of a form's body, as the record's sections."""
    out = []
    for line in body.splitlines():
        found = _HEADING.match(line.strip())
        if found:
            out.append((found.group("atx") or found.group("bold")).strip().rstrip(":").strip())
    return out


def placeholder(shape) -> str:
    """The flow YAML of a value still to write: its required keys, each 'CẦN ĐIỀN'."""
    if isinstance(shape, Struct):
        parts = [f"{f.key}: {placeholder(f.shape)}" for f in shape.fields if f.required]
        return "{" + ", ".join(parts) + "}" if parts else PLACEHOLDER
    if isinstance(shape, ListOf):
        return f"[{placeholder(shape.item)}]"
    return PLACEHOLDER


def _comment(spec: Field) -> str:
    return f"  # {spec.label}" + (f": {spec.description.rstrip('.')}" if spec.description else "")


def _field_lines(spec: Field, prefilled: dict) -> list[str]:
    """A required field of the kind: its prefilled value, else placeholders; lists of groups
    one item a line."""
    value = prefilled.get(spec.key)
    if isinstance(value, list):
        return [f"{spec.key}:{_comment(spec)}"] + [f"  - {item}" for item in value]
    if value is not None:
        return [f"{spec.key}: {value}{_comment(spec)}"]
    if isinstance(spec.shape, ListOf) and isinstance(spec.shape.item, Struct):
        return [f"{spec.key}:{_comment(spec)}", f"  - {placeholder(spec.shape.item)}"]
    return [f"{spec.key}: {placeholder(spec.shape)}{_comment(spec)}"]


def _optional_lines(kind: str) -> list[str]:
    """The kind's optional fields as commented examples, to uncomment when known (a cause, an
    action, a verification...): present in the file, yet nothing to fill before they apply."""
    specs = [f for f in BY_KIND[kind] if not f.required] + [f for f in COMMON if f.key == "references"]
    lines = ["# Điền thêm khi có (xóa dấu # ở đầu dòng rồi sửa giá trị ví dụ):"]
    for spec in specs:
        if spec.example.startswith("- "):
            lines += [f"# {spec.key}:  # {spec.label}", f"#   {spec.example}"]
        else:
            lines.append(f"# {spec.key}: {spec.example or '...'}  # {spec.label}")
    return lines


def headings_of(form, kind: str) -> list[str]:
    """The form's own headings, else a short structure for the kind."""
    return form_headings(form.body) or list(KIND_HEADINGS[kind])


def render_record(record_id: str, kind: str, title: str, unit: str, on: date, form_code: str, revision: int,
                  procedure: str, headings: list[str], prefilled: dict | None = None) -> str:
    """The text of the open record: common keys, the kind's required keys, the optional ones
    commented, then a body with one section per heading, each to be written."""
    prefilled = prefilled or {}
    lines = ["---", f"id: {yaml_value(record_id)}", f"kind: {kind}", f"title: {yaml_value(title)}", f"unit: {yaml_value(unit)}",
             f"date: {on.isoformat()}", f"form: {{code: {yaml_value(form_code)}, revision: {revision}}}",
             f"procedure: {yaml_value(procedure)}", "status: open"]
    for spec in BY_KIND[kind]:
        if spec.required or spec.key in prefilled:
            lines += _field_lines(spec, prefilled)
    lines += _optional_lines(kind)
    lines.append("---")
    body = "".join(f"\n## {heading}\n\n{MARK}\n" for heading in headings)
    return "\n".join(lines) + "\n" + body


def _form(catalog, kind: str, code: str | None, on: date):
    """The form the record is made on and its issue in force that day."""
    code = code or catalog.record_settings.forms.get(kind)
    if not code:
        raise RecordError(f"Loại hồ sơ '{kind}' ({KINDS[kind].lower()}) chưa có biểu mẫu mặc định: chỉ rõ biểu mẫu "
                          f"bằng --form MÃ_BIỂU_MẪU, hoặc ghi vào mục forms của {SETTINGS_FILE}.")
    form = catalog.get(code)
    if form is None or form.kind != "form":
        forms = [d.code for d in catalog.documents if d.kind == "form"]
        raise RecordError(f"Không có biểu mẫu mã hiệu '{code}'.{did_you_mean(code, forms)} Chỉ rõ biểu mẫu "
                          "bằng --form MÃ_BIỂU_MẪU.")
    revision = issue_in_force(catalog, form.code, on)
    if revision is None:
        raise RecordError(f"Biểu mẫu {form.code} không có lần ban hành nào có hiệu lực vào ngày {on:%d/%m/%Y}: "
                          "hồ sơ phải lập trên biểu mẫu đang có hiệu lực.")
    return form, revision


def _procedure(catalog, form, code: str | None) -> str:
    code = code or form.procedure
    doc = catalog.get(code or "")
    if doc is None or doc.kind not in FORM_PARENT_KINDS:
        raise RecordError(f"Không có quy trình mã hiệu '{code or ''}' cho hồ sơ lập trên {form.code}: "
                          "chỉ rõ bằng --procedure MÃ_QUY_TRÌNH.")
    return doc.code


def _keeper(catalog, form, procedure: str) -> str | None:
    """The unit that keeps records of this form, as the procedure's 'Hồ sơ cần lưu' says."""
    doc = catalog.get(procedure)
    rows = [row for row in (doc.records if doc else []) if row.form == form.code and row.keeper]
    return rows[0].keeper if rows else (doc.unit if doc else None)


def _unit(catalog, unit: str | None, fallback: str | None) -> str:
    units = catalog.organisation.units
    unit = unit or fallback
    if not unit:
        raise RecordError("Chỉ rõ đơn vị lưu hồ sơ bằng --unit MÃ_ĐƠN_VỊ.")
    if unit not in units:
        raise RecordError(f"Không có đơn vị mã '{unit}'.{did_you_mean(unit, units)} Các đơn vị: "
                          f"{', '.join(units) or '(chưa khai báo đơn vị nào trong organisation.yml)'}.")
    if units[unit].dissolved:
        raise RecordError(f"Đơn vị '{unit}' đã giải thể; dùng đơn vị kế thừa '{units[unit].successor}'.")
    return unit


def source_of(catalog, text: str) -> tuple[dict, str]:
    """'DGNB-2026-01:2' → the prefilled keys of a corrective action raised from finding 2 of
    that record (source, description, responsible unit), and a default title."""
    record_id, _, item = text.partition(":")
    source = catalog.records.get(record_id.strip())
    if source is None or source.kind not in SOURCE_KINDS:
        known = [r.id for r in catalog.records if r.kind in SOURCE_KINDS]
        raise RecordError(f"Không có hồ sơ đánh giá, khảo sát hay kiểm tra số '{record_id}'."
                          + did_you_mean(record_id, known))
    item = item.strip()
    parts = [f"type: {SOURCE_KINDS[source.kind]}", f"record: {yaml_value(source.id)}"]
    if item:
        parts.append(f"item: {yaml_value(item)}")
    prefilled = {"source": "{" + ", ".join(parts) + "}"}
    if not item:
        return prefilled, f"Hành động khắc phục theo {source.id}"
    entries = source.items("findings") + source.items("recommendations")
    entry = next((e for e in entries if str(e.get("id")) == item), None)
    if entry is None:
        raise RecordError(f"Hồ sơ {source.id} không có phát hiện hay kiến nghị số '{item}'.")
    if entry.get("text"):
        prefilled["description"] = yaml_value(entry["text"])
    if entry.get("unit"):
        prefilled["responsible"] = yaml_value(entry["unit"])
    word = "kiến nghị" if source.kind == "inspection" else "phát hiện"
    return prefilled, f"Hành động khắc phục {word} số {item} của {source.id}"


def create_record(catalog, kind: str, unit: str | None = None, on: date | None = None, title: str | None = None,
                  form_code: str | None = None, procedure: str | None = None, source: str | None = None) -> NewRecord:
    """Write the open record under records/<year>/ and return where and its id; refuse what would
    make a broken record, and never write over a file."""
    if kind not in KINDS:
        raise RecordError(f"Loại hồ sơ '{kind}' không hợp lệ.{did_you_mean(kind, KINDS)} Dùng: {', '.join(KINDS)}.")
    if source and kind != "corrective_action":
        raise RecordError("Chỉ hồ sơ hành động khắc phục (corrective_action) mới có --source.")
    on = on or catalog.today
    if on > catalog.today:
        raise RecordError(f"Ngày lập hồ sơ {on:%d/%m/%Y} sau hôm nay: hồ sơ chỉ ghi việc đã xảy ra.")
    form, revision = _form(catalog, kind, form_code, on)
    procedure = _procedure(catalog, form, procedure)
    prefilled, default_title = source_of(catalog, source) if source else ({}, f"{KINDS[kind]} năm {on.year}")
    if kind == "review":
        prefilled["inputs"] = [f"{{input: {key}, summary: {PLACEHOLDER}}}" for key in REVIEW_INPUTS]
    if kind == "assessment" and catalog.indicator_set is not None and catalog.indicator_set.indicators:
        prefilled["scores"] = [f"{{indicator: {yaml_value(i.id)}, level: {PLACEHOLDER}}}"
                               for i in catalog.indicator_set.indicators]
    unit = _unit(catalog, unit, _keeper(catalog, form, procedure))
    title = nfc(" ".join((title or default_title).split()))
    if not title:
        raise RecordError("Tên hồ sơ (--title) không được để trống.")
    record_id = next_id(catalog, kind, on.year, unit)
    # The file is named after the id with '/' and the like replaced ('01/2026/ĐT-VP', as agencies
    # number, stays one file in records/<year>/), and written only if no file is there: O_EXCL.
    stem = f"{file_stem(record_id)}-{slug(title)[:60]}".strip("-")
    path = Path(catalog.root) / RECORDS_FOLDER / str(on.year) / f"{stem}.md"
    text = render_record(record_id, kind, title, unit, on, form.code, revision, procedure, headings_of(form, kind),
                         prefilled)
    try:
        write_new_file(path, text)
    except FileExistsError:
        raise RecordError(f"Tệp {path.relative_to(catalog.root)} đã tồn tại; không ghi đè.") from None
    return NewRecord(path, record_id)
