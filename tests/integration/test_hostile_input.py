"""Hostile and malformed input, by class: every bad file gives its finding on the right file
and line (exit 1 when it is an error), nothing raises, and the good controls are accepted.

Each case runs in its own copy of a small valid repository, checked in-process the way
`qms check` does (load, every rule, exit 1 on an error). Classes: missing values, resource
bombs, look-alike identifiers, out-of-range values, files, line numbers, hidden text,
obfuscated script URLs, super-linear patterns."""
from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from support.repos import BASE_FILES, TODAY, make_repo

from builder.catalog import load_catalog
from builder.documents.dates import parse_date
from builder.documents.schema import REQUIRED_WHEN_IN_FORCE, fields_for
from builder.findings.finding import has_errors
from builder.records.kinds import fields_for as record_fields_for
from builder.rules.runner import run_checks

Q = "procedures/QT.01-kiem-soat-tai-lieu.md"
F = "forms/BM.01-phieu-de-nghi.md"
K = "procedures/KH.2026-ke-hoach.md"
ORG = "site_config/organisation.yml"

DRAFTS = {
    "procedures/MTCL.2027-muc-tieu.md": "---\ncode: MTCL.2027\nkind: objectives\ntitle: Mục tiêu chất lượng năm 2027\n"
                                        "unit: VP\nrevision: 1\nstatus: draft\nyear: 2027\ntargets:\n  - id: MT.01\n"
                                        "    name: Đúng hạn\n    op: '>='\n    target: 98\n    measure: '%'\n"
                                        "    results:\n      - {period: Quý I, value: 97}\n---\nMục tiêu.\n",
    "procedures/HD.05-huong-dan.md": "---\ncode: HD.05\nkind: guide\ntitle: Hướng dẫn soạn thảo\nunit: VP\n"
                                     "revision: 1\nstatus: draft\n---\nHướng dẫn.\n",
    "procedures/QT.07-quy-trinh.md": "---\ncode: QT.07\nkind: procedure\ntitle: Quy trình thử\nunit: VP\n"
                                     "revision: 1\nstatus: draft\n---\nQuy trình.\n",
}
NULLS = ["null", "~", '""', "''", '"   "', ""]


@dataclass
class Case:
    name: str
    rule: str
    path: str
    change: Callable[[Path], None]
    marker: str | None = None       # the expected line is the first line of `path` holding it
    line: int | None = None         # or this line


def set_key(text: str, key: str, value: str) -> str:
    """The top-level `key` (with the indented block under it) rewritten as `key: value`."""
    lines, out, skipping = text.split("\n"), [], False
    for line in lines:
        if skipping and (line.startswith(" ") or line.startswith("\t")):
            continue
        skipping = False
        if line.startswith(f"{key}:"):
            out.append(f"{key}: {value}".rstrip())
            skipping = True
            continue
        out.append(line)
    return "\n".join(out)


def edit(path: str, old: str, new: str):
    def change(root: Path):
        file = root / path
        text = file.read_text(encoding="utf-8")
        assert old in text, (old, path)
        file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return change


def write(path: str, content: str | bytes):
    def change(root: Path):
        file = root / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return change


def rewrite(path: str, fn: Callable[[str], str]):
    def change(root: Path):
        file = root / path
        file.write_text(fn(file.read_text(encoding="utf-8")), encoding="utf-8")
    return change


def required_cases() -> list[Case]:
    """Every required field of every kind, null, empty and blank (and the fields required
    when a document is in force, on the effective documents)."""
    documents = dict(BASE_FILES, **DRAFTS)
    out = []
    for path, text in documents.items():
        kind = re.search(r"^kind: (\w+)", text, re.M).group(1)
        schema = record_fields_for if path.startswith("records/") else fields_for
        keys = [f.key for f in schema(kind) if f.required]
        if "status: effective" in text:
            keys += [k for k in REQUIRED_WHEN_IN_FORCE if k not in keys]
        for key in keys:
            if not re.search(rf"^{key}:", text, re.M):
                continue
            for value in NULLS:
                out.append(Case(f"{path.split('/')[-1][:12]} {key}: {value or '(trống)'}", "required-field", path,
                                rewrite(path, lambda t, k=key, v=value: set_key(t, k, v)), marker=f"{key}:"))
    return out


