"""The preview's page marks (builder/preview/pages.py): where the banner goes, what it lists,
and that a document's words are escaped in it."""
from __future__ import annotations

from builder.findings.finding import Finding, Severity
from builder.preview.pages import CHECK_PAGE, after_title, banner, check_page


def finding(message: str, severity=Severity.ERROR, line: int = 7) -> Finding:
    return Finding("procedures/QT.01.md", line, "hidden-tag", severity, message)


def test_banner_goes_under_the_title_after_front_matter():
    page = "---\nhide:\n- toc\n---\n\n# QT.01 Quy trình\n\nNội dung."
    out = after_title(page, "BANNER")
    assert out.startswith("---\nhide:\n- toc\n---\n\n# QT.01 Quy trình\n\nBANNER\n\nNội dung.")


def test_banner_without_a_title_goes_first():
    assert after_title("Nội dung.", "BANNER") == "BANNER\n\nNội dung."


def test_banner_lists_findings_by_line_with_the_message_escaped():
    html = banner("procedures/QT.01.md", False, [finding("Chữ <script>alert(1)</script> bị ẩn", line=9),
                                                  finding("cảnh báo", Severity.WARNING, line=3)])
    assert "BẢN XEM TRƯỚC — CHƯA ĐƯỢC PHÉP BAN HÀNH" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.index("dòng 3") < html.index("dòng 9")
    assert "CẢNH BÁO" in html and "LỖI" in html


def test_a_draft_says_so_even_without_findings():
    html = banner("procedures/QT.01.md", True, [])
    assert "dự thảo" in html and "<ul>" not in html


def test_findings_page_lists_every_finding_or_says_none():
    assert "Không có lỗi" in check_page([]).content
    page = check_page([finding("Chữ | trong ô *đậm*")])
    assert page.src_uri == CHECK_PAGE
    assert "procedures/QT.01.md" in page.content and "hidden-tag" in page.content
    assert "| Chữ \\| trong ô" in page.content or "Chữ &#124; trong ô" in page.content or "Chữ \\|" in page.content


def test_only_this_machine_names_the_preview():
    """DNS rebinding: a page elsewhere that points its name at 127.0.0.1 is refused."""
    from builder.preview.server import allowed_host
    assert allowed_host("127.0.0.1:8000", "127.0.0.1", 8000)
    assert allowed_host("localhost:8000", "127.0.0.1", 8000)
    assert allowed_host("[::1]:8000", "127.0.0.1", 8000)
    assert allowed_host("127.0.0.1", "127.0.0.1", 8000)
    assert not allowed_host("evil.example:8000", "127.0.0.1", 8000)
    assert not allowed_host("127.0.0.1:9999", "127.0.0.1", 8000)
    assert not allowed_host(None, "127.0.0.1", 8000)
    assert allowed_host("may-chu-iso:8000", "0.0.0.0", 8000)     # shared on the network on purpose
