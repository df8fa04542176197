"""`qms import`: real Word files (python-docx) converted by the real pandoc, no mocks."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from support.repos import TODAY
from support.docx_factory import PEOPLE, Procedure, agency_docx, form_docx

from builder.catalog import load_catalog
from builder.cli.main import main
from builder.documents.dates import parse_date
from builder.documents.loader import parse_document
from builder.importer.batch import Options
from builder.importer.markdown import Writer
from builder.importer.run import import_files
from builder.importer.sources import collect, sniff
from builder.importer.words import find_date, sentence_case

QT09 = "procedures/QT.09-quy-trinh-tiep-nhan-va-xu-ly-phan-anh-kien-nghi.md"
BM02 = "forms/BM.02-so-theo-doi-phan-anh-kien-nghi.md"


def load(repo, rel):
    doc, findings = parse_document(rel, (repo.root / rel).read_bytes())
    assert doc is not None, findings
    return doc


def tree(root: Path) -> dict[str, bytes]:
    """Every file of the document folders, for before/after comparisons."""
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for folder in ("procedures", "forms") for p in sorted((root / folder).rglob("*")) if p.is_file()}


def run_import(repo, *args):
    result = repo.qms("import", *map(str, args))
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def word(tmp_path) -> Path:
    """A folder of Word files as an agency hands them over: one procedure and its form."""
    folder = tmp_path / "word"
    Procedure().save(folder / "QT09 Tiep nhan PAKN.docx")
    form_docx(folder / "BM02.docx")
    return folder


def test_procedure_front_matter_body_and_form(repo, word):
    result = run_import(repo, word)
    assert result.exit_code == 0, result.output
    doc = load(repo, QT09)
    assert (doc.code, doc.kind, doc.unit, doc.revision, doc.status) == ("QT.09", "procedure", "VP", 2, "draft")
    assert doc.title == "Quy trình tiếp nhận và xử lý phản ánh, kiến nghị"
    assert doc.effective == parse_date("2026-03-15")
    assert {k: (s.by, s.date.isoformat()) for k, s in doc.signoffs.items()} == {
        "prepared": ("ntkhanh", "2026-03-01"), "reviewed": ("phthu", "2026-03-05"),
        "approved": ("ltminh", "2026-03-10")}
    assert [(c.revision, c.date.isoformat(), c.section, c.description) for c in doc.changes] == [
        (1, "2024-03-01", "Toàn bộ", "Ban hành lần đầu"), (2, "2026-03-15", "Mục 5", "Bổ sung bước phân loại phản ánh")]
    assert doc.legal_basis == ["19/2014/QĐ-TTg", "30/2020/NĐ-CP"]
    assert doc.forms == ["BM.02"]
    assert [(r.name, r.keeper, r.retention) for r in doc.records] == [("Sổ theo dõi phản ánh, kiến nghị", "VP", "05 năm")]

    body = doc.body
    headings = [line for line in body.split("\n") if line.startswith("#")]
    assert headings == ["## 1. Mục đích", "## 2. Phạm vi áp dụng", "## 3. Tài liệu viện dẫn",
                        "## 4. Định nghĩa và từ viết tắt", "## 5. Nội dung quy trình", "### 5.1. Trình tự thực hiện",
                        "## 6. Biểu mẫu", "## 7. Hồ sơ cần lưu"]
    # the merged 'Trách nhiệm' cell reads in both steps it covers; the note spans the table once
    assert "| B2 | Phân loại, chuyển phòng chuyên môn | Phòng chuyên môn | 01 ngày |  |" in body
    assert "| B3 | Xem xét, đề xuất xử lý | Phòng chuyên môn | 05 ngày | Dự thảo văn bản trả lời |" in body
    assert "| Ghi chú: thời gian tính theo ngày làm việc |  |  |  |  |" in body
    # control header, sign-off grid and change table were captured, so removed from the body
    for gone in ("Mã hiệu:", "Lần ban hành", "Soạn thảo", "Phê duyệt", "THEO DÕI", "SỞ KHOA HỌC"):
        assert gone not in body
    assert "![](media/qt-09/image1.png)" in body
    assert (repo.root / "procedures/media/qt-09/image1.png").is_file()

    form = load(repo, BM02)
    assert (form.code, form.kind, form.procedure, form.unit, form.title) == (
        "BM.02", "form", "QT.09", "VP", "Sổ theo dõi phản ánh, kiến nghị")
    assert form.front_matter["attachment"] == "attachments/BM.02.docx"   # merged cells: keep the original
    assert (repo.root / "forms/attachments/BM.02.docx").read_bytes() == (word / "BM02.docx").read_bytes()
    assert "[BM.02.docx](attachments/BM.02.docx)" in form.body

    out = result.output
    assert "Phê duyệt: Lê Thành Minh (Giám đốc) → ltminh" in out
    assert "Tổng hợp nhập tài liệu" in out and "Đã nhập 2/2 tệp; 0 tệp bị bỏ qua." in out
    assert "[placeholder]" in out   # the form's issue data is not in the Word file


@pytest.mark.parametrize("header, signoff, sections", [
    ("page", "rows", "headings"), ("columns", "names", "bold"), ("body", "rows", "bold"),
    ("page", "names", "headings"), ("columns", "columns", "headings")])
def test_common_layouts_give_the_same_front_matter(repo, tmp_path, header, signoff, sections):
    source = Procedure(header=header, signoff=signoff, sections=sections, forms=()).save(tmp_path / "QT09.docx")
    [result] = import_files(repo.root, [source], Options(), parse_date(TODAY))
    assert result.skip is None
    doc = load(repo, result.plan.path)
    assert (doc.code, doc.revision, doc.effective.isoformat(), doc.unit) == ("QT.09", 2, "2026-03-15", "VP")
    assert doc.title == "Quy trình tiếp nhận và xử lý phản ánh, kiến nghị"
    assert {k: s.by for k, s in doc.signoffs.items()} == {"prepared": "ntkhanh", "reviewed": "phthu",
                                                          "approved": "ltminh"}
    assert doc.signoffs["approved"].date.isoformat() == "2026-03-10"
    assert len(doc.changes) == 2 and "## 7. Hồ sơ cần lưu" in doc.body
    assert result.findings == []


def test_placeholders_then_check_passes_once_filled(repo, tmp_path):
    people = [PEOPLE[0], ("Trần Văn Bình", "Phó Giám đốc", "05/3/2026"), PEOPLE[2]]
    source = Procedure(people=people, changes=False, forms=()).save(tmp_path / "QT09.docx")
    result = run_import(repo, source)
    assert result.exit_code == 0
    assert "Trần Văn Bình" in result.output and "organisation.yml" in result.output
    assert "Theo dõi sửa đổi tài liệu" in result.output
    text = repo.read(QT09)
    assert 'reviewed: {by: "CẦN ĐIỀN (Trần Văn Bình, Phó Giám đốc)", date: 2026-03-05}' in text
    code, findings = repo.findings()
    assert code == 1 and {f["rule"] for f in findings} == {"placeholder"}
    assert {f["path"] for f in findings} == {QT09}

    repo.edit(QT09, '"CẦN ĐIỀN (Trần Văn Bình, Phó Giám đốc)"', "nvhai")
    repo.edit(QT09, 'date: "CẦN ĐIỀN"', "date: 2024-03-01")
    repo.edit(QT09, 'description: "CẦN ĐIỀN"', 'description: "Bổ sung bước phân loại"')
    assert repo.findings() == (0, [])


def test_status_effective_needs_the_signoffs_of_the_file(repo, tmp_path):
    complete = Procedure(forms=()).save(tmp_path / "a" / "QT09.docx")
    result = run_import(repo, complete, "--status", "effective")
    assert result.exit_code == 0 and "status: effective" in repo.read(QT09)
    assert "qms approve QT.09" in result.output
    assert repo.qms("approve", "QT.09", "--by", "ltminh", "--date", "2026-03-10").exit_code == 0
    assert repo.findings() == (0, [])

    unsigned = Procedure(code="QT.10", signoff="none", forms=()).save(tmp_path / "b" / "QT10.docx")
    result = run_import(repo, unsigned, "--status", "effective")
    assert "status: draft" in repo.read("procedures/QT.10-quy-trinh-tiep-nhan-va-xu-ly-phan-anh-kien-nghi.md")
    assert "dự thảo (status: draft) dù có --status effective" in result.output


def test_batch_reports_bad_files_and_imports_the_rest(repo, word):
    good = (word / "QT09 Tiep nhan PAKN.docx").read_bytes()
    (word / "hong.docx").write_bytes(good[: len(good) // 2])                     # cut short
    (word / "ghi-chu.docx").write_text("Không phải Word", encoding="utf-8")       # a text file
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    (word / "mat-khau.docx").write_bytes(ole + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512)
    (word / "~$QT09.docx").write_bytes(b"lock")                                   # Word's lock file: ignored
    old_doc = word.parent / "QT03.doc"
    old_doc.write_bytes(ole + "WordDocument".encode("utf-16-le"))
    before = tree(repo.root)

    result = run_import(repo, word, old_doc)
    assert result.exit_code == 1
    out = result.output
    assert "Tệp .docx bị hỏng" in out
    assert "Không phải tệp Word (.docx)" in out
    assert "có đặt mật khẩu" in out
    assert "Word 97-2003 (.doc)" in out
    assert "~$QT09" not in out
    assert "Đã nhập 2/6 tệp; 4 tệp bị bỏ qua." in out
    written = set(tree(repo.root)) - set(before)
    assert written == {QT09, BM02, "procedures/media/qt-09/image1.png", "forms/attachments/BM.02.docx"}
    assert not any(".tmp" in p or ".building" in p for p in tree(repo.root))


def test_import_twice_gives_the_same_result(repo, word):
    Procedure(code=None, title="QUY TRÌNH GIẢI QUYẾT KHIẾU NẠI", forms=()).save(word / "khieu-nai.docx")
    assert run_import(repo, word).exit_code == 0
    first = tree(repo.root)
    assert "code: QT.10" in first["procedures/QT.10-quy-trinh-giai-quyet-khieu-nai.md"].decode()
    assert run_import(repo, word).exit_code == 0
    assert tree(repo.root) == first

    # the Word file changes (no picture any more): the same document is rewritten, nothing stale stays
    Procedure(image=False).save(word / "QT09 Tiep nhan PAKN.docx")
    assert run_import(repo, word).exit_code == 0
    after = tree(repo.root)
    assert set(after) == set(first) - {"procedures/media/qt-09/image1.png"}
    assert "media/" not in after[QT09].decode()


def test_same_code_in_two_files_is_refused(repo, tmp_path):
    Procedure(forms=()).save(tmp_path / "w" / "a.docx")
    Procedure(forms=(), title="QUY TRÌNH KHÁC").save(tmp_path / "w" / "b.docx")
    result = run_import(repo, tmp_path / "w")
    assert result.exit_code == 1
    assert "Mã hiệu QT.09 đã là của tài liệu" in result.output
    assert len(list((repo.root / "procedures").glob("QT.09-*.md"))) == 1


def test_form_layout_decides_the_attachment(repo, tmp_path):
    plain = form_docx(tmp_path / "BM02.docx", merged=False)
    wide = form_docx(tmp_path / "BM03.docx", code="BM.03", merged=False, landscape=True)
    result = run_import(repo, plain, wide, "--kind", "form", "--procedure", "QT.01")
    assert result.exit_code == 0, result.output
    assert "attachment" not in repo.read(BM02)
    assert "trang ngang" in result.output
    assert (repo.root / "forms/attachments/BM.03.docx").is_file()
    assert not (repo.root / "forms/attachments/BM.02.docx").exists()


def test_out_folder_and_usage_errors(repo, word):
    result = run_import(repo, word / "BM02.docx", "--out", "nhap-tu-word", "--procedure", "QT.01")
    assert result.exit_code == 0
    assert (repo.root / "forms/nhap-tu-word/BM.02-so-theo-doi-phan-anh-kien-nghi.md").is_file()
    assert repo.qms("import", str(word), "--unit", "ZZ").exit_code == 2
    assert repo.qms("import", str(word), "--status", "active").exit_code == 2
    assert repo.qms("import", str(word.parent / "khong-co")).exit_code == 1
    assert CliRunner().invoke(main, ["import", "--help"]).exit_code == 0


def test_step_names_are_not_a_signoff_grid(repo, tmp_path):
    """A step table whose steps are called 'Soạn thảo', 'Xem xét', 'Phê duyệt' stays in the body."""
    from docx import Document
    from support.docx_factory import bold, fill

    doc = Document()
    doc.add_paragraph("Mã hiệu: QT.09")
    doc.add_paragraph("Lần ban hành: 01")
    bold(doc, "QUY TRÌNH SOẠN THẢO VĂN BẢN")
    bold(doc, "5. NỘI DUNG QUY TRÌNH")
    steps = doc.add_table(rows=4, cols=3)
    fill(steps, [["Bước", "Công việc", "Trách nhiệm"], ["B1", "Soạn thảo", "Chuyên viên phòng"],
                 ["B2", "Xem xét", "Lãnh đạo phòng"], ["B3", "Phê duyệt", "Giám đốc Sở"]])
    doc.save(tmp_path / "QT09.docx")
    [result] = import_files(repo.root, [tmp_path / "QT09.docx"], Options(), parse_date(TODAY))
    body = load(repo, result.plan.path).body
    assert "| B3 | Phê duyệt | Giám đốc Sở |" in body
    assert "Không tìm thấy bảng ký duyệt" in "\n".join(result.plan.todo)
    assert load(repo, result.plan.path).title == "Quy trình soạn thảo văn bản"


def test_site_publishes_images_and_original_forms(tmp_path):
    """The real `mkdocs build`: an imported document's picture is served beside its page."""
    from support.repos import mkdocs_build, site_repo

    repo = site_repo(tmp_path / "repo")
    run_import(repo, Procedure(forms=()).save(tmp_path / "QT09.docx"))
    result = mkdocs_build(repo.root)
    assert result.returncode == 0, result.stderr
    assert (repo.root / "site/tai-lieu/media/qt-09/image1.png").read_bytes() == \
        (repo.root / "procedures/media/qt-09/image1.png").read_bytes()
    assert 'src="../media/qt-09/image1.png"' in (repo.root / "site/tai-lieu/qt-09/index.html").read_text("utf-8")