PAYLOAD = '<script>alert(1)</script><img src=x onerror=alert(2)>'
ALIAS_BOMB = "".join(f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}" if i else '"x"'] * 9) + "]\n" for i in range(9))
DEEP = "tthc: " + "[" * 600 + "]" * 600 + "\n"
DEEP_BLOCK = "tthc:\n" + "".join("  " * i + "- \n" for i in range(1, 40))

HOSTILE = [
    # --- resource bombs: each a finding at its line, in linear time ---------------------------------
    Case("yaml alias bomb", "yaml-limit", Q, edit(Q, "unit: VP\n", "unit: VP\n" + ALIAS_BOMB), marker="l1: &l1"),
    Case("alias of a mapping", "yaml-limit", Q, edit(Q, "unit: VP\n", "x: &a {b: 1}\ny: *a\n"), marker="y: *a"),
    Case("flow nesting 600 deep", "yaml-limit", Q, edit(Q, "unit: VP\n", "unit: VP\n" + DEEP), marker="tthc:"),
    Case("block nesting 40 deep", "yaml-limit", Q, edit(Q, "unit: VP\n", "unit: VP\n" + DEEP_BLOCK), line=None),
    Case("front matter of 300 KB", "yaml-limit", Q, edit(Q, "unit: VP\n", "unit: VP\n# " + "x" * 300_000 + "\n"),
         line=2),
    Case("30,000 values", "yaml-limit", Q, edit(Q, "unit: VP\n", "unit: VP\ntthc: [" + "a," * 30_000 + "a]\n"),
         marker="tthc:"),
    Case("file of 6 MB", "file-too-large", Q, edit(Q, "## 1. Mục đích", "## 1. Mục đích\n\n" + "chữ " * 1_600_000),
         line=1),
    # --- look-alike identifiers -----------------------------------------------------------------------
    Case("full-width digits in the code", "code-pattern", Q, edit(Q, "code: QT.01", "code: QT.０２"), marker="code:"),
    Case("Arabic-Indic digits in the code", "code-pattern", Q, edit(Q, "code: QT.01", "code: QT.٠٢"), marker="code:"),
    Case("Devanagari digits in the code", "code-pattern", Q, edit(Q, "code: QT.01", "code: QT.०२"), marker="code:"),
    Case("lower-case code folds onto another page", "page-collision", "procedures/qt.01-ban-sao.md",
         write("procedures/qt.01-ban-sao.md", "---\ncode: qt.01\nkind: procedure\ntitle: Bản sao\nunit: VP\n"
               "revision: 1\nstatus: draft\n---\nNội dung.\n"), marker="code:"),
    Case("Cyrillic letters in the code", "code-pattern", Q, edit(Q, "code: QT.01", "code: QТ.01"), marker="code:"),
    Case("full-width digits in the revision", "revision-number", Q, edit(Q, "revision: 2", "revision: ２"),
         marker="revision:"),
    Case("superscript digit in the year", "field-type", K, edit(K, "year: 2026", "year: 202⁶"), marker="year:"),
    # --- out-of-range values --------------------------------------------------------------------------
    Case("revision 99999999999", "revision-number", Q, edit(Q, "revision: 2", "revision: 99999999999"),
         marker="revision:"),
    Case("revision 1000", "revision-number", Q, edit(Q, "revision: 2", "revision: 1000"), marker="revision:"),
    Case("review_months 10^20", "field-type", Q, edit(Q, "review_months: 12", "review_months: 100000000000000000000"),
         marker="review_months:"),
    Case("review_months 0", "field-type", Q, edit(Q, "review_months: 12", "review_months: 0"),
         marker="review_months:"),
    Case("review_months 121", "field-type", Q, edit(Q, "review_months: 12", "review_months: 121"),
         marker="review_months:"),
    Case("effective 9999-12-31", "invalid-date", Q, edit(Q, "effective: 2026-02-02", "effective: 9999-12-31"),
         marker="effective:"),
    Case("effective 0001-01-01", "invalid-date", Q, edit(Q, "effective: 2026-02-02", "effective: 0001-01-01"),
         marker="effective:"),
    Case("sign-off dated 31/12/9999", "invalid-date", Q, edit(Q, "date: 2026-01-12}", "date: 31/12/9999}"),
         marker="prepared:"),
    Case("year 99999", "field-type", K, edit(K, "year: 2026", "year: 99999"), marker="year:"),
    Case("legal_update_months 99999", "field-type", ORG,
         edit(ORG, "legal_update_months: 3", "legal_update_months: 99999"), marker="legal_update_months:"),
    Case("review_months -5 in the configuration", "field-type", ORG,
         edit(ORG, "review_months: 12", "review_months: -5"), marker="review_months:"),
    Case("task due 9999-12-31", "invalid-date", K, edit(K, "due: 2026-10-31", "due: 9999-12-31"), marker="due: 9999"),
]
MT = "procedures/MTCL.2027-muc-tieu.md"
for spelling in ("nan", "NaN", "inf", "-inf", "Infinity", "1e400", "1e5", "０", "98,5,1", "0x10"):
    HOSTILE.append(Case(f"objective target {spelling}", "field-type", MT,
                        edit(MT, "target: 98", f"target: '{spelling}'"), marker="target:"))
    HOSTILE.append(Case(f"objective result {spelling}", "field-type", MT,
                        edit(MT, "value: 97}", f"value: '{spelling}'}}"), marker="- {period: Quý I"))
