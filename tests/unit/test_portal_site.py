"""The province portal's site (builder/portal/site/) from Collected agencies built here out of the
sample's real status.json and manifest.json and variants of them: every traffic light at each of
its thresholds, the data's age (fresh, stale, never collected, last good copy), hostile agencies
escaped and never linked, the search's shards holding the folded titles within a size bound,
and the province's summary adding up what the lights say."""
from __future__ import annotations

import copy
import json
import re
from dataclasses import replace
from datetime import date, timedelta
from html.parser import HTMLParser

import jsonschema
import pytest
from support.agencies import day, entry, portal_config, sample_files
from support.pdfutil import all_text
from support.portal_corpus import generated

from builder.portal.model import PROBLEMS, Collected
from builder.portal.site import (build_portal, lights, portal_files,
                                 summary_lines)
from builder.portal.site.agencies import agency_list
from builder.portal.site.escape import on_site, web_url
from builder.portal.site.search_index import (DOCS_PER_FILE, code_word, decode,
                                              encode, folded, words)
from builder.portal.summary import province_summary, totals_rows
from builder.reporting.status import status_schema

TODAY = day()
HOSTILE = "<script>alert('cổng')</script>"
BAD_URLS = ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,<b>x</b>",
            "vbscript:msgbox(1)", "file:///etc/passwd", "\x01javascript:alert(1)"]


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The sample agency's status.json and manifest.json, as its build publishes them on TODAY."""
    return sample_files(tmp_path_factory.mktemp("sample") / "repo")


def agency(agency_id: str, status: dict | None, manifest: dict | None = None, **kwargs) -> Collected:
    return Collected(entry(agency_id, "https://iso.example.gov.vn/", name=f"Cơ quan {agency_id}"), status, manifest,
                     kwargs.pop("fetched", TODAY if status else None), **kwargs)


def variant(status: dict, **now) -> dict:
    """The sample's status with parts of `now` replaced; it still follows the schema."""
    out = copy.deepcopy(status)
    for key, value in now.items():
        if isinstance(value, dict) and isinstance(out["now"].get(key), dict):
            out["now"][key].update(value)
        else:
            out["now"][key] = value
    jsonschema.validate(out, status_schema())
    return out


def iso(days: int) -> str:
    return (TODAY + timedelta(days=days)).isoformat()


# ---- the lights, one threshold at a time --------------------------------------------------------

@pytest.mark.parametrize("now, level", [
    ({"legal_overdue": 1, "legal_due": 3}, "bad"),
    ({"legal_overdue": 0, "legal_due": 2}, "warn"),
    ({"legal_overdue": 0, "legal_due": 0}, "ok"),
])
def test_legal_updates(sample, now, level):
    assert lights.legal(variant(sample[0], **now), TODAY).level == level


@pytest.mark.parametrize("duty, level, word", [
    ({"last": None, "due": None, "overdue": True}, "bad", "Chưa thực hiện"),
    ({"last": iso(-400), "due": iso(-35), "overdue": True}, "bad", "Quá hạn từ"),
    # the agency built before its due date, the portal's day is after it: overdue all the same
    ({"last": iso(-370), "due": iso(-5), "overdue": False}, "bad", "Quá hạn từ"),
    ({"last": iso(-350), "due": iso(lights.DUE_SOON_DAYS), "overdue": False}, "warn", "hạn"),
    ({"last": iso(-300), "due": iso(lights.DUE_SOON_DAYS + 1), "overdue": False}, "ok", ""),
])
@pytest.mark.parametrize("key", ["internal_audit", "management_review"])
def test_audit_and_review_within_twelve_months(sample, key, duty, level, word):
    light = lights.duty(variant(sample[0], **{key: duty}), key, TODAY)
    assert light.level == level and word in light.word


@pytest.mark.parametrize("now, level", [
    ({"actions_overdue": 2, "actions_open": 3}, "bad"),
    ({"actions_overdue": 0, "actions_open": 3}, "ok"),
    ({"actions_overdue": 0, "actions_open": 0}, "ok"),
])
def test_corrective_actions(sample, now, level):
    assert lights.actions(variant(sample[0], **now), TODAY).level == level


