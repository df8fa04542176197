"""Loading site_config/: the organisation and the legal register, with findings, never raising."""
from __future__ import annotations

from pathlib import Path

from builder.documents.field_types import (Context, Date, Enum, Field, Int,
                                           ListOf, Struct, Text)
from builder.documents.schema import KINDS, SIGNOFF_KEYS
from builder.documents.yaml_files import read_yaml_file
from builder.findings.rule_texts import CONFIG_INVALID
from builder.organisation.keys import SigningKey, parse_key_line
from builder.organisation.model import (Certificate, CodePattern,
                                        Organisation, Person, Unit)

ORG_FILE = "site_config/organisation.yml"
SIGNATURE_MODES = ("required", "warning", "off")


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
    Field("review_months", Int(1, 120), "Chu kỳ xem xét mặc định"),
    Field("legal_update_months", Int(1, 120), "Thời hạn cập nhật tài liệu khi văn bản pháp luật thay đổi (tháng)"),
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
        Field("keys", ListOf(Struct([
            Field("key", Text(), "Khóa công khai (nội dung tệp .pub)", required=True),
            Field("from", Date(), "Dùng từ ngày"),
            Field("until", Date(), "Hết hạn sau ngày"),
            Field("revoked", Date(), "Thu hồi từ ngày"),
        ])), "Khóa ký"),
    ])), "Nhân sự", required=True),
    Field("signatures", Enum(SIGNATURE_MODES), "Chữ ký số trên ký duyệt (required, warning, off)"),
    Field("required_signoffs", Struct([Field(k, ListOf(Enum(SIGNOFF_KEYS)), v) for k, v in KINDS.items()]),
          "Ký duyệt bắt buộc theo loại tài liệu (mặc định: prepared, reviewed, approved)"),
    Field("certificate", Struct([
        Field("file", Text(), "Tệp chứng thư số PKCS#12 (.p12), ngoài kho git", required=True),
        Field("password_env", Text(), "Biến môi trường chứa mật khẩu của tệp"),
    ]), "Chứng thư số của cơ quan (ký tệp PDF)"),
])


def load_organisation(root: Path) -> tuple[Organisation, list]:
    findings: list = []
    org = Organisation(path=ORG_FILE)
    located = read_yaml_file(root, ORG_FILE, CONFIG_INVALID, findings)
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
    org.signatures = data.get("signatures") or "off"
    org.required_signoffs = {kind: tuple(dict.fromkeys([*keys, "approved"]))
                             for kind, keys in (data.get("required_signoffs") or {}).items() if keys}
    certificate = data.get("certificate") or {}
    if certificate.get("file"):
        org.certificate = Certificate(certificate["file"], certificate.get("password_env"))
    for i, p in enumerate(data.get("people") or []):
        if p and p.get("id"):
            keys = _keys(p["id"], p.get("keys") or [], i, located, findings)
            org.people[p["id"]] = Person(p["id"], p.get("name") or p["id"], p.get("position") or "",
                                         p.get("unit") or "", p.get("account"), keys)
    findings += _organisation_consistency(org, located)
    return org, findings


def _keys(person: str, items: list, index: int, located, findings: list) -> tuple[SigningKey, ...]:
    """A person's signing keys; a line that is not a public key is a finding at its line."""
    out = []
    for k, item in enumerate(items):
        if not item or not item.get("key"):
            continue
        parsed = parse_key_line(item["key"])
        if isinstance(parsed, str):
            findings.append(CONFIG_INVALID.finding(ORG_FILE, located.line("people", index, "keys", k, "key"),
                                                   "signing-key", person=person, why=parsed))
            continue
        out.append(SigningKey(person, parsed[0], parsed[1], item.get("from"), item.get("until"),
                              item.get("revoked")))
    return tuple(out)


def _organisation_consistency(org: Organisation, located) -> list:
    """Cross references inside organisation.yml: units, heads, positions, successors."""
    out = []

    def bad(keys, variant, **values):
        out.append(CONFIG_INVALID.finding(ORG_FILE, located.line(*keys), variant, **values))

    unit_index = {u: i for i, u in enumerate(org.units)}
    people_index = {p: i for i, p in enumerate(org.people)}
    for uid, unit in org.units.items():
        keys = ("units", unit_index[uid])
        if unit.parent and unit.parent not in org.units:
            bad(keys + ("parent",), "unit-parent", unit=uid, value=unit.parent)
        if unit.head and unit.head not in org.people:
            bad(keys + ("head",), "unit-head", unit=uid, value=unit.head)
        if unit.successor and unit.successor not in org.units:
            bad(keys + ("successor",), "unit-successor", unit=uid, value=unit.successor)
        if unit.successor and not unit.dissolved:
            bad(keys + ("successor",), "successor-undated", unit=uid)
    for pid, person in org.people.items():
        keys = ("people", people_index[pid])
        if person.position not in org.positions:
            bad(keys + ("position",), "person-position", person=pid, value=person.position)
        if person.unit not in org.units:
            bad(keys + ("unit",), "person-unit", person=pid, value=person.unit)
    owners: dict[bytes, str] = {}
    for pid, person in org.people.items():
        for k, key in enumerate(person.keys):
            if key.blob in owners:       # one entry per key: its dates are then never ambiguous
                bad(("people", people_index[pid], "keys", k), "key-shared", fingerprint=key.fingerprint,
                    person=pid, other=owners[key.blob])
            owners.setdefault(key.blob, pid)
    for action, positions in org.signoff_roles.items():
        for i, pos in enumerate(positions):
            if pos not in org.positions:
                bad(("signoff_roles", action, i), "role-position", action=action, value=pos)
    for kind, pattern in org.codes.items():
        if kind not in KINDS:
            continue
        if not pattern.regex.match(pattern.make(1, 2026, "VP")):
            bad(("codes", kind), "code-template", value=pattern.template)
    for kind in KINDS:
        if kind not in org.codes:
            bad(("codes",), "code-missing", kind=kind)
    return out
