"""Print output read back from real PDFs: real pandoc, real typst, pypdf, pypdfium2 and zxing-cpp."""
from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from datetime import date

import pytest
from support.repos import TODAY, copy_sample, make_repo
from support.pdfutil import all_text, decode_qr, flat, fonts, page_texts, reader

from builder.addresses import canonical_issue_url
from builder.catalog import load_catalog
from builder.documents.dates import parse_date
from builder.pdf import master as masters
from builder.pdf.build import ORIENTATIONS, build_site_files, render, render_pdf
from builder.pdf.convert import Job, convert
from builder.pdf.copies import master_pdf
from builder.pdf.paths import cache_dir
from builder.pdf.stamp import Stamps, _form, render_stamps, stamp
from builder.pdf.variants import Variant

# Rules whose failing case lives here (they come from the print build, not from `qms check`).

AGENCY = "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH HÒA PHONG"


def sample(root):
    """A copy of the embedded sample system (no git: the catalog reads the files alone)."""
    copy_sample(root)
    return load_catalog(root, parse_date(TODAY), with_git=False)


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    return sample(tmp_path_factory.mktemp("print") / "repo")


@pytest.fixture(scope="module")
def rendered(catalog):
    """QT.01 uncontrolled and as controlled copy 4, BM.04 (a wide form), HD.01 withdrawn."""
    qt01, bm04 = catalog.get("QT.01"), catalog.get("BM.04")
    withdrawn = replace(catalog.get("HD.01"), status="withdrawn", withdrawn=date(2026, 11, 1))
    items = [(qt01, Variant.uncontrolled()), (qt01, Variant.controlled(4, "Văn phòng Sở", date(2026, 11, 21))),
             (bm04, Variant.uncontrolled()), (withdrawn, Variant.withdrawn(since=withdrawn.withdrawn))]
    out, _, findings = render(items, catalog)
    assert findings == []
    return dict(zip(("qt01", "copy", "bm04", "withdrawn"), (r.pdf for r in out)))


def plain_paragraphs(body: str) -> list[str]:
    """Body paragraphs without Markdown markup, as a reader sees them."""
    out = []
    for block in body.split("\n\n"):
        text = block.strip()
        if text and not re.match(r"^(#|\||-|\d+\.|>|!|\*)", text) and not re.search(r"[*_`\[\]<>]", text):
            out.append(text)
    return out


def test_first_page_has_the_control_header(rendered, catalog):
    pages = page_texts(rendered["qt01"])
    first = pages[0]
    for text in (AGENCY, "QUY TRÌNH", "Quy trình kiểm soát thông tin dạng văn bản", "Mã hiệu: QT.01",
                 "Lần ban hành: 03", "Ngày hiệu lực: 02/02/2026", f"Trang 1/{len(pages)}"):
        assert text in first, text
    assert f"Trang 2/{len(pages)}" in pages[1] and f"Trang {len(pages)}/{len(pages)}" in pages[-1]


def test_signoff_block_change_table_and_forms(rendered, catalog):
    first = page_texts(rendered["qt01"])[0]
    for text in ("Soạn thảo", "Xem xét", "Phê duyệt", "Nguyễn Thị Khánh", "Chuyên viên", "Lê Thành Minh",
                 "Giám đốc", "12/01/2026", "26/01/2026", "THEO DÕI SỬA ĐỔI TÀI LIỆU", "Ban hành lần đầu",
                 "BIỂU MẪU KÈM THEO"):
        assert text in first, text
    assert first.count("✓ Hợp lệ (khóa SHA256:") == 3          # each sign-off's signature verifies
    for code in catalog.get("QT.01").forms:
        assert f"{code} {catalog.get(code).title}" in first


def test_vietnamese_text_equals_the_source_after_nfc(rendered, catalog):
    text = all_text(rendered["qt01"])
    paragraphs = plain_paragraphs(catalog.get("QT.01").body)
    assert len(paragraphs) >= 5
    for paragraph in paragraphs:
        assert flat(paragraph) in text, paragraph


def test_every_font_is_embedded(rendered):
    for name, pdf in rendered.items():
        used = fonts(pdf)
        assert used, name
        assert all(used.values()), (name, used)