@pytest.mark.parametrize("objectives, level, word", [
    ({"total": 7, "met": 7, "not_met": 0, "not_measured": 0}, "ok", "7/7 đạt"),
    ({"total": 7, "met": 5, "not_met": 2, "not_measured": 0}, "warn", "5/7 đạt"),
    ({"total": 8, "met": 4, "not_met": 4, "not_measured": 0}, "warn", "4/8 đạt"),      # half: still a warning
    ({"total": 7, "met": 3, "not_met": 4, "not_measured": 0}, "bad", "3/7 đạt"),
    ({"total": 5, "met": 0, "not_met": 0, "not_measured": 5}, "warn", "Chưa đánh giá"),
    ({"total": 0, "met": 0, "not_met": 0, "not_measured": 0}, "bad", "Chưa có mục tiêu"),
])
def test_objectives_met(sample, objectives, level, word):
    light = lights.objectives(variant(sample[0], objectives=objectives), TODAY)
    assert (light.level, light.word) == (level, word)


@pytest.mark.parametrize("plan, today, level", [
    ({"tasks": 12, "done": 10, "overdue": 0, "completion": 83.3}, TODAY, "ok"),
    ({"tasks": 12, "done": 10, "overdue": 1, "completion": 83.3}, TODAY, "bad"),
    ({"tasks": 12, "done": 4, "overdue": 0, "completion": 33.3}, TODAY, "warn"),          # November
    ({"tasks": 12, "done": 4, "overdue": 0, "completion": 33.3}, date(2026, 5, 1), "ok"),  # May: on its way
    ({"tasks": 0, "done": 0, "overdue": 0, "completion": None}, TODAY, "bad"),
])
def test_plan_completion(sample, plan, today, level):
    light = lights.plan(variant(sample[0], plan=plan), today)
    assert light.level == level and (plan["completion"] is None or light.sort == plan["completion"])


@pytest.mark.parametrize("surveys, level", [
    ({"held": 2, "average": 97.2, "lowest": 95.5, "below_target": 0}, "ok"),
    ({"held": 2, "average": 91.0, "lowest": 80.0, "below_target": 1}, "warn"),
    ({"held": 2, "average": lights.SATISFACTION_LOW - 0.1, "lowest": 50.0, "below_target": 2}, "bad"),
    ({"held": 0, "average": None, "lowest": None, "below_target": 0}, "warn"),
])
def test_survey_results(sample, surveys, level):
    assert lights.surveys(variant(sample[0], surveys=surveys), TODAY).level == level


@pytest.mark.parametrize("scope, level", [
    ({"announced": "2025-12-26", "changed": False}, "ok"),
    ({"announced": "2025-12-26", "changed": True}, "warn"),
    ({"announced": None, "changed": False}, "warn"),
])
def test_scope_and_announcement(sample, scope, level):
    assert lights.scope(variant(sample[0], scope=scope), TODAY).level == level


@pytest.mark.parametrize("counts, level", [
    (None, "none"),
    ({"green": 10, "yellow": 0, "red": 0}, "ok"),
    ({"green": 10, "yellow": 2, "red": 0}, "warn"),
    ({"green": 10, "yellow": 2, "red": 1}, "bad"),
])
def test_iso_18091_where_used(sample, counts, level):
    light = lights.iso18091(variant(sample[0], iso18091=counts), TODAY)
    assert light.level == level and (counts is None) == (light.word == "Không áp dụng")


def test_the_age_of_the_data(sample):
    fresh = agency("fresh", sample[0])
    old = agency("old", dict(sample[0], generated=iso(-8)), fetched=TODAY - timedelta(days=8))
    copy_ok = agency("copy", dict(sample[0], generated=iso(-1)), stale_copy=True,
                     problems=["timeout:status.json: quá 10 giây"])
    copy_old = agency("copy-old", dict(sample[0], generated=iso(-30)), stale_copy=True,
                      problems=["not_json:manifest.json: dòng 1"])
    never = agency("never", None, problems=["unreachable:status.json: từ chối kết nối"])
    future = agency("future", dict(sample[0], generated=iso(3)))
    ages = {c.entry.id: lights.data_age(c, TODAY, 7) for c in (fresh, old, copy_ok, copy_old, never, future)}
    assert {k: v.level for k, v in ages.items()} == {
        "fresh": "ok", "old": "bad", "copy": "warn", "copy-old": "bad", "never": "bad", "future": "warn"}
    assert ages["never"].word == "Chưa thu thập được" and PROBLEMS["unreachable"] in ages["never"].detail
    assert ages["copy"].word.startswith("Bản lưu gần nhất") and PROBLEMS["timeout"] in ages["copy"].detail
    assert ages["copy-old"].word.startswith("Bản lưu gần nhất") and PROBLEMS["not_json"] in ages["copy-old"].detail
    assert "8 ngày" in ages["old"].word and ages["fresh"].sort == 0
    # seven days old is still fresh with stale_days 7
    assert lights.data_age(agency("seven", dict(sample[0], generated=iso(-7))), TODAY, 7).level == "ok"


