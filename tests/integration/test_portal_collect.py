"""The portal's collection: agencies served from 127.0.0.1 (good, unreachable, malformed, oversized,
slow, hostile), the last good copy, the cache kept inside its folder, and a collection that never
fails because of one agency."""
from __future__ import annotations

import json
import os
import time
from dataclasses import replace

import pytest
from click.testing import CliRunner
from support.agencies import (AgencyServer, as_bytes, body, closed_port, day,
                              entry, portal_config, redirect, renamed,
                              sample_files)

from builder.cli.main import main
from builder.portal import cache
from builder.portal.collect import collect
from builder.portal.model import PROBLEMS

HOSTILE = "<script>alert('cổng')</script>"
BIG = 64 * 1024 * 1024          # what the oversized agency would send if nobody stopped reading
LIMIT = 1_000_000               # max_bytes of these tests


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return sample_files(tmp_path_factory.mktemp("sample") / "repo")


@pytest.fixture
def server():
    served = AgencyServer()
    yield served
    served.close()


def _problem_keys(collected) -> set[str]:
    return {p.partition(":")[0] for p in collected.problems}


def _agencies(server, files):
    """One agency of each kind; returns the entries in order."""
    status, manifest = files
    good = server.files("/good/", as_bytes(status), as_bytes(manifest))
    bad_schema = dict(status, schema_version="2")
    hostile_status, hostile_manifest = renamed(status, manifest, HOSTILE, titles=HOSTILE)
    server.files("/not-json/", b"<html>502 Bad Gateway</html>", as_bytes(manifest))
    server.files("/bad-schema/", as_bytes(bad_schema), as_bytes(manifest))
    server.files("/bad-link/", as_bytes(status), as_bytes(
        dict(manifest, documents=[dict(manifest["documents"][0], url="javascript:alert(1)")])))
    server.files("/hostile/", as_bytes(hostile_status), as_bytes(hostile_manifest))
    server.stream("/huge/status.json", BIG)
    server.stream("/declared/status.json", BIG, declare=True)
    server.slow("/slow/status.json", 8, as_bytes(status))
    server.trickle("/trickle/status.json")
    server.route("/error/status.json", body(b"{}", 500))
    server.route("/to-file/status.json", redirect("file:///etc/passwd"))
    server.route("/to-good/status.json", redirect("/good/status.json"))
    server.route("/to-good/manifest.json", redirect(server.url("/good/manifest.json"), 301))
    server.route("/loop/status.json", redirect("/loop/status.json"))
    server.route("/bad-location/status.json", redirect("http://[::1"))
    for prefix in ("huge", "declared", "slow", "trickle", "error", "to-file", "loop", "bad-location"):
        server.route(f"/{prefix}/manifest.json", body(as_bytes(manifest)))
    return [entry("good", good), entry("unreachable", f"http://127.0.0.1:{closed_port()}/"),
            *(entry(name, server.url(f"/{name}/")) for name in (
                "not-json", "bad-schema", "bad-link", "hostile", "huge", "declared", "slow", "trickle",
                "error", "to-file", "to-good", "loop", "bad-location"))]


def test_each_agency_is_collected_or_marked_and_none_stops_the_others(server, files, tmp_path):
    config = portal_config(tmp_path, _agencies(server, files), timeout=2)
    started = time.monotonic()
    result = {c.entry.id: c for c in collect(config, day())}
    elapsed = time.monotonic() - started
    assert list(result) == [a.id for a in config.agencies]
    expected = {"good": set(), "to-good": set(), "hostile": set(), "unreachable": {"unreachable"},
                "not-json": {"not_json"}, "bad-schema": {"invalid"}, "bad-link": {"invalid_manifest"},
                "huge": {"too_large"}, "declared": {"too_large"}, "slow": {"timeout"}, "trickle": {"timeout"},
                "error": {"http"}, "to-file": {"http"}, "loop": {"http"}, "bad-location": {"http"}}
    assert {k: _problem_keys(c) for k, c in result.items()} == expected
    assert all(key in PROBLEMS for keys in expected.values() for key in keys)
    for agency_id in ("good", "to-good", "hostile"):
        assert result[agency_id].ok and result[agency_id].fetched == day() and not result[agency_id].stale_copy
    for agency_id, collected in result.items():
        if expected[agency_id]:        # never collected before: nothing to show but the problem
            assert collected.status is None and collected.manifest is None and not collected.stale_copy
    assert result["good"].status["agency"]["name"] == files[0]["agency"]["name"]
    assert result["bad-schema"].problems == ["invalid:status.json: schema_version sai phiên bản"]
    assert "manifest.json: documents[0].url sai dạng" in result["bad-link"].problems[0]
    assert "mã HTTP 500" in result["error"].problems[0] and "không phải http(s)" in result["to-file"].problems[0]
    # the slow and the endless agencies are cut at the 2-second deadline, in parallel with the rest
    assert elapsed < 6, elapsed


