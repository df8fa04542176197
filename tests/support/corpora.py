"""The fidelity corpora (see docs/fidelity.md), wrapped as controlled documents in a repository:

- stress: the CommonMark spec's examples (and the GFM spec's extension examples) of the
  constructs documents may use, each after a Vietnamese paragraph, with the spec's own HTML as
  the reference;
- openregulatory: 91 real QMS documents written by others for GitHub.

Both are read from ../shared/corpora and never copied into this repository (the templates are
CC BY-NC-SA): the repositories are built in temporary folders.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from support.repos import REPO, Repo, site_repo



def _corpora() -> Path:
    """QMS_CORPORA, else ../shared/corpora beside this clone, else the shared folder of the
    development machine (a clone elsewhere, e.g. in /tmp, still finds it)."""
    for candidate in (os.environ.get("QMS_CORPORA"), REPO.parent / "shared" / "corpora", "/work/shared/corpora"):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return REPO.parent / "shared" / "corpora"


CORPORA = _corpora()
COMMONMARK = CORPORA / "commonmark-spec" / "spec.txt"
GFM = CORPORA / "gfm-spec" / "spec.txt"
OPENREGULATORY = CORPORA / "openregulatory-templates"

# Sections of the CommonMark spec whose constructs a controlled document may use. Left out:
# raw HTML and HTML blocks (documents keep only <br> in table cells and lists in cells),
# images (the examples point at files that do not exist) and NUL characters.
SUPPORTED = {"Tabs", "Backslash escapes", "Entity and numeric character references", "Precedence",
             "Thematic breaks", "ATX headings", "Setext headings", "Indented code blocks",
             "Fenced code blocks", "Link reference definitions", "Paragraphs", "Blank lines",
             "Block quotes", "List items", "Lists", "Code spans", "Emphasis and strong emphasis",
             "Links", "Autolinks", "Hard line breaks", "Soft line breaks", "Textual content"}
GFM_EXTENSIONS = {"Tables (extension)", "Task list items (extension)", "Strikethrough (extension)",
                  "Autolinks (extension)"}
VIETNAMESE = "Đoạn văn tiếng Việt: số lượng hồ sơ, kết quả giải quyết, phần việc của Phòng Quản lý."
FENCE = "`" * 32 + " example"


@dataclass(frozen=True)
class Example:
    source: str        # 'commonmark' or 'gfm'
    number: int
    section: str
    markdown: str
    html: str


def spec_examples(path: Path, source: str) -> list[Example]:
    """Every example of a spec file (→ stands for a tab), with the section it belongs to."""
    out, section, number, lines = [], "", 0, path.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith(FENCE):
            end = lines.index("`" * 32, i + 1)
            body = lines[i + 1:end]
            dot = body.index(".")                  # a line holding one dot ends the Markdown
            markdown, html = "\n".join(body[:dot]), "\n".join(body[dot + 1:])
            number += 1
            out.append(Example(source, number, section, markdown.replace("→", "\t") + "\n",
                               (html.replace("→", "\t") + "\n") if html else ""))
            i = end + 1
            continue
        if line.startswith("## ") or line.startswith("# "):
            section = line.lstrip("#").strip()
        i += 1
    return out


def _usable(example: Example) -> bool:
    """The constructs a document may use: no raw HTML, no image, no NUL."""
    text = example.markdown
    return (not re.search(r"<[A-Za-z/!?]", text) or example.section in ("Autolinks", "Autolinks (extension)")) \
        and "![" not in text and "\0" not in text and "<img" not in example.html


def _gfm_changes(example: Example) -> bool:
    """Whether a GFM extension (autolinks of bare URLs, tables, strikethrough, task lists) gives
    this CommonMark example another meaning: the pull-request preview then differs from the
    CommonMark spec's HTML by design, and the GFM spec's extension examples cover the case."""
    from markdown_it import MarkdownIt

    from builder.markup.dialect import parser

    return MarkdownIt("commonmark").render(example.markdown) != parser().render(example.markdown)


def stress_selection() -> dict[str, int]:
    """How the spec examples were chosen, for docs/fidelity.md."""
    cm = spec_examples(COMMONMARK, "commonmark")
    supported = [e for e in cm if e.section in SUPPORTED]
    usable = [e for e in supported if _usable(e)]
    gfm = [e for e in spec_examples(GFM, "gfm") if e.section in GFM_EXTENSIONS]
    return {"commonmark examples": len(cm), "in the sections documents may use": len(supported),
            "of those without raw HTML, images or NUL": len(usable),
            "of those GFM gives another meaning (left to the GFM examples)": sum(map(_gfm_changes, usable)),
            "GFM extension examples (tables, task lists, strikethrough, autolinks)": len(gfm),
            "of those usable": sum(map(_usable, gfm))}


def stress_examples() -> list[Example]:
    cm = [e for e in spec_examples(COMMONMARK, "commonmark")
          if e.section in SUPPORTED and _usable(e) and not _gfm_changes(e)]
    gfm = [e for e in spec_examples(GFM, "gfm") if e.section in GFM_EXTENSIONS and _usable(e)]
    return cm + gfm


def controlled(code: str, title: str, body: str) -> str:
    """A body wrapped as an effective guide of the sample agency."""
    return (f"---\ncode: {code}\nkind: guide\ntitle: {json.dumps(title, ensure_ascii=False)}\nunit: VP\n"
            "revision: 1\nstatus: effective\neffective: 2026-02-02\n"
            "prepared: {by: hmduc, date: 2026-01-14}\nreviewed: {by: phthu, date: 2026-01-20}\n"
            "approved: {by: nvhai, date: 2026-01-27}\n"
            "changes:\n  - {revision: 1, date: 2026-02-02, description: Ban hành lần đầu}\n---\n" + body)


def stress_repo(root: Path) -> tuple[Repo, Path]:
    """The stress corpus as a repository, and the JSON file of the spec's HTML per code."""
    files, expected = {}, {}
    for n, e in enumerate(stress_examples(), 1):
        code = f"HD.{n:03d}"
        files[f"procedures/{code}-vi-du.md"] = controlled(
            code, f"Ví dụ {e.number} của đặc tả {e.source}: {e.section}", f"{VIETNAMESE}\n\n{e.markdown}")
        expected[code] = f"<p>{VIETNAMESE}</p>\n{e.html}"
    repo = site_repo(root, files)
    reference = root.parent / f"{root.name}-expected.json"
    reference.write_text(json.dumps(expected, ensure_ascii=False), encoding="utf-8")
    return repo, reference


def openregulatory_files() -> list[Path]:
    """The 91 documents (the corpus' own README and licence are not documents)."""
    return sorted(p for p in OPENREGULATORY.rglob("*.md") if p.parent != OPENREGULATORY)


def openregulatory_repo(root: Path) -> Repo:
    files = {}
    for n, path in enumerate(openregulatory_files(), 1):
        code = f"HD.{n:03d}"
        title = path.stem.replace("-", " ").capitalize()
        files[f"procedures/{code}-{path.stem}.md"] = controlled(code, title, path.read_text(encoding="utf-8"))
    return site_repo(root, files)
