"""The reference pages for document controllers: the fields of the front matter and the rules."""
from __future__ import annotations

from builder.documents import labels as L
from builder.documents.field_types import ListOf, Struct
from builder.documents.schema import BY_KIND, COMMON, KINDS, kinds_of
from builder.findings.rule_texts import RULES
from builder.legal.register import LEGAL_STATUSES
from builder.markup.literal import cell
from builder.records import kinds as records
from builder.site.model import GeneratedPage

FIELD_REFERENCE_PAGE = "huong-dan/truong-khai-bao.md"
RULES_PAGE = "huong-dan/quy-tac-kiem-tra.md"


def _field_rows(fields, prefix="") -> list[str]:
    rows = []
    for f in fields:
        name = f"{prefix}{f.key}"
        required = "bắt buộc" if f.required else ""
        rows.append(f"| `{name}` | {cell(f.label)} | {cell(f.description)} | {required} | `{cell(f.example)}` |")
        inner = f.shape.item if isinstance(f.shape, ListOf) else f.shape
        if isinstance(inner, Struct):
            rows += _field_rows(inner.fields, prefix=f"{name}{'[]' if isinstance(f.shape, ListOf) else ''}.")
    return rows


def field_reference_page() -> GeneratedPage:
    """'Tra cứu trường khai báo', generated from the schema itself."""
    head = "| Trường | Ý nghĩa | Mô tả | | Ví dụ |\n|---|---|---|---|---|"
    out = [f"# {L.FIELD_REFERENCE}",
           "Mỗi tài liệu là một tệp Markdown. Đầu tệp là phần khai báo nằm giữa hai dòng `---`, "
           "mỗi dòng một trường `tên_trường: giá_trị`. Ngày viết dạng `2026-01-15` hoặc `15/01/2026`. "
           "Trường không có trong trang này bị báo lỗi `unknown-key` (ví dụ gõ nhầm `revison`).",
           "Khi tài liệu ở tình trạng `effective` (đang áp dụng) hoặc `withdrawn` (hết hiệu lực), các "
           "trường `effective`, `prepared`, `reviewed`, `approved`, `changes` là bắt buộc.",
           "## Trường chung cho mọi loại tài liệu", head + "\n" + "\n".join(_field_rows(COMMON))]
    done = set()
    for kind, fields in BY_KIND.items():
        key = id(fields)
        if key in done:
            continue
        done.add(key)
        names = ", ".join(KINDS[k] for k in kinds_of(fields[0].key))
        out += [f"## Trường riêng: {names}", head + "\n" + "\n".join(_field_rows(fields))]
    out += ["## Giá trị cho phép",
            "- `kind`: " + "; ".join(f"`{k}` ({v})" for k, v in KINDS.items()),
            "- `status`: `draft` (Dự thảo); `effective` (Đang áp dụng); `withdrawn` (Hết hiệu lực)",
            "- Tình trạng hiệu lực trong sổ văn bản pháp luật: " + "; ".join(LEGAL_STATUSES)]
    out += record_fields(head)
    out += ["## Trong mã nguồn",
            "Các trường và giá trị cho phép được khai báo một lần trong `builder/documents/schema.py`; trang "
            "này được tạo từ đó. Phần khai báo được đọc bởi `builder/documents/loader.py` (kèm số dòng của "
            "từng trường để báo lỗi đúng chỗ)."]
    return GeneratedPage(FIELD_REFERENCE_PAGE, "\n\n".join(out) + "\n")


def record_fields(head: str) -> list[str]:
    """The fields of records (records/<năm>/...), generated from builder/records/kinds.py."""
    out = ["## Hồ sơ của chu kỳ hằng năm",
           "Mỗi hồ sơ (biên bản, báo cáo, phiếu...) là một tệp Markdown trong thư mục `records/<năm>/`, phần khai báo "
           "giữa hai dòng `---` như tài liệu. Khi hồ sơ ở tình trạng `closed` (đã ký đóng bằng lệnh "
           "`qms record close`), trường `closed` là bắt buộc và nội dung không được sửa nữa. Các trường và giá trị cho "
           "phép được khai báo trong `builder/records/kinds.py`; phần này được tạo từ đó.",
           "### Trường chung cho mọi loại hồ sơ", head + "\n" + "\n".join(_field_rows(records.COMMON))]
    for kind, fields in records.BY_KIND.items():
        out += [f"### Trường riêng: {records.KINDS[kind]} (`kind: {kind}`)", head + "\n" + "\n".join(_field_rows(fields))]
    return out


def rules_page() -> GeneratedPage:
    out = [f"# {L.RULES_PAGE}",
           "Mỗi lần dựng trang và mỗi pull request, hệ thống kiểm tra mọi tài liệu theo các quy tắc dưới "
           "đây. **Lỗi** chặn việc xuất bản; **cảnh báo** được hiển thị nhưng không chặn. Mỗi thông báo "
           "ghi tên tệp, số dòng, mã quy tắc và cách sửa. Xem danh sách bằng lệnh `qms rules`.",
           "Trong mã nguồn, lời văn của mọi quy tắc nằm ở `builder/findings/rule_texts.py` (mã quy tắc lấy từ "
           "tên, ví dụ `CODE_PATTERN` là `code-pattern`); mỗi quy tắc là một hàm nhỏ trong "
           "`builder/rules/<chủ đề>.py`; quy tắc khi đọc tệp nằm ở `builder/documents/`, quy tắc bản in ở "
           "`builder/pdf/`."]
    group = None
    for rule in RULES.values():
        if rule.group != group:
            group = rule.group
            out.append(f"## {group}\n\n| Mã quy tắc | Mức | Nội dung |\n|---|---|---|")
        out[-1] += f"\n| `{rule.id}` | {rule.severity.label} | **{cell(rule.title)}**. {cell(rule.explanation)} |"
    return GeneratedPage(RULES_PAGE, "\n\n".join(out) + "\n")
