"""Loading site_config/: the organisation and the legal register, with findings, never raising."""
from __future__ import annotations

from pathlib import Path

from . import yamlsrc
from .legal import LEGAL_STATUSES, Citation, LegalDocument, LegalRegister, parse_number
from .messages import finding
from .org import CodePattern, Organisation, Person, Unit
from .schema import KINDS
from .shapes import Context, Date, Enum, Field, Int, ListOf, Struct, Text
from .text import DecodeProblem, decode

ORG_FILE = "site_config/organisation.yml"
REGISTER_FILE = "site_config/legal_register.yml"

_NAMED = Struct([Field("id", Text(), "Mã", required=True), Field("name", Text(), "Tên", required=True)])
ORG_SHAPE = Struct([
    Field("agency", Struct([
        Field("name", Text(), "Tên cơ quan", required=True),
        Field("short_name", Text(), "Tên viết tắt"),
        Field("parent", Text(), "Cơ quan chủ quản"),
        Field("logo", Text(), "Biểu trưng"),
    ]), "Cơ quan", required=True),
    Field("site", Struct([Field("base_url", Text(), "Địa chỉ trang nội bộ", required=True)]),
          "Trang nội bộ", required=True),
    Field("review_months", Int(), "Chu kỳ xem xét mặc định"),
    Field("legal_update_months", Int(), "Thời hạn cập nhật tài liệu khi văn bản pháp luật thay đổi (tháng)"),
    Field("codes", Struct([Field(k, Text(), v) for k, v in KINDS.items()]), "Mẫu mã hiệu", required=True),
    Field("positions", ListOf(_NAMED), "Chức danh", required=True),
    Field("signoff_roles", Struct([
        Field("prepare", ListOf(Text()), "Soạn thảo", required=True),
        Field("review", ListOf(Text()), "Xem xét", required=True),
        Field("approve", ListOf(Text()), "Phê duyệt", required=True),
    ]), "Quyền ký", required=True),
    Field("units", ListOf(Struct([
        Field("id", Text(), "Mã đơn vị", required=True),
        Field("name", Text(), "Tên đơn vị", required=True),
        Field("parent", Text(), "Đơn vị cấp trên"),
        Field("head", Text(), "Trưởng đơn vị"),
        Field("dissolved", Date(), "Ngày giải thể"),
        Field("successor", Text(), "Đơn vị kế thừa"),
    ])), "Đơn vị", required=True),
    Field("people", ListOf(Struct([
        Field("id", Text(), "Mã nhân sự", required=True),
        Field("name", Text(), "Họ tên", required=True),
        Field("position", Text(), "Chức danh", required=True),
        Field("unit", Text(), "Đơn vị", required=True),
        Field("account", Text(), "Tài khoản trên máy chủ git (cho CODEOWNERS)"),
    ])), "Nhân sự", required=True),
])

REGISTER_SHAPE = Struct([Field("documents", ListOf(Struct([
    Field("number", Text(), "Số ký hiệu", required=True),
    Field("type", Text(), "Loại văn bản", required=True),
    Field("title", Text(), "Trích yếu", required=True),
    Field("issuer", Text(), "Cơ quan ban hành", required=True),
    Field("issued", Date(), "Ngày ban hành", required=True),
    Field("effective", Date(), "Ngày có hiệu lực"),
    Field("status", Enum(LEGAL_STATUSES), "Tình trạng hiệu lực", required=True),
    Field("replaces", ListOf(Text()), "Thay thế văn bản"),
    Field("replaced_by", ListOf(Text()), "Bị thay thế bởi"),
    Field("amends", ListOf(Text()), "Sửa đổi văn bản"),
    Field("amended_by", ListOf(Text()), "Được sửa đổi bởi"),
    Field("guides", ListOf(Text()), "Hướng dẫn văn bản"),
    Field("repeals", ListOf(Text()), "Bãi bỏ văn bản"),
    Field("repealed_by", ListOf(Text()), "Bị bãi bỏ bởi"),
    Field("note", Text(), "Ghi chú"),
])), "Văn bản", required=True)])


def _read_yaml(root: Path, rel: str, ctx_rule: str, findings: list):
    """Read and parse a config file; report problems under `ctx_rule`."""
    path = root / rel
    if not path.is_file():
        findings.append(finding(ctx_rule, rel, 1, detail=f"Không tìm thấy tệp {rel}."))
        return None
    text = decode(path.read_bytes())
    if isinstance(text, DecodeProblem):
        findings.append(finding(ctx_rule, rel, text.line,
                                detail=f"Không đọc được tệp {rel} (lỗi '{text.rule}'). Lưu tệp bằng UTF-8."))
        return None
    located = yamlsrc.load_file_data(text)
    if isinstance(located, yamlsrc.YamlProblem):
        findings.append(finding("yaml-syntax", rel, located.line, detail=located.detail))
        return None
    for keys, line in located.duplicates:
        findings.append(finding("duplicate-key", rel, line, key=keys[-1], first=located.line(*keys)))
    return located


