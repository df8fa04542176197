"""The citation parser knows every number form of DOMAIN.md."""
import pytest

from builder.legal.numbers import Citation, CitationProblem, find_in_text, parse_number


@pytest.mark.parametrize("text,type_,year,issuer", [
    ("19/2014/QĐ-TTg", "QĐ", 2014, "TTg"),
    ("30/2020/NĐ-CP", "NĐ", 2020, "CP"),
    ("26/2014/TT-BKHCN", "TT", 2014, "BKHCN"),
    ("116/2015/TT-BTC", "TT", 2015, "BTC"),
    ("64/2025/QH15", None, 2025, "QH15"),
    ("646/KH-UBND", "KH", None, "UBND"),
    ("101/QĐ-BKHCN", "QĐ", None, "BKHCN"),
    ("09/KH-SKHCN", "KH", None, "SKHCN"),
    ("208/SKHCN-CCTĐC", None, None, "SKHCN-CCTĐC"),
    ("05/2019/QyĐ-UBND", "QyĐ", 2019, "UBND"),
    ("12/CTr-UBND", "CTr", None, "UBND"),
    ("03/2014/TTLT-BKHCN-BNV", "TTLT", 2014, "BKHCN-BNV"),
])
def test_well_formed_numbers(text, type_, year, issuer):
    parsed = parse_number(text)
    assert isinstance(parsed, Citation)
    assert (parsed.type, parsed.year, parsed.issuer, parsed.text) == (type_, year, issuer, text)


@pytest.mark.parametrize("text,rule", [
    ("5/2020/NĐ-CP", "legal-number-format"),
    ("19/14/QĐ-TTg", "legal-number-format"),
    ("19/2014/qđ-TTg", "legal-number-format"),
    ("19/2014/QĐ-TTG-", "legal-number-format"),
    ("19 /2014/QĐ-TTg", "legal-number-format"),
    ("19/2014", "legal-number-format"),
    ("64/QH15", "legal-number-format"),
    ("123/CV-UBND", "legal-type-unknown"),
    ("19/2014/QD-TTg", "legal-type-unknown"),
    ("19/2014/XYZ-TTg", "legal-type-unknown"),
])
def test_malformed_numbers(text, rule):
    parsed = parse_number(text)
    assert isinstance(parsed, CitationProblem)
    assert parsed.rule.id == rule


def test_citations_found_in_prose():
    text = ("Căn cứ Quyết định số 19/2014/QĐ-TTg ngày 05/3/2014 của Thủ tướng Chính phủ; Luật số "
            "64/2025/QH15; Công văn số 208/SKHCN-CCTĐC và Kế hoạch 646/KH-UBND; TCVN ISO 9001:2015; "
            "thời hạn 1/2 ngày; Bước 1/Tiếp nhận.")
    found = [c for _, c in find_in_text(text)]
    assert found == ["19/2014/QĐ-TTg", "64/2025/QH15", "208/SKHCN-CCTĐC", "646/KH-UBND"]


def test_malformed_number_in_prose_is_still_found():
    found = [c for _, c in find_in_text("theo Nghị định 5/2020/NĐ-CP và Quyết định 19/2014/QĐ - TTg")]
    assert found == ["5/2020/NĐ-CP", "19/2014/QĐ - TTg"]
