"""Text typed however it was typed (NFD, BOM, CRLF) loads and builds the same."""
import json
import unicodedata

from support.repos import BASE_FILES, TODAY, make_repo

from builder.catalog import load_catalog
from builder.documents.dates import parse_date
from builder.site.manifest import manifest
from builder.site.model import place_html
from builder.site.pages import generated_pages

Q = "procedures/QT.01-kiem-soat-tai-lieu.md"


def build_output(root):
    catalog = load_catalog(root, parse_date(TODAY))
    pages = {p.src_uri: place_html(p.content) for p in generated_pages(catalog)}
    return pages, json.dumps(manifest(catalog), ensure_ascii=False)


def test_nfd_front_matter_builds_identically(tmp_path):
    nfc = make_repo(tmp_path / "nfc")
    nfd_files = {k: unicodedata.normalize("NFD", v) for k, v in BASE_FILES.items()}
    assert nfd_files[Q] != BASE_FILES[Q]
    nfd = make_repo(tmp_path / "nfd", nfd_files)
    assert nfd.findings() == (0, [])
    assert build_output(nfd.root) == build_output(nfc.root)


def test_bom_and_crlf_load_like_plain_utf8(tmp_path):
    plain = make_repo(tmp_path / "plain")
    files = {k: "\ufeff" + v.replace("\n", "\r\n") for k, v in BASE_FILES.items()}
    windows = make_repo(tmp_path / "windows", files)
    assert windows.findings() == (0, [])
    assert build_output(windows.root) == build_output(plain.root)


def test_nfd_code_compares_equal_to_nfc_code(repo):
    """A procedure listing a form code typed in NFD still finds the form."""
    repo.edit(Q, "unit: VP\n", "unit: TĐC\n")
    repo.edit(Q, "unit: TĐC\n", unicodedata.normalize("NFD", "unit: TĐC\n"))
    assert repo.findings() == (0, [])