def test_no_data_is_none_not_a_verdict():
    never = agency("never", None)
    judged = lights.judge(never, TODAY, 7)
    assert {k: v.level for k, v in judged.items() if k != "data"} == dict.fromkeys(
        ["legal", "audit", "review", "actions", "objectives", "plan", "surveys", "scope", "iso18091"], "none")


# ---- the pages --------------------------------------------------------------------------------

class Page(HTMLParser):
    """Rows of the agencies' table (cells' light levels and sort values), every link, every
    script tag and every element's attributes."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.rows, self.hrefs, self.scripts, self.events = [], [], [], []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr" and "data-cap" in a:
            self.rows.append({"attrs": a, "lights": []})
        if tag == "span" and "data-level" in a and self.rows:
            self.rows[-1]["lights"].append((a["data-level"], a.get("data-sort")))
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        if tag == "script":
            self.scripts.append(a.get("src"))
        self.events += [name for name in a if name.startswith("on")]


def config(tmp_path, stale_days: int = 7):
    return replace(portal_config(tmp_path, []), stale_days=stale_days)


def test_the_index_has_every_agency_with_its_lights(sample, tmp_path):
    status, manifest = sample
    status = variant(status, iso18091={"green": 7, "yellow": 4, "red": 1})
    bad = variant(status, legal_overdue=2, actions_overdue=1, iso18091=None,
                  internal_audit={"last": None, "due": None, "overdue": True})
    collected = [agency("mau", status, manifest), agency("bad", bad), agency("never", None)]
    files = portal_files(config(tmp_path), collected, TODAY, printed=False)
    page = Page(files["index.html"].decode())
    assert [r["attrs"]["data-problem"] for r in page.rows] == ["1", "1", "1"]    # the sample's overdue action
    levels = [[level for level, _ in r["lights"]] for r in page.rows]
    assert levels[0] == ["ok", "ok", "ok", "bad", "warn", "ok", "ok", "ok", "bad", "ok"]
    assert levels[1][:4] == ["bad", "bad", "ok", "bad"] and levels[1][8] == "none"
    assert levels[2] == ["none"] * 9 + ["bad"]
    assert page.rows[0]["lights"][5] == ("ok", "83.3")          # plan completion sorts by its value
    assert page.rows[2]["lights"][5] == ("none", "")            # no data: empty, listed last
    assert "co-quan/mau/index.html" in page.hrefs and page.scripts == ["assets/portal-table.js"]


def test_agency_page_links_each_source_to_the_agency_site(sample, tmp_path):
    status, manifest = sample
    files = portal_files(config(tmp_path), [agency("mau", status, manifest)], TODAY, printed=False)
    text = files["co-quan/mau/index.html"].decode()
    assert "https://iso.example.gov.vn/ho-so/2026/dgnb-2026-01/" in Page(text).hrefs
    assert "Cuộc đánh giá nội bộ đã có báo cáo ký đóng" in text and "Thu thập ngày 21/11/2026." in text
    for section in status["sections"]:
        assert section["title"] in text


def hostile_agency(sample) -> Collected:
    """Script in every string an agency controls, and links with every dangerous scheme."""
    status, manifest = copy.deepcopy(sample[0]), copy.deepcopy(sample[1])
    status["agency"]["name"] = status["agency"]["parent"] = HOSTILE
    for section in status["sections"]:
        section["title"] = HOSTILE + section["title"]
        for i, figure in enumerate(section["figures"]):
            figure["label"] = HOSTILE
            figure["sources"] = [{"ref": HOSTILE, "kind": "record", "url": BAD_URLS[i % len(BAD_URLS)]}]
    for i, doc in enumerate(manifest["documents"]):
        doc["title"] = f'{HOSTILE}<img src=x onerror=alert(1)> "{doc["title"]}"'
        doc["code"] = HOSTILE
        doc["url"] = BAD_URLS[i % len(BAD_URLS)]
    jsonschema.validate(status, status_schema())
    hostile = Collected(replace(entry("hostile", "https://x/"), name=HOSTILE + "' onmouseover='alert(1)",
                                site_url="javascript:alert(document.domain)//"), status, manifest, TODAY,
                        stale_copy=True, problems=[f"invalid:{HOSTILE}"])
    return hostile


def test_hostile_agencies_are_escaped_and_never_linked(sample, tmp_path):
    files = portal_files(config(tmp_path), [agency("mau", *sample), hostile_agency(sample)], TODAY, printed=False)
    for path, data in files.items():
        if path.endswith(".html"):
            text = data.decode()
            page = Page(text)
            assert "<script>alert" not in text and "<img" not in text, path
            assert page.events == [], path
            assert all(src and src.startswith(("assets/", "../assets/", "../../assets/")) for src in page.scripts)
            for href in page.hrefs:
                assert web_url(href) or re.fullmatch(r"(\.\./)*[a-z0-9/.-]*(\.html|\.pdf|\.docx|#noi-dung)", href), \
                    (path, href)
    page = files["co-quan/hostile/index.html"].decode()
    assert "&lt;script&gt;alert(&#x27;cổng&#x27;)&lt;/script&gt;" in page
    assert "javascript:alert(document.domain)//" in page             # shown as text, not linked
    for path, data in files.items():
        if path.startswith("tim-kiem/tl/"):
            for _, _, _, url in json.loads(data)["d"]:
                assert url is None or web_url(url) or re.fullmatch(r"[A-Za-z0-9._~/%-]*", url)
    agencies_file = json.loads(files["tim-kiem/co-quan.json"])
    assert agencies_file[1] == ["hostile", HOSTILE + "' onmouseover='alert(1)", None]   # text; no site to link to


@pytest.mark.parametrize("url", BAD_URLS + ["http://", "https:///x", "ftp://host/x"])
def test_only_web_addresses_become_links(url):
    assert web_url(url) is None and on_site("https://a.gov.vn/", url) is None
    assert on_site(url, "tai-lieu/qt-01/") is None


def test_relative_addresses_are_on_the_agency_site():
    assert on_site("https://a.gov.vn/iso", "tai-lieu/qt-01/") == "https://a.gov.vn/iso/tai-lieu/qt-01/"
    assert on_site("https://a.gov.vn/", "../../x/") == "https://a.gov.vn/x/"
    assert on_site("https://a.gov.vn/", "https://b.gov.vn/y") == "https://b.gov.vn/y"


# ---- the search -------------------------------------------------------------------------------

def test_folding_matches_the_browser():
    assert words("Quy trình cấp Giấy phép ĐĂNG KÝ") == ("quy", "trinh", "cap", "giay", "phep", "dang", "ky")
    assert folded("Ưu tiên Đồng Hới") == "uu tien dong hoi"
    assert code_word("QT.01") == "qt01" and code_word("BM.01.02") == "bm0102"


def test_postings_round_trip():
    for ids in ([], [0], [0, 1, 2, 3], [5, 7, 8, 9, 40, 41, 1000, 1001, 1002, 99999]):
        assert decode(encode(ids)) == ids
    assert encode([0, 1, 2, 3, 10]) == "0+3,6"


@pytest.fixture(scope="module")
def province(sample, tmp_path_factory):
    """The sample and 60 generated agencies of 50-300 documents: the search's files."""
    collected = [agency("mau", *sample), *generated(sample[0], 60, TODAY)]
    return portal_files(config(tmp_path_factory.mktemp("portal")), collected, TODAY, printed=False)


