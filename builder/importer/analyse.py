"""What a converted Word file holds: control data, sign-offs, changes, sections, citations.

Pure: AST and page header in, an Analysis out; nothing here knows about the repository
except the organisation's code patterns and positions (to recognise codes and sign-off lines).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from builder.documents.text import nfc
from builder.importer.ast import Grid, blocks_text, table_grid
from builder.importer.control import (ChangeFound, ControlInfo, SignOffFound,
                                      change_rows, control_values,
                                      is_change_title, is_control_header,
                                      record_rows, signoffs)
from builder.importer.docx_xml import PageHeader
from builder.importer.sections import Section, emphasised, structure
from builder.importer.words import (HEADER_LABELS, KIND_WORDS, is_upper,
                                    label_value, norm, starts_with_any)
from builder.legal.numbers import Citation, find_in_text, parse_number
from builder.organisation.model import Organisation

TOP_TABLES = 8
TITLE_WORDS = ("quy trinh", "huong dan", "ke hoach", "chinh sach chat luong", "muc tieu chat luong")   # the control header is among the first blocks
# Lines at the top of a form that are not its title: the agency and the national motto.
NOT_TITLE = ("cộng hòa", "cộng hoà", "độc lập", "sở ", "ủy ban", "uỷ ban", "ubnd", "bộ ", "chi cục",
             "phòng ", "trung tâm", "văn phòng", "ban ", "tỉnh ", "thành phố", "huyện", "xã ", "mã hiệu",
             "mẫu", "biểu mẫu số", "bm", "ngày ", "số:", "kính gửi")


@dataclass
class Analysis:
    control: dict[str, str] = field(default_factory=dict)
    signoffs: dict[str, SignOffFound] | None = None
    changes: list[ChangeFound] | None = None
    blocks: list = field(default_factory=list)        # the body, control tables removed
    sections: list[Section] = field(default_factory=list)
    legal: list[str] = field(default_factory=list)
    legal_problems: list[tuple[str, str]] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    records: list[dict] | None = None
    search_text: str = ""                              # page header + top of the body, for codes
    unmapped: list[tuple[str, list[str]]] = field(default_factory=list)   # (table, texts) left in the body
    all_text: str = ""


def code_regex(template_regex: re.Pattern) -> re.Pattern:
    """A code pattern (anchored, as in organisation.yml) made to find codes inside prose."""
    inner = template_regex.pattern[1:-1].replace("(?P<n>", "(?:")
    return re.compile(r"(?<![\w.])(?:" + inner + r")(?![\w]|\.\w)")


def unwrap(blocks: list) -> list:
    """Divs (comments, custom styles) hold ordinary blocks: lift them to the top level."""
    out = []
    for block in blocks:
        if block.get("t") == "Div":
            out += unwrap(block["c"][1])
        else:
            out.append(block)
    return out


def analyse(ast: dict, header: PageHeader, organisation: Organisation, form_like: bool = False) -> Analysis:
    """Control tables are found and removed first (they become front matter), then the
    remaining blocks get their section headings, from which citations, forms and records are read."""
    blocks = unwrap(ast.get("blocks", []))
    _, found_sections = structure(blocks)
    first = found_sections[0].start if found_sections else len(blocks)
    result = Analysis()
    info = ControlInfo()
    drop: set[int] = set()
    grids = {i: table_grid(b, i) for i, b in enumerate(blocks) if b.get("t") == "Table"}

    _find_changes(blocks, grids, result, drop)
    for grid in header.grids + [g for i, g in grids.items() if i < min(first, TOP_TABLES) and i not in drop]:
        values = control_values(grid)
        # a table of the Word page header holds control data by nature: one label is enough
        if is_control_header(values) or (grid.block_index is None and set(values) & set(HEADER_LABELS)):
            info.merge(values)
            if grid.block_index is not None:
                drop.add(grid.block_index)
    info.merge(_labelled_lines(header.lines))
    for i in range(first):
        block = blocks[i]
        if block.get("t") in ("Para", "Plain") and i not in drop:
            lines = [line for line in blocks_text([block]).split("\n") if line.strip()]
            pairs = [label_value(line, HEADER_LABELS) for line in lines]
            if lines and all(pairs):
                info.merge({k: v for k, v in pairs})
                drop.add(i)
    positions = [norm(name) for name in organisation.positions.values()]
    for grid in header.grids + [g for i, g in grids.items() if i not in drop]:
        found = signoffs(grid, positions)
        if found:
            result.signoffs = found.found
            if found.leftovers:           # kept in the body, word for word; the report lists them
                result.unmapped.append(("signoffs", found.leftovers))
            elif grid.block_index is not None:
                drop.add(grid.block_index)
            break
    _find_title(blocks, first, info, drop, form_like)
    result.control = info.values

    kept = [b for i, b in enumerate(blocks) if i not in drop]
    result.blocks, result.sections = structure(kept)
    top = result.sections[0].start if result.sections else len(result.blocks)
    result.search_text = "\n".join(header.lines + [c.text for g in header.grids for c in g.cells()]
                                   + [blocks_text(blocks[:first or 3])])
    result.all_text = blocks_text(result.blocks)
    _citations(result, top)
    _forms_and_records(result, organisation)
    return result


def _labelled_lines(lines: list[str]) -> dict[str, str]:
    out = {}
    for line in lines:
        pair = label_value(line, HEADER_LABELS)
        if pair and pair[1] and pair[0] not in out:
            out[pair[0]] = pair[1]
    return out


def _find_changes(blocks: list, grids: dict[int, Grid], result: Analysis, drop: set[int]) -> None:
    """The change table, with the title paragraph just before it."""
    for i, grid in grids.items():
        previous = i - 1
        while previous >= 0 and not blocks_text([blocks[previous]]).strip():
            previous -= 1
        titled = previous >= 0 and is_change_title(blocks_text([blocks[previous]]))
        found = change_rows(grid, titled)
        if found is not None:
            result.changes = found.rows
            if found.leftovers:           # a column nobody maps: the table stays in the body
                result.unmapped.append(("changes", found.leftovers))
                return
            drop.add(i)
            if titled:
                drop.add(previous)
            return


def _find_title(blocks: list, first: int, info: ControlInfo, drop: set[int], form_like: bool) -> None:
    """The title from the top of the body when the header did not give it; the paragraphs
    repeating the title above section 1 are removed (a form keeps its title in the body)."""
    start = None
    for i in range(min(first, 12)):
        if i in drop or blocks[i].get("t") not in ("Para", "Plain", "Header"):
            continue
        text = blocks_text([blocks[i]]).strip()
        folded = norm(text)
        if not folded:
            continue
        if form_like:
            if (is_upper(text) or blocks[i].get("t") == "Header") and len(text.split()) >= 2 \
                    and not nfc(text).casefold().startswith(NOT_TITLE) and not label_value(text, HEADER_LABELS):
                info.merge({"title": " ".join(text.split())})
                return
            continue
        title = info.values.get("title")
        styled = is_upper(text) or blocks[i].get("t") == "Header" or _emphasised(blocks[i])
        if styled and ((title and folded == norm(title)) or starts_with_any(folded, TITLE_WORDS)):
            start = i
            break
    if start is None:
        return
    for j in range(start):   # letterhead lines above the title: agency name, motto
        text = blocks_text([blocks[j]]).strip()
        if blocks[j].get("t") in ("Para", "Plain") and is_upper(text) and len(text) < 100:
            drop.add(j)
    parts, i = [], start
    while i < min(first, start + 4) and blocks[i].get("t") in ("Para", "Plain", "Header") and i not in drop:
        text = blocks_text([blocks[i]]).strip()
        if not text or not (i == start or is_upper(text) or blocks[i].get("t") == "Header"
                            or _emphasised(blocks[i])):
            break
        parts.append(text)
        drop.add(i)
        i += 1
    info.merge({"title": " ".join(" ".join(parts).split())})


def _citations(result: Analysis, top: int) -> None:
    """Numbers cited under 'Tài liệu viện dẫn' / 'Căn cứ' (and 'Căn cứ ...' lines above
    section 1), parsed by the project's citation parser."""
    texts = [blocks_text(result.blocks[s.start + 1:s.end]) for s in result.sections if s.key == "references"]
    texts += [blocks_text([b]) for b in result.blocks[:top] if norm(blocks_text([b])).startswith("can cu")]
    seen = set()
    for text in texts:
        for line in text.split("\n"):
            for _, candidate in find_in_text(line):
                parsed = parse_number(candidate)
                key = parsed.text if isinstance(parsed, Citation) else candidate
                if key in seen:
                    continue
                seen.add(key)
                if isinstance(parsed, Citation):
                    result.legal.append(parsed.text)
                else:
                    result.legal_problems.append((candidate, parsed.why or parsed.hint.strip()))


def _forms_and_records(result: Analysis, organisation: Organisation) -> None:
    pattern = organisation.code_pattern("form")
    form_regex = code_regex(pattern.regex) if pattern else None
    for section in result.sections:
        body = result.blocks[section.start + 1:section.end]
        if section.key == "forms" and form_regex:
            for m in form_regex.finditer(blocks_text(body)):
                if m.group(0) not in result.forms:
                    result.forms.append(m.group(0))
        if section.key == "records" and result.records is None:
            for block in body:
                if block.get("t") == "Table":
                    rows = record_rows(table_grid(block))
                    if rows is not None:
                        result.records = rows
                        break


def kind_of_title(title: str) -> str | None:
    folded = norm(title)
    for kind, phrases in KIND_WORDS.items():
        if starts_with_any(folded, phrases):
            return kind
    return None


def _emphasised(block) -> bool:
    return block.get("t") in ("Para", "Plain") and emphasised(block["c"])