def test_metadata_names_the_issue(rendered):
    meta = reader(rendered["qt01"]).metadata
    assert meta.title == "Quy trình kiểm soát thông tin dạng văn bản"
    assert meta.subject == "QT.01 - Lần ban hành 03 - Hiệu lực 02/02/2026"
    assert reader(rendered["copy"]).metadata.subject.endswith(" - Bản kiểm soát số 04 - Văn phòng Sở")


def test_each_variant_carries_its_stamp_on_every_page(rendered):
    for page in page_texts(rendered["qt01"]):
        assert "TÀI LIỆU KHÔNG KIỂM SOÁT KHI IN" in page and "BẢN KIỂM SOÁT" not in page
    for page in page_texts(rendered["copy"]):
        assert "BẢN KIỂM SOÁT" in page and "Số bản: 04" in page and "Đơn vị nhận: Văn phòng Sở" in page
        assert "Ngày cấp: 21/11/2026" in page and "KHÔNG KIỂM SOÁT" not in page
    for page in page_texts(rendered["withdrawn"]):
        assert "HẾT HIỆU LỰC" in page and "Từ ngày 01/11/2026" in page


def test_controlled_copy_is_the_master_with_a_stamp(rendered):
    """Same pages and same text: the copy is not a new render of the document."""
    master, copy = page_texts(rendered["qt01"]), page_texts(rendered["copy"])
    assert len(master) == len(copy)
    strip = lambda t: t.split("TÀI LIỆU KHÔNG KIỂM SOÁT")[0].split("BẢN KIỂM SOÁT")[0]  # noqa: E731
    assert [strip(p) for p in master] == [strip(p) for p in copy]


def test_qr_code_on_every_page_opens_the_issue_page(rendered, catalog):
    url = canonical_issue_url(catalog.organisation.base_url, "QT.01", 3)
    assert url == "https://iso.skhcn.hoaphong.gov.vn/tai-lieu/qt-01/lan-03/"
    pdf = rendered["copy"]
    assert decode_qr(pdf, 0) == [url]
    assert decode_qr(pdf, len(reader(pdf).pages) - 1) == [url]


def test_wide_form_goes_landscape_and_keeps_its_columns(rendered):
    page = reader(rendered["bm04"]).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)
    text = page_texts(rendered["bm04"])[0]
    columns = ["STT", "Mã hiệu", "Tên tài liệu", "Lần ban hành", "Ngày hiệu lực", "Bản số", "Đơn vị nhận",
               "Ngày nhận", "Ngày thu hồi bản cũ", "Người thu hồi"]
    positions = [text.find(c, text.find("Năm:")) for c in columns]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    assert "Lần ban hành: 02" in text and "Trang 1/1" in text


def test_superseded_issue_renders_from_the_old_document(catalog):
    """What the history pages will do: the old Document, the 'HẾT HIỆU LỰC' variant."""
    old = replace(catalog.get("QT.01"), revision=2, effective=date(2025, 9, 15))
    pdf, findings = render_pdf(old, catalog, Variant.withdrawn(since=date(2026, 2, 2), replaced_by=3))
    assert findings == []
    first = page_texts(pdf)[0]
    assert "Lần ban hành: 02" in first and "HẾT HIỆU LỰC" in first and "Đã thay thế bởi lần ban hành 03" in first
    assert decode_qr(pdf, 0) == [canonical_issue_url(catalog.organisation.base_url, "QT.01", 2)]


def test_site_files_and_cache(tmp_path):
    """Every printed document gets a PDF, forms a DOCX; an unchanged document is never rendered again."""
    catalog = sample(tmp_path / "repo")
    site = tmp_path / "site"
    assert build_site_files(catalog, site) == []
    printed = [d for d in catalog.documents if d.status in ("effective", "withdrawn")]
    for doc in printed:
        assert (site / "tai-lieu" / doc.code.lower().replace(".", "-") / f"{doc.code}.pdf").is_file(), doc.code
    docx = site / "tai-lieu" / "bm-04" / "BM.04.docx"
    with zipfile.ZipFile(docx) as z:
        assert "Mã hiệu: BM.04 - Lần ban hành: 02" in z.read("word/document.xml").decode("utf-8")

    stamped = cache_dir(catalog.root, "stamped")
    unchanged = {p.name: p.stat().st_mtime_ns for p in stamped.iterdir()}
    assert build_site_files(load_catalog(catalog.root, parse_date(TODAY), with_git=False), tmp_path / "s") == []
    assert {p.name: p.stat().st_mtime_ns for p in stamped.iterdir()} == unchanged   # nothing stamped again

    pdfs = cache_dir(catalog.root, "pdf")
    before = {p.name: p.stat().st_mtime_ns for p in pdfs.iterdir()}
    assert len(before) == len(printed)
    path = catalog.root / catalog.get("QT.02").path
    path.write_text(path.read_text(encoding="utf-8") + "\nĐoạn bổ sung.\n", encoding="utf-8")
    again = load_catalog(catalog.root, parse_date(TODAY), with_git=False)
    assert build_site_files(again, tmp_path / "site2") == []
    after = {p.name: p.stat().st_mtime_ns for p in pdfs.iterdir()}
    new, gone = set(after) - set(before), set(before) - set(after)
    assert len(new) == 1 and next(iter(new)).startswith("qt-02-lan-02-")
    assert len(gone) == 1 and next(iter(gone)).startswith("qt-02-lan-02-")   # one master per issue
    assert all(after[name] == before[name] for name in set(before) & set(after))


