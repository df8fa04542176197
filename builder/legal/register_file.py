"""Loading site_config/legal_register.yml into the legal register, with findings."""
from __future__ import annotations

from pathlib import Path

from builder.documents.field_types import (Context, Date, Enum, Field, ListOf,
                                           Struct, Text)
from builder.documents.yaml_files import read_yaml_file
from builder.findings.rule_texts import REGISTER_INVALID
from builder.legal.numbers import Citation, parse_number
from builder.legal.register import LEGAL_STATUSES, LegalDocument, LegalRegister

REGISTER_FILE = "site_config/legal_register.yml"


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


def load_register(root: Path) -> tuple[LegalRegister, list]:
    findings: list = []
    register = LegalRegister(path=REGISTER_FILE)
    located = read_yaml_file(root, REGISTER_FILE, REGISTER_INVALID, findings)
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
            findings.append(REGISTER_INVALID.finding(REGISTER_FILE, located.line(*keys, "number"), "number",
                                                     number=entry["number"]))
            continue
        if entry["number"] in register.documents:
            findings.append(REGISTER_INVALID.finding(REGISTER_FILE, located.line(*keys, "number"), "twice",
                                                     number=entry["number"]))
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
                    out.append(REGISTER_INVALID.finding(REGISTER_FILE, doc.line, "relation",
                                                        number=doc.number, value=number, relation=rel))
    return out
