"""`qms new` writes a well-formed draft with the next free code."""
from support.repos import TODAY


def test_new_procedure_takes_next_code_and_checks_clean(repo):
    result = repo.qms("new", "procedure", "--unit", "QLKH", "--title", "Quy trình xử lý phản ánh, kiến nghị")
    assert result.exit_code == 0, result.output
    path = repo.root / "procedures" / "QT.02-quy-trinh-xu-ly-phan-anh-kien-nghi.md"
    text = path.read_text(encoding="utf-8")
    assert "code: QT.02" in text and "status: draft" in text and "## 7. Hồ sơ cần lưu" in text
    assert repo.findings() == (0, [])


def test_new_form_needs_existing_procedure(repo):
    result = repo.qms("new", "form", "--unit", "VP", "--title", "Sổ theo dõi", "--procedure", "QT.09")
    assert result.exit_code == 1
    assert "quy trình có thật" in result.output
    result = repo.qms("new", "form", "--unit", "VP", "--title", "Sổ theo dõi", "--procedure", "QT.01")
    assert result.exit_code == 0
    assert (repo.root / "forms" / "BM.02-so-theo-doi.md").is_file()
    assert repo.findings() == (0, [])


def test_new_yearly_document_uses_year(repo):
    result = repo.qms("new", "objectives", "--unit", "VP", "--title", "Mục tiêu chất lượng năm 2026")
    assert result.exit_code == 0
    assert (repo.root / "procedures" / "MTCL.2026-muc-tieu-chat-luong-nam-2026.md").is_file()
    again = repo.qms("new", "plan", "--unit", "VP", "--title", "Kế hoạch")
    assert again.exit_code == 1 and "KH.2026" in again.output
    assert TODAY.startswith("2026")


def test_new_refuses_dissolved_or_unknown_unit(repo):
    assert repo.qms("new", "procedure", "--unit", "CCTĐC", "--title", "X").exit_code == 1
    assert repo.qms("new", "procedure", "--unit", "ZZ", "--title", "X").exit_code == 1


def test_usage_error_exits_2(repo):
    assert repo.qms("new", "memo", "--unit", "VP", "--title", "X").exit_code == 2
    assert repo.qms("check", "--format", "xml").exit_code == 2