def test_rendering_failure_is_a_finding_not_a_crash(tmp_path):
    catalog = sample(tmp_path / "repo")
    path = catalog.root / catalog.get("QT.03").path
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n![Lưu đồ](hinh/luu-do-khong-co.png)\n", encoding="utf-8")
    catalog = load_catalog(catalog.root, parse_date(TODAY), with_git=False)
    site = tmp_path / "site"
    findings = build_site_files(catalog, site)
    assert [(f.rule, f.path) for f in findings] == [("pdf-render", "procedures/QT.03-xem-xet-cua-lanh-dao.md")]
    line = path.read_text(encoding="utf-8").split("\n").index("![Lưu đồ](hinh/luu-do-khong-co.png)") + 1
    assert findings[0].line == line
    assert "QT.03" in findings[0].message and "luu-do-khong-co.png" in findings[0].message
    assert (site / "tai-lieu" / "qt-01" / "QT.01.pdf").is_file()
    assert not (site / "tai-lieu" / "qt-03" / "QT.03.pdf").exists()


def test_missing_template_is_a_finding(tmp_path):
    catalog = sample(tmp_path / "repo")
    (catalog.root / "site_config" / "print" / "tai-lieu.typ").unlink()
    findings = build_site_files(catalog, tmp_path / "site")
    assert [(f.rule, f.path) for f in findings] == [("pdf-render", "site_config/print/tai-lieu.typ")]


def test_cache_key_follows_the_template(tmp_path):
    """Editing the print template re-renders the masters; nothing else changed keeps the key."""
    catalog = sample(tmp_path / "repo")
    key = masters.Planner(catalog).pdf(catalog.get("QT.01")).key
    assert masters.Planner(catalog).pdf(catalog.get("QT.01")).key == key
    template = catalog.root / "site_config" / "print" / "tai-lieu.typ"
    template.write_text(template.read_text(encoding="utf-8") + "// lề trái 35 mm\n", encoding="utf-8")
    assert masters.Planner(catalog).pdf(catalog.get("QT.01")).key != key


def test_mkdocs_build_publishes_pdfs_and_links_them(tmp_path):
    """The plugin's post-build writes the files; the manifest and the pages point at them."""
    import json

    from support.repos import mkdocs_build, site_repo

    repo = site_repo(tmp_path / "repo")
    result = mkdocs_build(repo.root)
    assert result.returncode == 0, result.stderr
    site = repo.root / "site"
    entries = {d["code"]: d for d in json.loads((site / "manifest.json").read_text(encoding="utf-8"))["documents"]}
    assert entries["QT.01"]["pdf"] == "tai-lieu/qt-01/QT.01.pdf" and entries["QT.01"]["docx"] is None
    assert entries["BM.01"]["docx"] == "tai-lieu/bm-01/BM.01.docx"
    for entry in entries.values():
        assert (site / entry["pdf"]).read_bytes().startswith(b"%PDF")
    page = (site / "tai-lieu" / "qt-01" / "index.html").read_text(encoding="utf-8")
    assert 'href="QT.01.pdf"' in page and "Sổ theo dõi phân phối" in page
    assert "Bản PDF" in page or ">PDF<" in page
    form = (site / "tai-lieu" / "bm-01" / "index.html").read_text(encoding="utf-8")
    assert 'href="BM.01.docx"' in form and 'href="BM.01.pdf"' in form