# --- units ------------------------------------------------------------------------------------

def test_words():
    assert sentence_case("QUY TRÌNH KIỂM SOÁT TÀI LIỆU THEO TCVN ISO 9001:2015") == \
        "Quy trình kiểm soát tài liệu theo TCVN ISO 9001:2015"
    assert sentence_case("Quy trình đã viết thường") == "Quy trình đã viết thường"
    for text in ("15/3/2026", "15-03-2026", "2026-03-15", "ngày 15 tháng 3 năm 2026", "Ngày hiệu lực: 15.03.2026"):
        assert find_date(text).isoformat() == "2026-03-15", text
    assert find_date("31/02/2026") is None


def test_sniff(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.7 ...")
    (tmp_path / "empty.docx").write_bytes(b"")
    assert sniff(tmp_path / "a.pdf").reason == "pdf"
    assert sniff(tmp_path / "empty.docx").reason == "empty"
    assert sniff(tmp_path / "none.docx").reason == "missing"
    assert collect([tmp_path]) == [tmp_path / "empty.docx"]


def test_markdown_escapes_what_would_change_meaning():
    para = {"t": "Para", "c": [{"t": "Str", "c": "1."}, {"t": "Space"}, {"t": "Str", "c": "a*b_[c]<d>"}]}
    assert Writer().blocks([para]) == "1\\. a\\*b\\_\\[c\\]&lt;d>"
    bold = {"t": "Para", "c": [{"t": "Strong", "c": [{"t": "Str", "c": "TIÊU"}, {"t": "Space"}]},
                               {"t": "Str", "c": "ĐỀ"}]}
    assert Writer().blocks([bold]) == "**TIÊU** ĐỀ"


def test_linked_files_are_published_beside_the_page(repo, tmp_path):
    from builder.addresses import page_uri
    from builder.site.assets import linked_files

    run_import(repo, Procedure(forms=()).save(tmp_path / "QT09.docx"))
    catalog = load_catalog(repo.root, parse_date(TODAY), with_git=False)
    assert linked_files(catalog, page_uri) == [
        ("tai-lieu/media/qt-09/image1.png", repo.root / "procedures/media/qt-09/image1.png")]



TASKS = [["TT", "Nội dung", "Thời gian", "Đơn vị thực hiện"],
         ["1", "Đánh giá nội bộ", "Quý III", "Văn phòng"], ["2", "Họp xem xét của lãnh đạo", "Quý IV", "Văn phòng"]]


def plan_word(path):
    return agency_docx(path, "KẾ HOẠCH DUY TRÌ HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG NĂM 2026",
                       ["I. MỤC ĐÍCH, YÊU CẦU", "Duy trì hệ thống theo TCVN ISO 9001:2015."], TASKS)


def objectives_word(path):
    return agency_docx(path, "MỤC TIÊU CHẤT LƯỢNG NĂM 2026",
                       ["1. 100% hồ sơ được giải quyết đúng hạn.", "2. Tỷ lệ hài lòng đạt trên 95%."])


def policy_word(path):
    return agency_docx(path, "CHÍNH SÁCH CHẤT LƯỢNG", ["Sở cam kết phục vụ tổ chức, công dân tận tình."])


@pytest.mark.parametrize("kind, make", [
    ("plan (no code: the importer issues KH.2026)", plan_word),
    ("objectives (no code: the importer issues MTCL.2026)", objectives_word),
    ("policy (no code: the importer issues CSCL)", policy_word),
    ("procedure whose code QT.01 is taken", lambda p: Procedure(code="QT.01").save(p)),
    ("form whose code BM.01 is taken", lambda p: form_docx(p, code="BM.01", procedure="QT.01")),
])
def test_import_never_overwrites_an_effective_document(tmp_path, kind, make):
    """The sample's documents are in force and were written by hand: a Word file whose code
    (read from it or issued by the importer) is theirs is refused, and nothing changes."""
    from support.repos import copy_sample

    repo = copy_sample(tmp_path / "sample")
    source = make(tmp_path / "word" / "tai-lieu.docx") or tmp_path / "word" / "tai-lieu.docx"
    before = tree(repo.root)
    result = run_import(repo, source)
    assert result.exit_code == 1, result.output
    assert tree(repo.root) == before, kind
    output = " ".join(result.output.split())
    assert "không ghi đè" in output and "đã là của tài liệu" in output


def test_reimport_never_replaces_the_approved_document(repo, word):
    """Re-importing the same Word file refreshes a draft, but once the document is approved it
    is in force and the import refuses it."""
    assert run_import(repo, word).exit_code == 0
    assert run_import(repo, word).exit_code == 0          # a draft: refreshed from the same file
    text = (repo.root / QT09).read_text(encoding="utf-8").replace("status: draft", "status: effective", 1)
    (repo.root / QT09).write_text(text, encoding="utf-8")
    before = tree(repo.root)
    result = run_import(repo, word / "QT09 Tiep nhan PAKN.docx")
    assert result.exit_code == 1
    assert "đang có hiệu lực" in result.output and QT09 in result.output
    assert tree(repo.root) == before


SIGNERS = {"prepared": ("ntkhanh", "2026-03-01"), "reviewed": ("phthu", "2026-03-05"),
           "approved": ("ltminh", "2026-03-10")}


@pytest.mark.parametrize("layout", ["columns", "rows", "names"])
@pytest.mark.parametrize("roles", [("Soạn thảo", "Xem xét", "Phê duyệt"), ("Biên soạn", "Soát xét", "Phê duyệt"),
                                   ("Người viết", "Người kiểm tra", "Người duyệt"),
                                   ("Người soạn thảo", "Người soát xét", "Người phê duyệt")])
def test_signoff_grid_variants_keep_every_signer(repo, tmp_path, layout, roles):
    """Horizontal, vertical and label-less grids, with the role names agencies use."""
    source = Procedure(signoff=layout, roles=roles, forms=()).save(tmp_path / "QT09.docx")
    result = run_import(repo, source)
    assert result.exit_code == 0, result.output
    doc = load(repo, QT09)
    assert {k: (s.by, s.date.isoformat()) for k, s in doc.signoffs.items()} == SIGNERS


def test_unrecognised_signoff_role_keeps_names_and_dates_in_the_body(repo, tmp_path):
    """A role label nobody maps ('Thẩm định'): its signer is not dropped; the table stays in
    the body word for word and the report says what to fill in."""
    source = Procedure(roles=("Soạn thảo", "Thẩm định", "Phê duyệt"), forms=()).save(tmp_path / "QT09.docx")
    result = run_import(repo, source)
    assert result.exit_code == 0, result.output
    text = (repo.root / QT09).read_text(encoding="utf-8")
    for name, _, day in PEOPLE:
        assert name in text and day in text, name
    output = " ".join(result.output.split())
    assert "Thẩm định" in text and "ký duyệt" in output and "Phạm Hoài Thu" in output


@pytest.mark.parametrize("title, columns", [
    ("THEO DÕI SỬA ĐỔI TÀI LIỆU", ("Lần ban hành", "Ngày ban hành", "Vị trí sửa đổi", "Nội dung sửa đổi")),
    ("NHỮNG THAY ĐỔI ĐÃ CÓ", ("Ngày sửa đổi", "Lần sửa đổi", "Nội dung thay đổi", "Trang/mục")),
    ("TÌNH TRẠNG SỬA ĐỔI", ("Nội dung sửa đổi", "Vị trí", "Lần ban hành", "Ngày hiệu lực")),
    ("Bảng theo dõi sửa đổi", ("Lần thay đổi", "Nội dung cập nhật", "Ngày cập nhật", "Phần sửa đổi")),
])
def test_change_table_variants(repo, tmp_path, title, columns):
    source = Procedure(change_title=title, change_columns=columns, forms=()).save(tmp_path / "QT09.docx")
    assert run_import(repo, source).exit_code == 0
    doc = load(repo, QT09)
    assert [(c.revision, c.date.isoformat(), c.description) for c in doc.changes] == [
        (1, "2024-03-01", "Ban hành lần đầu"), (2, "2026-03-15", "Bổ sung bước phân loại phản ánh")]
    assert title.upper() not in (repo.root / QT09).read_text(encoding="utf-8").upper().split("---", 2)[2]


def test_change_table_with_an_unmapped_column_stays_in_the_body(repo, tmp_path):
    columns = ("Lần ban hành", "Ngày ban hành", "Nội dung sửa đổi", "Người sửa")
    source = Procedure(change_columns=columns, forms=()).save(tmp_path / "QT09.docx")
    result = run_import(repo, source)
    assert result.exit_code == 0
    body = (repo.root / QT09).read_text(encoding="utf-8").split("---", 2)[2]
    assert "Người sửa 1" in body and "Người sửa 2" in body
    assert "theo dõi sửa đổi" in " ".join(result.output.split())
    assert [c.revision for c in load(repo, QT09).changes] == [1, 2]


def test_roman_numeral_parts_keep_their_level_and_capitals(repo, tmp_path):
    source = agency_docx(tmp_path / "KH.docx", "KẾ HOẠCH DUY TRÌ HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG NĂM 2027", [
        "I. MỤC ĐÍCH, YÊU CẦU", "**1. Mục đích", "Duy trì hệ thống.", "**2. Yêu cầu", "Đúng tiến độ.",
        "II. NỘI DUNG KẾ HOẠCH", "**1. Đánh giá nội bộ", "Quý III.", "III. KINH PHÍ", "Theo dự toán.",
        "IV. TỔ CHỨC THỰC HIỆN", "Các phòng thực hiện.", "IX. PHỤ LỤC", "Danh mục."])
    assert run_import(repo, source).exit_code == 0
    [path] = [p for p in (repo.root / "procedures").glob("KH.2027*.md")]
    body = path.read_text(encoding="utf-8").split("---", 2)[2]
    headings = [line for line in body.split("\n") if line.startswith("#")]
    assert headings == ["## I. MỤC ĐÍCH, YÊU CẦU", "### 1. Mục đích", "### 2. Yêu cầu", "## II. NỘI DUNG KẾ HOẠCH",
                        "### 1. Đánh giá nội bộ", "## III. KINH PHÍ", "## IV. TỔ CHỨC THỰC HIỆN", "## IX. PHỤ LỤC"]
