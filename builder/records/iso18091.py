"""site_config/iso18091.yml: the locality's TCVN ISO 18091:2020 indicator set (bộ chỉ số đánh giá
quản lý chất lượng tổng thể): its quadrants (nhóm chỉ số), its indicators and, for each, the
criteria a council applies to score it green, yellow or red.

Optional: without the file the self-assessment is not used; no page, no figure, no finding. Each
problem of the file is a finding with its line, and what is valid is kept."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from builder.documents.field_types import Context, Field, ListOf, Struct, Text
from builder.documents.yaml_files import read_yaml_file
from builder.findings.rule_texts import ISO18091_CONFIG
from builder.records.kinds import LEVELS

ISO18091_FILE = "site_config/iso18091.yml"
# An indicator or quadrant id as sets write them: '1', 'I', '1.1', '2.3a'.
_ID = re.compile(r"[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*")

SHAPE = Struct([
    Field("title", Text(), "Tên bộ chỉ số"),
    Field("issued_by", Text(), "Văn bản ban hành bộ chỉ số", "Ví dụ: Quyết định số 1234/QĐ-UBND ngày 15/3/2025."),
    Field("quadrants", ListOf(Struct([
        Field("id", Text(), "Mã nhóm", "", True, "1"),
        Field("name", Text(), "Tên nhóm chỉ số", "", True, "Phát triển thể chế vì quản trị tốt"),
    ])), "Nhóm chỉ số (góc phần tư)", "", True),
    Field("indicators", ListOf(Struct([
        Field("id", Text(), "Mã chỉ số", "", True, "1.1"),
        Field("quadrant", Text(), "Nhóm", "Mã nhóm chỉ số.", True, "1"),
        Field("name", Text(), "Tên chỉ số", "", True, "Công khai, minh bạch thủ tục hành chính"),
        *(Field(level, Text(), f"Tiêu chí mức {word.lower()}", "", True) for level, word in LEVELS.items()),
    ])), "Chỉ số", "", True),
])


@dataclass(frozen=True)
class Quadrant:
    id: str
    name: str
    line: int = 1


@dataclass(frozen=True)
class Indicator:
    id: str
    quadrant: str
    name: str
    criteria: dict = field(default_factory=dict, compare=False, hash=False)   # level -> text
    line: int = 1


@dataclass
class IndicatorSet:
    """The indicator set, in the order the file writes it."""
    quadrants: list[Quadrant] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    title: str = ""
    issued_by: str = ""
    path: str = ISO18091_FILE

    def get(self, indicator_id: str | None) -> Indicator | None:
        return next((i for i in self.indicators if i.id == indicator_id), None)

    def ids(self) -> list[str]:
        return [i.id for i in self.indicators]

    def of_quadrant(self, quadrant_id: str) -> list[Indicator]:
        return [i for i in self.indicators if i.quadrant == quadrant_id]


def load_indicator_set(root: Path) -> tuple[IndicatorSet | None, list]:
    """The set when the file exists (None and no finding when it does not)."""
    findings: list = []
    if not (Path(root) / ISO18091_FILE).is_file():
        return None, findings
    located = read_yaml_file(Path(root), ISO18091_FILE, ISO18091_CONFIG, findings)
    if located is None:
        return IndicatorSet(), findings
    data = SHAPE.convert(located.data, (), Context(ISO18091_FILE, located, findings)) or {}
    found = IndicatorSet(title=data.get("title") or "", issued_by=data.get("issued_by") or "")

    def bad(keys, variant, **values):
        findings.append(ISO18091_CONFIG.finding(ISO18091_FILE, located.line(*keys), variant, **values))

    for index, item in enumerate(data.get("quadrants") or []):
        keys = ("quadrants", index)
        if _usable(item, keys, found.quadrants, bad, "quadrant"):
            found.quadrants.append(Quadrant(item["id"], item["name"], located.line(*keys)))
    quadrant_ids = {q.id for q in found.quadrants}
    for index, item in enumerate(data.get("indicators") or []):
        keys = ("indicators", index)
        if not _usable(item, keys, found.indicators, bad, "indicator"):
            continue
        if item.get("quadrant") not in quadrant_ids:
            bad(keys + ("quadrant",), "quadrant", id=item["id"], value=item.get("quadrant") or "",
                known=", ".join(sorted(quadrant_ids)) or "chưa có")
            continue
        criteria = {level: item.get(level) or "" for level in LEVELS}
        found.indicators.append(Indicator(item["id"], item["quadrant"], item["name"], criteria, located.line(*keys)))
    for quadrant in found.quadrants:
        if not found.of_quadrant(quadrant.id):
            findings.append(ISO18091_CONFIG.finding(ISO18091_FILE, quadrant.line, "empty", id=quadrant.id,
                                                    name=quadrant.name))
    return found, findings


def _usable(item: dict | None, keys: tuple, kept: list, bad, what: str) -> bool:
    """An entry with an id and a name (missing ones are already reported), its id well formed and
    not used before in the same list."""
    if not item or not item.get("id") or not item.get("name"):
        return False
    if not _ID.fullmatch(item["id"]):
        bad(keys + ("id",), "id", what=WHAT[what], value=item["id"])
        return False
    first = next((k for k in kept if k.id == item["id"]), None)
    if first is not None:
        bad(keys + ("id",), "twice", what=WHAT[what], value=item["id"], first=first.line)
        return False
    return True


WHAT = {"quadrant": "Nhóm chỉ số", "indicator": "Chỉ số"}