HOSTILE += [
    # --- files ------------------------------------------------------------------------------------------
    Case("symlink to a file outside the repository", "file-symlink", "procedures/QT.09-ngoai.md",
         lambda root: os.symlink("/etc/hostname", root / "procedures/QT.09-ngoai.md"), line=1),
    Case("dangling symlink", "file-symlink", "procedures/QT.09-mat.md",
         lambda root: os.symlink(root / "khong-co.md", root / "procedures/QT.09-mat.md"), line=1),
    Case("symlink to a folder", "file-symlink", "procedures/ngoai",
         lambda root: os.symlink("/etc", root / "procedures/ngoai"), line=1),
    Case("symlinked document folder", "file-symlink", "forms",
         lambda root: (shutil.move(root / "forms", root / "forms-that"), os.symlink(root / "forms-that", root / "forms")),
         line=1),
    Case("document saved as .MD", "file-extension", "procedures/QT.09-hoa.MD",
         write("procedures/QT.09-hoa.MD", DRAFTS["procedures/QT.07-quy-trinh.md"].replace("QT.07", "QT.09")), line=1),
    Case("document saved as .markdown", "file-extension", "procedures/QT.09-dai.markdown",
         write("procedures/QT.09-dai.markdown", DRAFTS["procedures/QT.07-quy-trinh.md"].replace("QT.07", "QT.09")),
         line=1),
    Case("document saved as .Md in a sub-folder", "file-extension", "forms/cu/BM.09.Md",
         write("forms/cu/BM.09.Md", "---\ncode: BM.09\n---\n"), line=1),
    Case("folder named like a document", "file-directory", "procedures/QT.09-thu-muc.md",
         lambda root: (root / "procedures/QT.09-thu-muc.md").mkdir(), line=1),
    Case("binary file named .md", "file-binary", "procedures/QT.09-anh.md",
         write("procedures/QT.09-anh.md", b"\x89PNG\r\n\x1a\n\x00\x00" * 50), line=1),
    Case("UTF-16 file", "file-encoding", "procedures/QT.09-utf16.md",
         write("procedures/QT.09-utf16.md", "---\ncode: QT.09\n---\nThử\n".encode("utf-16")), line=1),
    # --- line numbers point at the cause -----------------------------------------------------------------
    Case("unclosed double quote", "yaml-syntax", Q,
         edit(Q, "title: Quy trình kiểm soát thông tin dạng văn bản", 'title: "Quy trình kiểm soát thông tin'),
         marker='title: "Quy'),
    Case("unclosed single quote", "yaml-syntax", Q, edit(Q, "unit: VP", "unit: 'VP"), marker="unit: 'VP"),
    Case("unclosed bracket", "yaml-syntax", Q, edit(Q, "forms: [BM.01]", "forms: [BM.01"), marker="forms: [BM.01"),
    Case("unclosed brace", "yaml-syntax", Q, edit(Q, "prepared: {by: ntkhanh, date: 2026-01-12}",
                                                  "prepared: {by: ntkhanh, date: 2026-01-12"), marker="prepared:"),
    Case("control character in a value", "yaml-syntax", Q, edit(Q, "unit: VP", "unit: V\x07P"), marker="unit: V"),
    Case("escape character in the title", "yaml-syntax", Q, edit(Q, "title: Quy", "title: \x1b[31mQuy"),
         marker="title:"),
    Case("tab indentation", "yaml-syntax", Q, edit(Q, "  - 101/QĐ-BKHCN", "\t- 101/QĐ-BKHCN"), marker="\t- 101"),
    Case("colon inside a value", "yaml-syntax", Q, edit(Q, "unit: VP", "unit: VP: KHTC"), marker="unit: VP:"),
    Case("misaligned key", "yaml-syntax", Q, edit(Q, "unit: VP", " unit: VP"), marker=" unit: VP"),
    # --- hidden approved text ------------------------------------------------------------------------------
    Case("HTML comment in the body", "hidden-text", Q,
         edit(Q, "## 5. Nội dung", "<!-- điều khoản ẩn: không áp dụng -->\n\n## 5. Nội dung"), marker="<!--"),
    Case("inline HTML comment", "hidden-text", Q, edit(Q, "mẫu phiếu là BM.01.", "mẫu phiếu là BM.01 <!-- ẩn -->."),
         marker="<!-- ẩn"),
    Case("zero-width space", "hidden-text", Q, edit(Q, "mẫu phiếu là BM.01.", "mẫu phiếu\u200b là BM.01."),
         marker="\u200b"),
    Case("right-to-left override", "hidden-text", Q, edit(Q, "mẫu phiếu là BM.01.", "mẫu phiếu \u202eBM.01."),
         marker="\u202e"),
    Case("word joiner", "hidden-text", Q, edit(Q, "mẫu phiếu là BM.01.", "mẫu\u2060 phiếu là BM.01."), marker="\u2060"),
    Case("byte order mark inside the text", "hidden-text", Q,
         edit(Q, "mẫu phiếu là BM.01.", "mẫu \ufeffphiếu là BM.01."), marker="\ufeff"),
    # --- script, however spelt ------------------------------------------------------------------------------
    *[Case(f"script URL: {s}", "unsafe-html", Q, edit(Q, "mẫu phiếu là BM.01.", f"mẫu phiếu là {s}."), marker=s[:12])
      for s in ("[BM.01](JaVaScRiPt:alert(1))", "[BM.01](java&#x09;script:alert(1))",
                "[BM.01](&#106;avascript:alert(1))", '<a href="jav&#x61;script:alert(1)">BM.01</a>',
                '<a href=" javascript:alert(1)">BM.01</a>', '<a href="vbscript:x">BM.01</a>',
                '<a href="data:text/html;base64,PHNjcmlwdD4=">BM.01</a>', '<img src=x OnError=alert(1)>',
                "<ScRiPt>alert(1)</ScRiPt>", '<iframe srcdoc="x"></iframe>',
                '<svg><a xlink:href="javascript:alert(1)">x</a></svg>', '<object data="x.swf"></object>')],
    Case("script in the title", "unsafe-html", Q, edit(Q, "mẫu phiếu là BM.01.", f"mẫu phiếu là BM.01. {PAYLOAD}"),
         marker="<script>"),
    # --- super-linear inputs: linear time, and their finding -----------------------------------------------
    Case("3 KB of backticks around a tag", "hidden-tag", Q,
         edit(Q, "mẫu phiếu là BM.01.", "mẫu phiếu là BM.01. " + "`" * 3000 + " <ten don vi>"), marker="<ten don vi>"),
    Case("600 KB of unclosed tags, then a hidden one", "hidden-tag", Q,
         edit(Q, "mẫu phiếu là BM.01.", "mẫu phiếu là BM.01.\n\n" + "<abc " * 120_000 + "<ten don vi>"), marker="<abc "),
    Case("200 KB of brackets and an empty link", "link-target", Q,
         edit(Q, "mẫu phiếu là BM.01.", "mẫu phiếu là BM.01. " + "[a " * 60_000 + "[BM.01]()"), marker="[BM.01]()"),
]