def test_mkdocs_build_stops_on_a_rendering_failure(tmp_path):
    from support.repos import mkdocs_build, site_repo

    repo = site_repo(tmp_path / "repo")
    assert mkdocs_build(repo.root).returncode == 0
    before = (repo.root / "site" / "manifest.json").read_bytes()
    template = "site_config/print/tai-lieu.typ"
    repo.write(template, repo.read(template).replace("#let layout(data, qr, body) = {", "#let layout(data, qr, body) = {\n  #"))
    result = mkdocs_build(repo.root)
    assert result.returncode != 0 and "[pdf-render]" in result.stderr and "Traceback" not in result.stderr
    assert (repo.root / "site" / "manifest.json").read_bytes() == before


def test_a_form_kept_in_its_original_word_file_is_downloaded_as_that_file(tmp_path):
    """`qms import` keeps the .docx of a form whose layout Markdown cannot hold; the site's
    'Word' download of that form is the original file, byte for byte, not a conversion."""
    from docx import Document as WordDocument

    repo = make_repo(tmp_path / "repo")
    original = tmp_path / "BM.01.docx"
    word = WordDocument()
    word.add_paragraph("PHIẾU ĐỀ NGHỊ (bản Word gốc có ô gộp)")
    word.save(original)
    repo.write("forms/attachments/BM.01.docx", original.read_bytes())
    repo.edit("forms/BM.01-phieu-de-nghi.md", "procedure: QT.01\n",
              "procedure: QT.01\nattachment: attachments/BM.01.docx\n")
    catalog = load_catalog(repo.root, parse_date(TODAY), with_git=False)
    site = tmp_path / "site"
    assert build_site_files(catalog, site) == []
    assert (site / "tai-lieu" / "bm-01" / "BM.01.docx").read_bytes() == original.read_bytes()
    assert (site / "tai-lieu" / "bm-01" / "BM.01.pdf").is_file()


def test_wide_table_in_a_procedure_turns_only_its_pages(catalog):
    """A 9-column table in the middle of a procedure: its page is landscape, the pages around it
    stay portrait, and every page keeps the running header, the stamp and the QR code."""
    wide = ("\n\n## 8. Bảng theo dõi\n\n| " + " | ".join(f"Cột {i}" for i in range(1, 10)) + " |\n|"
            + "---|" * 9 + "\n| " + " | ".join(f"ô {i}" for i in range(1, 10)) + " |\n\n"
            "## 9. Điều khoản thi hành\n\nĐoạn sau bảng rộng.\n")
    qt02 = catalog.get("QT.02")
    doc = replace(qt02, body=qt02.body + wide, cache={})
    pdf, findings = render_pdf(doc, catalog, Variant.uncontrolled())
    assert findings == []
    pages, texts = reader(pdf).pages, page_texts(pdf)
    landscape = [float(p.mediabox.width) > float(p.mediabox.height) for p in pages]
    table_page = next(i for i, t in enumerate(texts) if "Cột 9" in t)
    assert landscape[table_page] and not landscape[0]
    assert "8. Bảng theo dõi" in texts[table_page]   # the heading goes with its table
    assert not landscape[next(i for i, t in enumerate(texts) if "Đoạn sau bảng rộng" in t)]
    assert landscape.count(True) == 1
    for index, text in enumerate(texts):
        assert "TÀI LIỆU KHÔNG KIỂM SOÁT KHI IN" in text and f"Trang {index + 1}/{len(pages)}" in text
    assert decode_qr(pdf, table_page) == [canonical_issue_url(catalog.organisation.base_url, "QT.02", doc.revision)]


@pytest.fixture(scope="module")
def front_matter_documents(catalog):
    """The plan and the objectives: their content lives in the front matter, not in the body."""
    items = [(catalog.get(c), Variant.uncontrolled()) for c in ("KH.2026", "MTCL.2026")]
    out, _, findings = render(items, catalog)
    assert findings == []
    return {c: squeeze(all_text(r.pdf)) for c, r in zip(("KH.2026", "MTCL.2026"), out)}


def squeeze(text: str) -> str:
    """Text without spaces: a table cell wraps its words at other places than the source."""
    return re.sub(r"\s+", "", text)


def test_plan_prints_every_task_with_period_and_unit(front_matter_documents, catalog):
    plan, org = catalog.get("KH.2026"), catalog.organisation
    text = front_matter_documents["KH.2026"]
    assert len(plan.tasks) >= 5
    for task in plan.tasks:
        assert squeeze(task.content) in text, task.content
        assert squeeze(task.period) in text, task.period
        assert squeeze(org.unit_names(task.units)) in text, task.units