def test_the_oversized_body_is_not_read_to_its_end(server, files, tmp_path):
    _agencies(server, files)
    config = portal_config(tmp_path, [entry("huge", server.url("/huge/")), entry("declared", server.url("/declared/"))],
                           max_bytes=LIMIT)
    result = collect(config, day())
    assert [_problem_keys(c) for c in result] == [{"too_large"}, {"too_large"}]
    for path in ("/huge/status.json", "/declared/status.json"):
        assert server.finished[path].wait(10), path
        # the client hung up after about max_bytes; only socket buffers' worth more went out
        assert server.sent[path] < BIG // 4, (path, server.sent[path])
    assert result[1].problems[0].startswith("too_large:status.json: 67108864 byte")


def test_hostile_text_is_collected_as_data(server, files, tmp_path):
    _agencies(server, files)
    config = portal_config(tmp_path, [entry("hostile", server.url("/hostile/"))])
    [collected] = collect(config, day())
    assert collected.status["agency"]["name"] == HOSTILE and collected.manifest["agency"] == HOSTILE
    assert all(d["title"].startswith(HOSTILE + " ") for d in collected.manifest["documents"])
    # what the portal keeps of a manifest: the documents' fields it shows, not the records
    assert set(collected.manifest) == {"agency", "generated", "documents"}
    assert set(collected.manifest["documents"][0]) >= {"code", "title", "kind", "status", "url", "pdf"}


def test_the_last_good_copy_is_used_and_marked_when_an_agency_fails(server, files, tmp_path):
    status, manifest = files
    base = server.files("/flaky/", as_bytes(status), as_bytes(manifest))
    config = portal_config(tmp_path, [entry("flaky", base)])
    [first] = collect(config, day("2026-11-20"))
    assert first.ok and first.fetched == day("2026-11-20")
    folder = tmp_path / ".portal-cache" / "flaky"
    assert sorted(p.name for p in folder.iterdir()) == ["collected.json", "manifest.json", "status.json"]
    assert json.loads((folder / "collected.json").read_text(encoding="utf-8"))["fetched"] == "2026-11-20"

    server.route("/flaky/status.json", body(b"{\"schema_version\": "))      # a half-written file
    [second] = collect(config, day())
    assert second.stale_copy and not second.ok
    assert second.status == first.status and second.manifest == first.manifest
    assert second.fetched == day("2026-11-20") and _problem_keys(second) == {"not_json"}
    # the failed collection left the good copy as it was
    assert json.loads((folder / "collected.json").read_text(encoding="utf-8"))["fetched"] == "2026-11-20"

    server.close()                                                        # now unreachable
    [third] = collect(config, day())
    assert third.stale_copy and third.status == first.status and _problem_keys(third) == {"unreachable"}
    [offline] = collect(config, day(), offline=True)
    assert offline.ok and offline.fetched == day("2026-11-20") and not offline.stale_copy


def test_a_damaged_copy_is_not_used(server, files, tmp_path):
    status, manifest = files
    base = server.files("/a/", as_bytes(status), as_bytes(manifest))
    config = portal_config(tmp_path, [entry("a", base)])
    collect(config, day())
    copy_file = tmp_path / ".portal-cache" / "a" / "status.json"
    copy_file.write_bytes(copy_file.read_bytes().replace(b'"year": 2026', b'"year": 2025'))
    assert cache.load(config.cache_dir, "a") is None
    server.route("/a/status.json", body(b"", 404))
    [collected] = collect(config, day())
    assert collected.status is None and _problem_keys(collected) == {"http"}


def _mark_older(folder):
    """Make a copy look saved by a portal with other schemas."""
    record = json.loads((folder / "collected.json").read_text(encoding="utf-8"))
    (folder / "collected.json").write_text(json.dumps(dict(record, schemas="older")), encoding="utf-8")