# Inputs that look odd but are fine: accepted, no error in their file.
GOOD = [
    ("CRLF line endings", rewrite(Q, lambda t: t.replace("\n", "\r\n"))),
    ("byte order mark at the start", lambda root: (root / Q).write_bytes(b"\xef\xbb\xbf" + (root / Q).read_bytes())),
    ("decomposed Vietnamese", rewrite(Q, lambda t: t.replace("Mục đích", "Mục đi\u0301ch"))),
    ("placeholder with diacritics in angle brackets", edit(Q, "mẫu phiếu là BM.01.", "mẫu phiếu là BM.01 <tên đơn vị>.")),
    ("escaped angle brackets", edit(Q, "mẫu phiếu là BM.01.", "mẫu phiếu là BM.01 \\<ten don vi\\>.")),
    ("script tag inside backticks", edit(Q, "mẫu phiếu là BM.01.", "mẫu phiếu là BM.01; không dùng `<script>`.")),
    ("the word javascript: in prose", edit(Q, "mẫu phiếu là BM.01.", "mẫu phiếu là BM.01 (không dùng javascript: ở đây).")),
    ("a price in dollars", edit(Q, "mẫu phiếu là BM.01.", "mẫu phiếu là BM.01, giá 5 $ một bản.")),
    ("a long body (300 KB)", edit(Q, "## 5. Nội dung", "## 4. Phụ lục\n\n" + "Nội dung dài. " * 20_000 + "\n\n## 5. Nội dung")),
    ("a real HTML line break in a table", edit(Q, "| Đơn vị | 01 ngày |", "| Đơn vị<br>Phòng | 01 ngày |")),
    ("code block holding HTML", edit(Q, "## 5. Nội dung", "```\n<script>alert(1)</script>\n```\n\n## 5. Nội dung")),
    ("title with quotes and colon", edit(Q, "title: Quy trình kiểm soát thông tin dạng văn bản",
                                         "title: 'Quy trình: \"kiểm soát\" thông tin'")),
]