def lookup(files: dict, query: str) -> list[tuple[int, str, str]]:
    """What the browser's script finds for `query` (every word whole): (agency, code, title)."""
    meta = json.loads(files["tim-kiem/chi-muc.json"])
    found = None
    for word in words(query):
        shard = json.loads(files.get(f"tim-kiem/tu/{word[:meta['prefix']]}.json", b"{}"))
        ids = set(decode(shard.get(word, "")))
        found = ids if found is None else found & ids
    out = []
    for number in sorted(found or ()):
        part = json.loads(files[f"tim-kiem/tl/{number // meta['per_file']}.json"])
        a, code, title, _ = part["d"][number % meta["per_file"]]
        out.append((a, code, part["t"][title]))
    return out


def test_the_shards_hold_the_folded_titles(province):
    hits = lookup(province, "quy trinh kiem soat thong tin dang van ban")
    assert (0, "QT.01", "Quy trình kiểm soát thông tin dạng văn bản") in hits
    assert lookup(province, "Quy trình kiểm soát thông tin dạng văn bản") == hits     # with diacritics too
    across = {a for a, _, title in lookup(province, "quy trinh kiem soat tai lieu")}
    assert len(across) == 60 and 0 not in across                  # every generated agency, not the sample
    assert all(folded("hồ sơ").split()[0] in folded(t) for _, _, t in lookup(province, "ho so"))
    assert {code for _, code, _ in lookup(province, "qt01")} >= {"QT.01"}
    assert {"quy", "kiem", "trinh"} <= set().union(*(json.loads(province[f"tim-kiem/tu/{w[:3]}.json"])
                                                    for w in ("quy", "kiem", "trinh")))