def test_a_copy_checked_with_other_schemas_is_checked_again(files, tmp_path):
    status, manifest = files
    agency = entry("old", "khong-dung/")
    cache.save(tmp_path, agency, as_bytes(dict(status, schema_version="0")), as_bytes(manifest), day())
    assert cache.load(tmp_path, "old") is not None          # saved by this portal: taken as checked
    _mark_older(tmp_path / "old")
    assert cache.load(tmp_path, "old") is None              # an older portal's copy: checked again, refused
    cache.save(tmp_path, agency, as_bytes(status), as_bytes(manifest), day())
    _mark_older(tmp_path / "old")
    assert cache.load(tmp_path, "old").status == status      # checked again, and good


def _tree(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def test_the_cache_is_never_written_outside_its_folder(server, files, tmp_path):
    status, manifest = files
    base = server.files("/ok/", as_bytes(status), as_bytes(manifest))
    portal = tmp_path / "portal"
    outside = tmp_path / "outside"
    outside.mkdir()
    (portal / ".portal-cache").mkdir(parents=True)
    os.symlink(outside, portal / ".portal-cache" / "linked")      # a folder leading out of the cache
    ids = ["../escape", "/tmp/absolute", "a/../../b", "..", "linked", "ok"]
    config = portal_config(portal, [entry(i, base) for i in ids])
    before = _tree(tmp_path)
    result = collect(config, day())
    assert all(c.ok for c in result)            # collected all the same, just not kept
    assert _tree(outside) == []
    assert sorted(set(_tree(tmp_path)) - set(before)) == [
        "portal/.portal-cache/ok", "portal/.portal-cache/ok/collected.json",
        "portal/.portal-cache/ok/manifest.json", "portal/.portal-cache/ok/status.json"]
    assert all(cache.agency_folder(config.cache_dir, i) is None for i in ids[:-1])


def test_local_files_are_collected_from_a_path_or_file_url(files, tmp_path):
    status, manifest = files
    synced = tmp_path / "dong-bo" / "xa-an-binh"
    synced.mkdir(parents=True)
    (synced / "status.json").write_bytes(as_bytes(status))
    (synced / "manifest.json").write_bytes(as_bytes(manifest))
    os.mkfifo(tmp_path / "fifo.json")          # would block a naive reader forever
    (tmp_path / "big.json").write_bytes(b" " * (LIMIT + 1))
    relative = entry("relative", "dong-bo/xa-an-binh/")
    absolute = entry("file-url", synced.as_uri() + "/")
    fifo = replace(relative, id="fifo", status_url=str(tmp_path / "fifo.json"))
    missing = entry("missing", "khong-co/")
    big = replace(absolute, id="big", status_url=str(tmp_path / "big.json"))
    result = collect(portal_config(tmp_path, [relative, absolute, fifo, missing, big]), day())
    assert result[0].ok and result[1].ok
    assert [_problem_keys(c) for c in result[2:]] == [{"unreachable"}, {"unreachable"}, {"too_large"}]
    assert "không phải tệp" in result[2].problems[0] and "không có tệp" in result[3].problems[0]


def test_a_province_of_agencies_collects_in_seconds(server, files, tmp_path):
    """125 agencies (one province's count in 2023) on one 127.0.0.1 server, two files each."""
    status, manifest = files
    agencies = [entry(f"co-quan-{n}", server.files(f"/{n}/", as_bytes(status), as_bytes(manifest)))
                for n in range(125)]
    started = time.monotonic()
    result = collect(portal_config(tmp_path, agencies, timeout=10), day())
    elapsed = time.monotonic() - started
    assert all(c.ok for c in result) and len(result) == 125
    assert elapsed < 15, elapsed


# --- the command, end to end -------------------------------------------------------------
def _portal_yml(folder, server, files, timeout=2):
    status, manifest = files
    good = server.files("/so-khcn/", as_bytes(status), as_bytes(manifest))
    hostile = server.files("/xa-an-binh/", *map(as_bytes, renamed(status, manifest, HOSTILE, titles=HOSTILE)))
    server.files("/phuong-dong-hai/", b"<html>not json</html>", as_bytes(manifest))
    text = f"""\
province: Tỉnh Hòa Phong
lead_unit: Sở Khoa học và Công nghệ tỉnh Hòa Phong
stale_days: 7
collection: {{timeout_seconds: {timeout}, max_bytes: {LIMIT}}}
agencies:
  - {{id: so-khcn, name: Sở Khoa học và Công nghệ tỉnh Hòa Phong, level: so, site_url: {good}}}
  - {{id: xa-an-binh, name: Ủy ban nhân dân xã An Bình, level: xa, site_url: {hostile}}}
  - {{id: phuong-dong-hai, name: Ủy ban nhân dân phường Đông Hải, level: xa,
      site_url: {server.url("/phuong-dong-hai/")}}}
  - {{id: so-tu-phap, name: Sở Tư pháp tỉnh Hòa Phong, level: so, site_url: http://127.0.0.1:{closed_port()}/}}
"""
    path = folder / "portal.yml"
    path.write_text(text, encoding="utf-8")
    return path


def _qms(*args):
    result = CliRunner().invoke(main, ["portal", *args, "--today", "2026-11-21"], prog_name="qms")
    assert not (result.exception and not isinstance(result.exception, SystemExit)), result.output
    assert "Traceback" not in result.output
    return result


def _html(out):
    return "\n".join(p.read_text(encoding="utf-8") for p in out.rglob("*.html"))


def test_qms_portal_collects_builds_and_falls_back(server, files, tmp_path):
    config = _portal_yml(tmp_path, server, files)
    out = tmp_path / "cong-tinh"
    first = _qms("--config", str(config), "-o", str(out))
    assert first.exit_code == 0, first.output
    assert "Tỉnh Hòa Phong: 4 cơ quan trên cổng." in first.stdout
    assert "  - Thu thập được: 2\n" in first.stdout and "  - Chưa thu thập được lần nào: 2\n" in first.stdout
    assert "so-tu-phap (Sở Tư pháp tỉnh Hòa Phong): Không kết nối được: status.json" in first.stdout
    assert "phuong-dong-hai (Ủy ban nhân dân phường Đông Hải): Không phải JSON hợp lệ" in first.stdout
    assert "Thu thập: 4/4 cơ quan" in first.stderr
    assert (out / "index.html").is_file() and (out / ".qms-portal").is_file()
    assert not (tmp_path / "cong-tinh.building").exists()
    html = _html(out)
    assert "Ủy ban nhân dân xã An Bình" in html and "<script>alert" not in html
    # the hostile titles reach the search index as data (the search page writes them as text)
    index = [json.loads(p.read_text(encoding="utf-8")) for p in out.rglob("*.json")]
    assert HOSTILE in json.dumps(index, ensure_ascii=False)
    assert (tmp_path / ".portal-cache" / "so-khcn" / "collected.json").is_file()

    server.route("/so-khcn/status.json", body(b"", 503))                 # the good agency breaks
    second = _qms("--config", str(config), "-o", str(out))
    assert second.exit_code == 0, second.output
    assert "  - Dùng bản lưu gần nhất (lần thu thập này lỗi): 1\n" in second.stdout
    assert "so-khcn (Sở Khoa học và Công nghệ tỉnh Hòa Phong): Máy chủ trả lỗi: status.json: mã HTTP 503; " \
           "bản lưu ngày 21/11/2026" in second.stdout

    server.close()                                                        # nothing reachable: offline still builds
    offline = _qms("--config", str(config), "-o", str(out), "--offline")
    assert offline.exit_code == 0, offline.output
    assert "  - Có bản lưu (không thu thập lại): 2\n" in offline.stdout and "Đọc bản lưu: 4/4" in offline.stderr


def test_qms_portal_stops_on_configuration_errors_and_foreign_folders(server, files, tmp_path):
    config = _portal_yml(tmp_path, server, files)
    config.write_text(config.read_text(encoding="utf-8").replace("level: xa,", "level: huyen,", 1), encoding="utf-8")
    out = tmp_path / "out"
    wrong = _qms("--config", str(config), "-o", str(out))
    assert wrong.exit_code == 1
    assert "portal.yml:7: LỖI [invalid-value]" in wrong.stdout and not out.exists()

    config = _portal_yml(tmp_path, server, files)
    mine = tmp_path / "tai-lieu-cua-toi"
    mine.mkdir()
    (mine / "ghi-chu.txt").write_text("của người khác", encoding="utf-8")
    refused = _qms("--config", str(config), "-o", str(mine))
    assert refused.exit_code == 1 and "không do 'qms portal' tạo" in refused.output
    assert [p.name for p in mine.iterdir()] == ["ghi-chu.txt"]
    missing = _qms("--config", str(tmp_path / "khong-co.yml"))
    assert missing.exit_code == 1 and "[portal-config]" in missing.stdout
