"""site_config/records.yml: how the agency numbers its records, who may close them, its risk
scale and its deadlines. Optional: without the file the defaults below apply."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from builder.documents.field_types import (Context, Field, Int, ListOf, Struct,
                                           Text)
from builder.documents.yaml_files import read_yaml_file
from builder.findings.rule_texts import CONFIG_INVALID
from builder.organisation.model import CodePattern
from builder.records.kinds import KINDS

SETTINGS_FILE = "site_config/records.yml"

DEFAULT_IDS = {
    "audit": "DGNB-{year}-{n:2}", "corrective_action": "KP-{year}-{n:2}", "risk": "RR-{year}-{n:2}",
    "survey": "KS-{year}-{n:2}", "review": "XXLD-{year}-{n:2}", "training": "DT-{year}-{n:2}",
    "inspection": "KT-{year}-{n:2}", "acknowledgement": "TN-{year}-{n:2}", "assessment": "TDG-{year}-{n:2}",
}
DEFAULT_LIKELIHOOD = ("Hiếm khi", "Ít khi", "Có thể", "Thường xuyên", "Gần như chắc chắn")
DEFAULT_IMPACT = ("Không đáng kể", "Nhỏ", "Trung bình", "Lớn", "Nghiêm trọng")

SHAPE = Struct([
    Field("ids", Struct([Field(k, Text(), v) for k, v in KINDS.items()]), "Mẫu số hồ sơ theo loại"),
    Field("forms", Struct([Field(k, Text(), v) for k, v in KINDS.items()]),
          "Biểu mẫu dùng để lập từng loại hồ sơ (lệnh 'qms record new')"),
    Field("closing", Struct([Field("default", ListOf(Text()), "Mọi loại hồ sơ")]
                            + [Field(k, ListOf(Text()), v) for k, v in KINDS.items()]),
          "Chức danh được ký đóng hồ sơ, theo loại"),
    Field("risk_scale", Struct([
        Field("likelihood", ListOf(Text()), "Các mức khả năng xảy ra, từ thấp đến cao"),
        Field("impact", ListOf(Text()), "Các mức ảnh hưởng, từ thấp đến cao"),
        Field("high", Int(1, 10_000), "Điểm (khả năng × ảnh hưởng) từ đó là rủi ro cao"),
        Field("medium", Int(1, 10_000), "Điểm từ đó là rủi ro trung bình"),
    ]), "Thang đánh giá rủi ro"),
    Field("risk_evaluation_due", Text(), "Ngày trong năm (tháng-ngày) phải đánh giá hiệu quả xử lý rủi ro"),
    Field("acknowledgement_days", Int(1, 365), "Số ngày để các đơn vị xác nhận đã đọc tài liệu mới"),
    # The yearly QMS report (`qms report`, builder/reporting/): its header, addressees and signer.
    Field("report", Struct([
        Field("number", Text(), "Số của báo cáo (để trống: văn thư điền khi đăng ký văn bản đi)"),
        Field("province", Text(), "Địa danh ở dòng ngày tháng (mặc định: lấy từ tên cơ quan chủ quản)"),
        Field("addressees", ListOf(Text()), "Kính gửi: cơ quan nhận báo cáo"),
        Field("recipients", ListOf(Text()), "Nơi nhận"),
        Field("signer", Text(), "Mã nhân sự của người ký báo cáo (mặc định: người đứng đầu cơ quan)"),
        Field("basis", ListOf(Text()), "Số ký hiệu văn bản làm căn cứ, dẫn trong mọi báo cáo"),
        Field("requests", ListOf(Text()),
              "Số ký hiệu văn bản yêu cầu báo cáo của tỉnh, dẫn trong báo cáo của năm ban hành văn bản"),
    ]), "Báo cáo năm về hệ thống quản lý chất lượng"),
])


@dataclass
class RecordSettings:
    ids: dict[str, CodePattern] = field(default_factory=lambda: {k: CodePattern(v) for k, v in DEFAULT_IDS.items()})
    closing: dict[str, tuple[str, ...]] = field(default_factory=dict)   # kind or 'default' -> positions
    forms: dict[str, str] = field(default_factory=dict)    # kind -> code of the form records are made on
    likelihood: tuple[str, ...] = DEFAULT_LIKELIHOOD
    impact: tuple[str, ...] = DEFAULT_IMPACT
    high: int = 12
    medium: int = 6
    evaluation_due: tuple[int, int] = (12, 15)      # month, day
    acknowledgement_days: int = 15
    report: dict = field(default_factory=dict)      # the yearly report's header (builder/reporting/header.py)
    path: str = SETTINGS_FILE
    line_of: dict = field(default_factory=dict)     # key -> line, for findings about settings

    def closers(self, kind: str) -> tuple[str, ...]:
        """Positions allowed to close a record of this kind (default: the agency's head and deputies)."""
        return self.closing.get(kind) or self.closing.get("default") or ("GD", "PGD")

    def level(self, score: int) -> str:
        """'high', 'medium' or 'low' for a likelihood × impact score."""
        return "high" if score >= self.high else "medium" if score >= self.medium else "low"


def _month_day(text: str | None) -> tuple[int, int] | None:
    try:
        month, day = (int(p) for p in (text or "").split("-"))
    except ValueError:
        return None
    return (month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None


def load_settings(root: Path) -> tuple[RecordSettings, list]:
    """Read the file when it exists; each wrong value is a finding and its default is kept."""
    settings, findings = RecordSettings(), []
    if not (Path(root) / SETTINGS_FILE).is_file():
        return settings, findings
    located = read_yaml_file(Path(root), SETTINGS_FILE, CONFIG_INVALID, findings)
    if located is None:
        return settings, findings
    ctx = Context(SETTINGS_FILE, located, findings)
    data = SHAPE.convert(located.data, (), ctx) or {}
    for kind, template in (data.get("ids") or {}).items():
        pattern = CodePattern(template) if template else None
        if pattern is None:
            continue
        if pattern.regex.match(pattern.make(1, 2026, "VP")) and pattern.numbered:
            settings.ids[kind] = pattern
        else:   # no number, or a pattern its own ids do not match: the default stays
            findings.append(CONFIG_INVALID.finding(SETTINGS_FILE, located.line("ids", kind), "code-template",
                                                   value=template))
    settings.closing = {k: tuple(v) for k, v in (data.get("closing") or {}).items() if v}
    settings.forms = {k: v for k, v in (data.get("forms") or {}).items() if v}
    scale = data.get("risk_scale") or {}
    settings.likelihood = tuple(scale.get("likelihood") or DEFAULT_LIKELIHOOD)
    settings.impact = tuple(scale.get("impact") or DEFAULT_IMPACT)
    settings.high = scale.get("high") or settings.high
    settings.medium = scale.get("medium") or settings.medium
    due = data.get("risk_evaluation_due")
    if due:
        parsed = _month_day(due)
        if parsed is None:
            findings.append(CONFIG_INVALID.finding(SETTINGS_FILE, located.line("risk_evaluation_due"), "month-day",
                                                   key="risk_evaluation_due", value=due, file=SETTINGS_FILE))
        else:
            settings.evaluation_due = parsed
    settings.acknowledgement_days = data.get("acknowledgement_days") or settings.acknowledgement_days
    settings.report = data.get("report") or {}
    settings.line_of = {key: located.line(key) for key in ("ids", "forms", "closing", "risk_scale", "report")}
    return settings, findings