def load_organisation(root: Path) -> tuple[Organisation, list]:
    findings: list = []
    org = Organisation(path=ORG_FILE)
    located = _read_yaml(root, ORG_FILE, "config-invalid", findings)
    if located is None:
        return org, findings
    ctx = Context(ORG_FILE, located, findings)
    data = ORG_SHAPE.convert(located.data, (), ctx) or {}
    agency = data.get("agency") or {}
    org.agency_name = agency.get("name") or ""
    org.agency_short = agency.get("short_name") or ""
    org.agency_parent = agency.get("parent") or ""
    org.logo = agency.get("logo")
    org.base_url = (data.get("site") or {}).get("base_url") or "/"
    org.review_months = data.get("review_months") or 12
    org.legal_update_months = data.get("legal_update_months") or 3
    org.codes = {k: CodePattern(v) for k, v in (data.get("codes") or {}).items() if v}
    org.positions = {p["id"]: p["name"] for p in data.get("positions") or [] if p and p.get("id")}
    org.signoff_roles = {k: v or [] for k, v in (data.get("signoff_roles") or {}).items()}
    for u in data.get("units") or []:
        if u and u.get("id"):
            org.units[u["id"]] = Unit(u["id"], u.get("name") or u["id"], u.get("parent"),
                                      u.get("head"), u.get("dissolved"), u.get("successor"))
    for p in data.get("people") or []:
        if p and p.get("id"):
            org.people[p["id"]] = Person(p["id"], p.get("name") or p["id"], p.get("position") or "",
                                         p.get("unit") or "", p.get("account"))
    findings += _organisation_consistency(org, located)
    return org, findings


def _organisation_consistency(org: Organisation, located) -> list:
    """Cross references inside organisation.yml: units, heads, positions, successors."""
    out = []

    def bad(keys, detail):
        out.append(finding("config-invalid", ORG_FILE, located.line(*keys), detail=detail))

    unit_index = {u: i for i, u in enumerate(org.units)}
    people_index = {p: i for i, p in enumerate(org.people)}
    for uid, unit in org.units.items():
        keys = ("units", unit_index[uid])
        if unit.parent and unit.parent not in org.units:
            bad(keys + ("parent",), f"Đơn vị '{uid}': đơn vị cấp trên '{unit.parent}' không tồn tại.")
        if unit.head and unit.head not in org.people:
            bad(keys + ("head",), f"Đơn vị '{uid}': trưởng đơn vị '{unit.head}' không có trong mục people.")
        if unit.successor and unit.successor not in org.units:
            bad(keys + ("successor",), f"Đơn vị '{uid}': đơn vị kế thừa '{unit.successor}' không tồn tại.")
        if unit.successor and not unit.dissolved:
            bad(keys + ("successor",), f"Đơn vị '{uid}' có đơn vị kế thừa nhưng thiếu ngày giải thể (dissolved).")
    for pid, person in org.people.items():
        keys = ("people", people_index[pid])
        if person.position not in org.positions:
            bad(keys + ("position",), f"Nhân sự '{pid}': chức danh '{person.position}' không có trong mục positions.")
        if person.unit not in org.units:
            bad(keys + ("unit",), f"Nhân sự '{pid}': đơn vị '{person.unit}' không tồn tại.")
    for action, positions in org.signoff_roles.items():
        for i, pos in enumerate(positions):
            if pos not in org.positions:
                bad(("signoff_roles", action, i), f"Quyền ký '{action}': chức danh '{pos}' không có trong mục positions.")
    for kind, pattern in org.codes.items():
        if kind not in KINDS:
            continue
        if not pattern.regex.match(pattern.make(1, 2026, "VP")):
            bad(("codes", kind), f"Mẫu mã hiệu '{pattern.template}' không hợp lệ.")
    for kind in KINDS:
        if kind not in org.codes:
            bad(("codes",), f"Thiếu mẫu mã hiệu cho loại tài liệu '{kind}'.")
    return out


def load_register(root: Path) -> tuple[LegalRegister, list]:
    findings: list = []
    register = LegalRegister(path=REGISTER_FILE)
    located = _read_yaml(root, REGISTER_FILE, "register-invalid", findings)
    if located is None:
        return register, findings
    ctx = Context(REGISTER_FILE, located, findings)
    data = REGISTER_SHAPE.convert(located.data, (), ctx) or {}
    for index, entry in enumerate(data.get("documents") or []):
        if not entry or not entry.get("number"):
            continue
        keys = ("documents", index)
        parsed = parse_number(entry["number"])
        if not isinstance(parsed, Citation):
            findings.append(finding("register-invalid", REGISTER_FILE, located.line(*keys, "number"),
                                    detail=f"Số ký hiệu '{entry['number']}' không hợp lệ."))
            continue
        if entry["number"] in register.documents:
            findings.append(finding("register-invalid", REGISTER_FILE, located.line(*keys, "number"),
                                    detail=f"Văn bản '{entry['number']}' khai báo hai lần."))
            continue
        register.documents[entry["number"]] = LegalDocument(
            number=entry["number"], type=entry.get("type") or "", title=entry.get("title") or "",
            issuer=entry.get("issuer") or "", issued=entry.get("issued"),
            effective=entry.get("effective"), status=entry.get("status") or "Còn hiệu lực",
            replaces=entry.get("replaces") or [], replaced_by=entry.get("replaced_by") or [],
            amends=entry.get("amends") or [], amended_by=entry.get("amended_by") or [],
            guides=entry.get("guides") or [], repeals=entry.get("repeals") or [],
            repealed_by=entry.get("repealed_by") or [], line=located.line(*keys))
    findings += _register_relations(register, located)
    return register, findings


def _register_relations(register: LegalRegister, located) -> list:
    """Relation targets must be well-formed numbers."""
    out = []
    for doc in register.documents.values():
        for rel in ("replaces", "replaced_by", "amends", "amended_by", "guides", "repeals", "repealed_by"):
            for number in getattr(doc, rel):
                if not isinstance(parse_number(number), Citation):
                    out.append(finding("register-invalid", REGISTER_FILE, doc.line,
                                       detail=f"Văn bản '{doc.number}': số ký hiệu '{number}' ở mục "
                                              f"'{rel}' không hợp lệ."))
    return out