def test_the_search_is_small_files(province):
    sizes = {path: len(data) for path, data in province.items() if path.startswith("tim-kiem/")}
    word_files = [n for p, n in sizes.items() if p.startswith("tim-kiem/tu/")]
    document_files = [n for p, n in sizes.items() if p.startswith("tim-kiem/tl/")]
    documents = json.loads(province["tim-kiem/chi-muc.json"])["documents"]
    assert documents > 60 * 50 and len(document_files) == -(-documents // DOCS_PER_FILE)
    assert max(word_files) < 16_000 and max(document_files) < 16_000
    assert sum(sizes.values()) < 60 * documents          # bytes per document, all files together
    assert len(province["tim-kiem/co-quan.json"]) < 10_000


# ---- the summary ------------------------------------------------------------------------------

def test_the_summary_adds_up_what_the_lights_say(sample, tmp_path):
    status = sample[0]
    collected = [agency("mau", status), agency("late", variant(status, legal_overdue=3, actions_overdue=0,
                                                                 internal_audit={"last": None, "due": None,
                                                                                 "overdue": True})),
                 agency("never", None), agency("last-year", dict(status, year=2025))]
    rows = dict(totals_rows(province_summary(summary_lines(agency_list(collected, TODAY, 7)), 2026, 7)))
    assert rows["Cơ quan công bố số liệu năm 2026"] == "2/4"
    assert rows["Cơ quan đã đánh giá nội bộ trong 12 tháng"] == "1/2"
    assert rows["Cơ quan đã họp xem xét của lãnh đạo trong 12 tháng"] == "2/2"
    assert rows["Cơ quan có tài liệu quá hạn cập nhật theo văn bản pháp luật mới"] == "1 cơ quan (03 tài liệu)"
    assert rows["Cơ quan có hành động khắc phục quá hạn"] == "1 cơ quan (01 hành động)"
    assert rows["Mục tiêu chất lượng đạt"] == "10/14 (71,4%)"
    assert rows["Tỷ lệ hoàn thành kế hoạch năm, bình quân"] == "83,3% (2 cơ quan)"


def test_the_portal_is_written_with_its_summary_files(sample, tmp_path):
    out = tmp_path / "site"
    written = build_portal(config(tmp_path), [agency("mau", *sample), hostile_agency(sample),
                                              agency("never", None, problems=["unreachable:status.json"])],
                           out, TODAY)
    assert {p.relative_to(out).as_posix() for p in written} >= {
        "index.html", "co-quan/mau/index.html", "co-quan/hostile/index.html", "tim-kiem/index.html",
        "tim-kiem/chi-muc.json", "tong-hop/index.html", "tong-hop/BC-TONG-HOP-HTQLCL-2026.pdf",
        "tong-hop/BC-TONG-HOP-HTQLCL-2026.docx", "assets/portal.css", "assets/portal-search.js"}
    text = re.sub(r"\s+", " ", all_text((out / "tong-hop/BC-TONG-HOP-HTQLCL-2026.pdf").read_bytes()))
    assert "BÁO CÁO" in text and "Kính gửi" in text and "Cơ quan công bố số liệu năm 2026 2/3" in text
    assert HOSTILE in text                                  # printed as text
    page = (out / "tong-hop/index.html").read_text(encoding="utf-8")
    assert 'href="BC-TONG-HOP-HTQLCL-2026.pdf"' in page and "<script>alert" not in page
