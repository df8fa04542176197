"""Printing findings for people (text), machines (json) and pull requests (markdown)."""
from __future__ import annotations

import json

from builder.findings.finding import Severity


def summary_line(findings) -> str:
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = len(findings) - errors
    if not findings:
        return "Không có lỗi hay cảnh báo nào."
    return f"Tổng cộng: {errors} lỗi, {warnings} cảnh báo."


def as_text(findings) -> str:
    lines = [f.as_text() for f in findings]
    lines.append(summary_line(findings))
    return "\n".join(lines)


def as_json(findings) -> str:
    return json.dumps({"findings": [f.as_dict() for f in findings]}, ensure_ascii=False, indent=2)


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def as_markdown(findings) -> str:
    """A table fit for a pull-request comment."""
    out = ["## Kết quả kiểm tra tài liệu", "", summary_line(findings), ""]
    if findings:
        out += ["| Mức | Quy tắc | Tệp | Dòng | Nội dung |", "|---|---|---|---|---|"]
        for f in findings:
            out.append(f"| {f.severity.label} | `{f.rule}` | `{_cell(f.path)}` | {f.line} | {_cell(f.message)} |")
    return "\n".join(out) + "\n"


FORMATS = {"text": as_text, "json": as_json, "markdown": as_markdown}
