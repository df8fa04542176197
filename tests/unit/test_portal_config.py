"""portal.yml: the sample reads cleanly, and each fault is a finding with its rule, file and line."""
from __future__ import annotations

import pytest
from support.repos import REPO

from builder.portal.config import load_portal_config

GOOD = """\
province: Tỉnh Hòa Phong
lead_unit: Sở Khoa học và Công nghệ tỉnh Hòa Phong
agencies:
  - id: so-khcn
    name: Sở Khoa học và Công nghệ
    level: so
    site_url: https://iso.skhcn.hoaphong.gov.vn/
  - id: xa-an-binh
    name: Ủy ban nhân dân xã An Bình
    level: xa
    site_url: https://iso.anbinh.hoaphong.gov.vn
"""


def _load(tmp_path, text):
    path = tmp_path / "portal.yml"
    path.write_text(text, encoding="utf-8")
    return load_portal_config(path)


def test_the_sample_configuration_reads_without_findings():
    config, findings = load_portal_config(REPO / "portal" / "portal.yml")
    assert findings == []
    assert config.province == "Tỉnh Hòa Phong" and "Sở Khoa học và Công nghệ" in config.lead_unit
    assert [a.id for a in config.agencies] == ["so-khcn", "so-tu-phap", "xa-an-binh", "phuong-dong-hai"]
    assert {a.level for a in config.agencies} == {"so", "xa"}
    assert config.cache_dir == REPO / "portal" / ".portal-cache"


def test_defaults_and_addresses(tmp_path):
    config, findings = _load(tmp_path, GOOD)
    assert findings == []
    assert (config.stale_days, config.timeout_seconds, config.max_bytes) == (7, 10, 5_000_000)
    second = config.agencies[1]
    assert second.status_url == "https://iso.anbinh.hoaphong.gov.vn/status.json"
    assert second.manifest_url == "https://iso.anbinh.hoaphong.gov.vn/manifest.json"
    assert (second.line, config.agencies[0].line) == (8, 4)
    limits, _ = _load(tmp_path, GOOD.replace("agencies:", "stale_days: 3\ncollection: {timeout_seconds: 2, "
                                                           "max_bytes: 20000}\nagencies:"))
    assert (limits.stale_days, limits.timeout_seconds, limits.max_bytes) == (3, 2, 20_000)


@pytest.mark.parametrize("old, new, rule, line, says", [
    ("  - id: xa-an-binh", "  - id: so-khcn", "portal-agency-id", 8, "đã dùng ở dòng 4"),
    ("  - id: xa-an-binh", "  - id: Xã An Bình", "portal-agency-id", 8, "'Xã An Bình' không hợp lệ"),
    ("  - id: xa-an-binh", "  - id: ../../etc", "portal-agency-id", 8, "chỉ dùng chữ thường"),
    ("    level: xa", "    level: huyen", "invalid-value", 10, "huyen"),
    ("    site_url: https://iso.anbinh.hoaphong.gov.vn", "    site_ulr: https://iso.anbinh.hoaphong.gov.vn",
     "unknown-key", 11, "Có phải ý bạn là 'site_url'?"),
    ("    site_url: https://iso.anbinh.hoaphong.gov.vn", "    site_url: javascript:alert(1)", "portal-url", 11,
     "không phải địa chỉ http:// hoặc https://"),
    ("    site_url: https://iso.anbinh.hoaphong.gov.vn",
     "    site_url: https://iso.anbinh.hoaphong.gov.vn\n    status_url: ftp://iso.anbinh.hoaphong.gov.vn/s.json",
     "portal-url", 12, "không thu thập được"),
    ("    name: Ủy ban nhân dân xã An Bình\n", "", "required-field", 8, "'agencies[2].name'"),
    ("province: Tỉnh Hòa Phong", "province: Tỉnh Hòa Phong\nstale_days: bảy", "field-type", 2, "stale_days"),
    ("lead_unit:", "province: Tỉnh khác\nlead_unit:", "duplicate-key", 2, "đã khai báo ở dòng"),
    ("    level: so\n", "    level: so\n   bad: [\n", "yaml-syntax", 7, "YAML"),
    ("agencies:\n", "agencies: []\nold_agencies:\n", "required-field", 3, "'agencies'"),
])
def test_each_fault_is_a_finding_at_its_line(tmp_path, old, new, rule, line, says):
    assert old in GOOD
    config, findings = _load(tmp_path, GOOD.replace(old, new, 1))
    matching = [f for f in findings if f.rule == rule]
    assert matching, findings
    assert (matching[0].path, matching[0].line) == ("portal.yml", line)
    assert says in matching[0].message, matching[0].message
    assert matching[0].severity.value == "error"


def test_a_wrong_agency_is_left_out_and_the_others_kept(tmp_path):
    config, findings = _load(tmp_path, GOOD.replace("level: xa", "level: huyen"))
    assert [a.id for a in config.agencies] == ["so-khcn"] and findings


def test_a_missing_or_unreadable_file_is_a_finding(tmp_path):
    _, findings = load_portal_config(tmp_path / "portal.yml")
    assert [(f.rule, f.line) for f in findings] == [("portal-config", 1)]
    assert "Không tìm thấy tệp portal.yml" in findings[0].message
    (tmp_path / "portal.yml").write_bytes("province: Tỉnh Hòa Phong\n".encode("utf-16"))
    _, findings = load_portal_config(tmp_path / "portal.yml")
    assert [f.rule for f in findings] == ["portal-config"] and "UTF-8" in findings[0].message
