"""The kind and code of an imported document, and refusing one code for two Word files."""
from __future__ import annotations

import re
from pathlib import Path

from builder.documents.text import nfc
from builder.importer import texts as T
from builder.importer.analyse import Analysis, code_regex, kind_of_title
from builder.importer.batch import Batch, Options, source_name
from builder.importer.sources import Skip
from builder.organisation.model import Organisation


def kind_and_code(source: Path, analysis: Analysis, options: Options, batch: Batch, todo: list[str],
                  unit_hint: str | None = None):
    """Kind and code: the header's code, else one found in the page header, the top of the body
    or the file name, else the code imported before from this file, else the next free one."""
    org = batch.organisation
    raw = " ".join((analysis.control.get("code") or "").split())
    code, note = raw, T.CAPTURED["code"].format(value=raw)
    kind = options.kind or (kind_of_code(raw, org) if raw else None)
    if not code:
        code, kind_found = search_code(analysis.search_text, options.kind, org)
        note = T.CAPTURED["code"].format(value=code)
        if not code:
            code, kind_found = search_code(nfc(source.stem), options.kind, org)
            note = T.CAPTURED["code-filename"].format(value=code)
        kind = kind or kind_found
    if not kind:
        kind = kind_of_title(analysis.control.get("title", "")) or None
    if not kind:
        kind = "procedure"
        todo.append(T.TODO["kind"])
    if not code:
        previous = batch.sources.get(source_name(source))
        previous_code = code_of_path(previous, batch) if previous else None
        code = previous_code or next_code(kind, options.unit or unit_hint, batch,
                                          year_in_title(analysis.control.get("title", "")))
        note = T.CAPTURED["code-new"].format(value=code)
    return kind, code, note


def guess_kind(source: Path, analysis: Analysis, org: Organisation) -> str | None:
    """The kind the file's code (or title) says, before anything is decided."""
    code = " ".join((analysis.control.get("code") or "").split())
    if code:
        return kind_of_code(code, org)
    found = search_code(analysis.search_text, None, org)[1] or search_code(nfc(source.stem), None, org)[1]
    return found or kind_of_title(analysis.control.get("title", ""))


def kind_of_code(code: str, org: Organisation) -> str | None:
    for kind, pattern in org.codes.items():
        if pattern.regex.match(code):
            return kind
    return None


def search_code(text: str, kind: str | None, org: Organisation) -> tuple[str, str | None]:
    """The first code of the wanted kind in the text (any kind when none is wanted)."""
    kinds = [kind] if kind else list(org.codes)
    best = None
    for k in kinds:
        pattern = org.codes.get(k)
        if pattern is None:
            continue
        m = code_regex(pattern.regex).search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.group(0), k)
    return (best[1], best[2]) if best else ("", None)


def code_of_path(path: str, batch: Batch) -> str | None:
    return next((code for code, p in batch.documents.items() if p == path), None)


def year_in_title(title: str) -> int | None:
    """'Kế hoạch ... năm 2027' → 2027: the year a plan or objectives are for."""
    m = re.search(r"\bn[aă]m\s+((?:19|20)\d\d)\b", nfc(title), re.I)
    return int(m.group(1)) if m else None


def next_code(kind: str, unit: str | None, batch: Batch, year: int | None = None) -> str:
    """One more than the highest number in use (existing documents and this run); a pattern
    with {unit} needs the unit; {year} is the year the title names, else this year."""
    pattern = batch.organisation.code_pattern(kind)
    if pattern is None or ("{unit}" in pattern.template and not unit):
        return T.placeholder()
    year = year or batch.year
    if not pattern.numbered:
        return pattern.make(1, year, unit or "")
    numbers = [pattern.number_of(c, unit or "") for c in batch.used()]
    return pattern.make(max((n for n in numbers if n), default=0) + 1, year, unit or "")


def conflict(code: str, source: Path, batch: Batch) -> Skip | None:
    """The import writes only over what an import of the same Word file created, and never over
    a document in force: two Word files claiming one code, a code (read or issued) that belongs
    to a document written by hand, or a re-import over an approved document are refused."""
    name = source_name(source)
    claimed = batch.claimed.get(code)
    if claimed and claimed != name:
        path = batch.sources.get(claimed, "")
        return Skip("code-conflict", values=(("code", code), ("path", path), ("other", claimed)))
    path = batch.documents.get(code)
    other = batch.source_of.get(path or "")
    if path and other and other != name:
        return Skip("code-conflict", values=(("code", code), ("path", path), ("other", other)))
    if path and other is None:
        return Skip("code-taken", values=(("code", code), ("path", path)))
    for existing in {path, batch.sources.get(name)} - {None}:
        if existing in batch.effective:
            return Skip("effective", values=(("code", code_of_path(existing, batch) or code), ("path", existing)))
    return None
