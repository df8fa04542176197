"""Forms' Word copies written in one pandoc pass and cut apart (builder/pdf/docx_batch.py) are the
files pandoc writes for each form alone: same body, same styles, same lists, links and images.
Real pandoc, real python-docx."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx import Document as WordDocument
from support.repos import REPO as REPO_ROOT

from builder.markup.render import for_print, render_body
from builder.pdf import docx_batch
from builder.pdf.convert import Job, convert
from builder.pdf.paths import REFERENCE_DOCX

# Every construct a form body can hold, several times over so that numbering, relationships and
# media of one form could leak into another.
BODIES = [
    "*Mã hiệu: BM.01 - Lần ban hành: 02*\n\n**PHIẾU ĐỀ NGHỊ**\n\nĐơn vị: ....................\n",
    "1. một\n2. hai\n   - a\n   - b\n\n3. ba\n\nĐoạn giữa.\n\n5. năm\n6. sáu\n",
    "Xem [trang](https://example.org/x) và [mục dưới](#muc-1).\n\n## Mục 1\n\nNội dung.\n",
    "![Sơ đồ](hinh.png)\n\n- a\n- b\n\n| TT | Nội dung | Số lượng |\n|---|---|---|\n| 1 | Giấy | 10 |\n",
    "# Tiêu đề\n\nĐoạn đầu sau tiêu đề.\n\n> Trích dẫn **đậm** và *nghiêng*.\n\n```\nmã\n```\n",
    "| A | B |\n|---|---|\n| | |\n| | |\n\n1. x\n1. y\n\n[Trang khác](https://example.org/z)\n",
]


def _job(root: Path, tag: str, i: int, body: str) -> Job:
    html = for_print(render_body(body).html)
    return Job(f"F{i}", html, "", "docx", str(root / f"{tag}-{i}.docx"), str(REPO_ROOT / REFERENCE_DOCX))


def _normalised(path: Path) -> tuple:
    """The package's meaning with its arbitrary numbers (list, relationship, bookmark, drawing
    ids and media names) renumbered in order of appearance."""
    with zipfile.ZipFile(path) as archive:
        document = archive.read("word/document.xml").decode()
        numbering = archive.read("word/numbering.xml").decode()
        rels = archive.read("word/_rels/document.xml.rels").decode()
        names = sorted(n for n in archive.namelist() if not n.startswith(("docProps", "word/media/")))
        media = sorted(archive.read(n) for n in archive.namelist() if n.startswith("word/media/"))
    seen: dict = {}

    def renumber(kind):
        def replace(match):
            numbers = seen.setdefault(kind, {})
            return match.group(1) + numbers.setdefault(match.group(2), str(len(numbers))) + match.group(3)
        return replace

    for kind, pattern in [("num", r'(<w:numId w:val=")(\d+)(")'), ("rel", r'(r:(?:id|embed)=")([^"]+)(")'),
                          ("bookmark", r'(w:bookmark(?:Start|End) w:id=")(\d+)(")'),
                          ("drawing", r'(<(?:wp:docPr|pic:cNvPr)\b[^>]*?\bid=")(\d+)(")')]:
        document = re.sub(pattern, renumber(kind), document)
    nums = dict(re.findall(r'<w:num w:numId="(\d+)"[^>]*>(.*?)</w:num>', numbering, re.S))
    abstracts = dict(re.findall(r'<w:abstractNum w:abstractNumId="(\d+)"[^>]*>(.*?)</w:abstractNum>', numbering, re.S))
    lists = []
    for num in seen.get("num", {}):
        abstract = re.search(r'<w:abstractNumId w:val="(\d+)"', nums[num]).group(1)
        lists.append(re.sub(r"<w:nsid[^>]*>", "", abstracts[abstract]) + re.sub(r"<w:abstractNumId[^>]*>", "", nums[num]))
    targets = sorted(re.sub(r"media/.*", "media", t) for t in re.findall(r'Target="([^"]+)"', rels))
    return document, lists, targets, names, media


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    root = tmp_path_factory.mktemp("docx")
    (root / "hinh.png").write_bytes((REPO_ROOT / "docs" / "images" / "site-home.png").read_bytes())
    bodies = BODIES * 3
    together = [_job(root, "batch", i, body) for i, body in enumerate(bodies)]
    results = convert(together, root, workers=1)
    alone = []
    for i, body in enumerate(BODIES):
        job = _job(root, "alone", i, body)
        alone.append(job)
        assert convert([job], root, workers=1)[job.id].error is None
    return root, together, alone, results


def test_each_form_cut_from_the_batch_is_the_form_written_alone(written):
    root, together, alone, results = written
    assert all(result.error is None for result in results.values())
    for i, job in enumerate(together):
        assert _normalised(Path(job.out)) == _normalised(Path(alone[i % len(BODIES)].out)), job.id


def test_every_cut_form_opens_in_word_and_holds_only_its_own_content(written):
    _, together, _, _ = written
    for i, job in enumerate(together):
        text = "\n".join(p.text for p in WordDocument(job.out).paragraphs)
        assert "QMS-" not in text
        if i % len(BODIES) == 1:
            assert "năm" in text and "PHIẾU" not in text and "Tiêu đề" not in text
        if i % len(BODIES) == 0:
            assert text.startswith("Mã hiệu: BM.01") and "một" not in text


def test_the_first_paragraph_keeps_the_style_of_a_document_start(written):
    _, together, _, _ = written
    first = WordDocument(together[0].out).paragraphs[0]
    assert first.style.name == "First Paragraph"


def test_a_package_without_its_markers_is_an_error_not_a_wrong_file(written):
    root, together, _, _ = written
    package = Path(together[0].out).read_bytes()
    with pytest.raises(docx_batch.SplitError):
        docx_batch.split(package, "QMS-absent", 2)