def all_cases() -> list[Case]:
    return required_cases() + HOSTILE


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile") / "base"
    make_repo(root, dict(BASE_FILES, **DRAFTS))
    findings = run_checks(load_catalog(root, parse_date(TODAY), with_git=False))
    assert not has_errors(findings), findings
    return root


def check(base: Path, tmp_path: Path, change) -> tuple[int, list]:
    root = tmp_path / "repo"
    shutil.copytree(base, root, symlinks=True)
    change(root)
    findings = run_checks(load_catalog(root, parse_date(TODAY), with_git=False))   # must not raise
    return (1 if has_errors(findings) else 0), findings


def expected_line(root: Path, case: Case) -> int | None:
    if case.marker is None:
        return case.line
    for number, text in enumerate((root / case.path).read_text(encoding="utf-8").split("\n"), 1):
        if case.marker in text:
            return number
    raise AssertionError(f"{case.marker!r} not in {case.path}")


def test_corpus_is_large_and_distinct():
    cases = all_cases()
    assert len(cases) >= 120
    assert len({c.name for c in cases}) == len(cases)


@pytest.mark.parametrize("case", all_cases(), ids=lambda c: c.name)
def test_hostile_input_gives_its_finding(base, tmp_path, case):
    code, findings = check(base, tmp_path, case.change)
    root = tmp_path / "repo"
    line = expected_line(root, case)
    hits = [f for f in findings if f.rule == case.rule and f.path == case.path and (line is None or f.line == line)]
    assert hits, f"expected {case.rule} at {case.path}:{line}, got {[(f.rule, f.path, f.line) for f in findings]}"
    if hits[0].severity.value == "error":
        assert code == 1


@pytest.mark.parametrize("name, change", GOOD, ids=[g[0] for g in GOOD])
def test_good_control_is_accepted(base, tmp_path, name, change):
    _, findings = check(base, tmp_path, change)
    errors = [(f.rule, f.line, f.message) for f in findings if f.severity.value == "error"
              and f.rule not in ("approval-fingerprint", "review-fingerprint")]
    assert errors == [], name