def test_objectives_print_every_target_and_result(front_matter_documents, catalog):
    from builder.structured import measured

    objectives = catalog.get("MTCL.2026")
    text = front_matter_documents["MTCL.2026"]
    assert len(objectives.targets) >= 3 and sum(len(t.results) for t in objectives.targets) >= 3
    for target in objectives.targets:
        assert squeeze(target.name) in text, target.name
        assert squeeze(f"{target.op} {measured(target.target, target.measure)}") in text, target.name
        for result in target.results:
            assert squeeze(f"{result.period}: {measured(result.value, target.measure)}") in text, result


STEPS = ("<table><thead><tr><th>Bước</th><th>Nội dung công việc</th><th>Số hồ sơ</th><th>Ghi chú</th></tr></thead>"
         "<tbody><tr><td>B1</td><td>Tiếp nhận, kiểm tra tính đầy đủ và hợp lệ của hồ sơ; hướng dẫn bổ sung khi "
         "thiếu</td><td>1.250</td><td></td></tr><tr><td>B2</td><td>Thẩm định</td><td>98,5%</td><td></td></tr>"
         "</tbody></table>")


def test_print_tables_align_text_left_numbers_right_and_size_columns_by_content(tmp_path):
    """Text columns left, number columns right (never all centred); the long step column is the
    widest, the code column at least as wide as its header word; an empty column keeps room."""
    typst = convert([Job("t", STEPS, str(tmp_path))], tmp_path)["t"].typst
    align = re.search(r"align: \(([^)]*)\)", typst).group(1).replace(" ", "").rstrip(",").split(",")
    assert align == ["left", "left", "right", "left"], align
    widths = [float(w) for w in re.findall(r"([\d.]+)%", re.search(r"columns: \(([^)]*)\)", typst).group(1))]
    assert widths.index(max(widths)) == 1 and min(widths) >= 100 * (len("Bước") + 2) / 75 - 0.5, widths
    assert widths[3] >= 15, widths


def test_a_bold_part_title_of_a_form_stays_with_its_content(catalog):
    """BM.11's "PHẦN C. XÁC NHẬN HIỆU LỰC" used to stand alone at the foot of page 1."""
    pdf, findings = render_pdf(catalog.get("BM.11"), catalog, Variant.uncontrolled())
    assert findings == []
    pages = page_texts(pdf)
    title = next(i for i, text in enumerate(pages) if "PHẦN C. XÁC NHẬN HIỆU LỰC" in text)
    assert "Kết quả kiểm tra" in pages[title]


class _CopiedForm:
    """The stamp's Form XObject copied object by object into each copy's update (what stamping
    did before the form was written out once): the reference for the test below."""

    def __init__(self, page, source):
        self.page, self.source = page, source

    def add_to(self, update):
        return _form(self.page, self.source, update)


def test_a_stamp_written_once_gives_the_bytes_of_one_copied_for_each_copy(catalog, monkeypatch):
    """Stamps.form writes each stamp out once and numbers it into every copy; the copies must be
    byte for byte those made by copying the stamp into each, for masters of different sizes and
    orientations, whichever copy comes first."""
    variants = [Variant.uncontrolled(), Variant.controlled(7, "Phòng <Kế hoạch> & Tài chính", date(2026, 11, 21)),
                Variant.withdrawn(since=date(2026, 11, 1), replaced_by=4)]
    pdfs = [master_pdf(catalog.get(code), catalog) for code in ("QT.01", "BM.04", "HD.01")]
    assert any(len(reader(m).pages) > 1 for m in pdfs)
    once = render_stamps(catalog.root, variants, ORIENTATIONS)
    made = [stamp(m, once, i, ORIENTATIONS, {"/Subject": "x"}) for m in pdfs for i in range(len(variants))]
    monkeypatch.setattr(Stamps, "form", lambda self, position: _CopiedForm(self.reader.pages[position], self.reader))
    copied = render_stamps(catalog.root, variants, ORIENTATIONS)
    reference = [stamp(m, copied, i, ORIENTATIONS, {"/Subject": "x"}) for m in pdfs for i in range(len(variants))]
    assert made == reference
    assert "Phòng <Kế hoạch> & Tài chính" in page_texts(made[1])[0]
