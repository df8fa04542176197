"""The province's yearly summary, for the lead unit to send up to the People's Committee and the
Ministry: totals across agencies, then a table per agency, as one Markdown text that becomes the
portal's summary page, a PDF in the Nghị định 30 layout of a report (BÁO CÁO) and a DOCX for
final editing.

The PDF and DOCX go the way of the agency's own yearly report (builder/pdf/report.py): the body
rendered by builder/markup, converted by pandoc, laid out by typst with its template
site_config/print/bao-cao.typ (from the portal's folder when the lead unit keeps its own copy
there, else the one beside this program), the DOCX with the same header and signature block as
Word tables.

Every agency figure comes from its status.json (builder/reporting/figures.py computed it); the
summary only adds them up. Whether a duty is done, a deadline passed or the data stale is the
portal's traffic light for it (builder/portal/site/lights.py), handed in with each agency, so the
page, the table and the report judge alike. Agency names go through `cell`: they show literally.
"""
from __future__ import annotations

import json
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from builder.markup.literal import cell
from builder.pdf import compile as typst_compile
from builder.pdf import convert
from builder.pdf.fonts import font_setup
from builder.pdf.report import (MAIN, REPORT_REFERENCE, REPORT_TEMPLATE,
                                docx_html)
from builder.pdf.source import parts_html
from builder.portal.model import LEVELS
from builder.records.sections import written_date
from builder.reporting import labels as R
from builder.reporting.header import ReportHeader, Signer
from builder.reporting.values import count_text, value_text

# The program's own folder: where site_config/print/ is when the portal's folder has no copy.
PROGRAM_ROOT = Path(__file__).resolve().parents[2]
OK = ("ok", "warn")                # a light that says the duty is done (a warning: due soon)

# ---- The words of the summary ------------------------------------------------------------------
SUBJECT = ("Tình hình áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 "
           "tại các cơ quan hành chính nhà nước trên địa bàn {province} năm {year}")
PARENT = "Ủy ban nhân dân {province}"
ADDRESSEES = ("Ủy ban nhân dân {province}", "Bộ Khoa học và Công nghệ")
RECIPIENTS = ("Như trên", "Các cơ quan, đơn vị trên địa bàn", "Lưu: VT")
SIGNER = "THỦ TRƯỞNG CƠ QUAN"
OPENING = ("Thực hiện Quyết định số 19/2014/QĐ-TTg ngày 05/3/2014 của Thủ tướng Chính phủ về việc áp dụng Hệ "
           "thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001 vào hoạt động của các cơ quan, tổ "
           "chức thuộc hệ thống hành chính nhà nước, {lead_unit} tổng hợp tình hình áp dụng, duy trì và cải tiến "
           "Hệ thống quản lý chất lượng năm {year} của các cơ quan trên địa bàn {province}, từ số liệu mỗi cơ quan "
           "công bố trên trang hệ thống quản lý chất lượng của mình (tệp status.json) đến {today}, như sau:")
PART_GENERAL = "I. TÌNH HÌNH CHUNG"
GENERAL = ("Cổng theo dõi {agencies} cơ quan ({levels}). {reporting} cơ quan đã công bố số liệu năm {year}; "
           "{stale} cơ quan có số liệu cũ hơn {stale_days} ngày hoặc đang dùng bản lưu gần nhất; {never} cơ quan "
           "chưa thu thập được số liệu.")
PART_TOTALS = "II. KẾT QUẢ TỔNG HỢP"
TOTAL_COLUMNS = ("Nội dung", "Kết\u00a0quả")
TOTALS = {
    "reporting": "Cơ quan công bố số liệu năm {year}",
    "audit": "Cơ quan đã đánh giá nội bộ trong 12 tháng",
    "review": "Cơ quan đã họp xem xét của lãnh đạo trong 12 tháng",
    "legal": "Cơ quan có tài liệu quá hạn cập nhật theo văn bản pháp luật mới",
    "actions": "Cơ quan có hành động khắc phục quá hạn",
    "objectives": "Mục tiêu chất lượng đạt",
    "plan": "Tỷ lệ hoàn thành kế hoạch năm, bình quân",
    "satisfaction": "Tỷ lệ hài lòng, bình quân",
    "iso18091": "Cơ quan áp dụng bộ chỉ số TCVN ISO 18091:2020",
}
OF = "{part}/{whole}"
AGENCIES_WITH = "{agencies} cơ quan ({items} {what})"
RATE_OF = "{part}/{whole} ({rate})"
AVERAGE_OVER = "{rate} ({agencies} cơ quan)"
SATISFACTION = "{rate} (thấp nhất {lowest}; {below} cơ quan có nhóm dưới chỉ tiêu)"
ISO_LIGHTS = "{agencies} cơ quan: {green} chỉ số xanh, {yellow} vàng, {red} đỏ"
NONE = "—"
PART_AGENCIES = "III. SỐ LIỆU TỪNG CƠ QUAN"
DUTIES_TABLE = "1. Nghĩa vụ hằng năm"
RESULTS_TABLE = "2. Kết quả thực hiện"
DUTY_COLUMNS = ("TT", "Cơ quan", "Đánh giá nội bộ", "Xem xét của lãnh đạo", "Cập nhật văn bản pháp luật",
                "Hành động khắc phục")
RESULT_COLUMNS = ("TT", "Cơ quan", "Mục tiêu chất lượng", "Kế hoạch năm", "Khảo sát hài lòng", "ISO 18091",
                  "Số liệu")
DUTY_KEYS = ("audit", "review", "legal", "actions")
RESULT_KEYS = ("objectives", "plan", "surveys", "iso18091", "data")
PART_PROPOSALS = "IV. KIẾN NGHỊ, ĐỀ XUẤT"
PROPOSALS = {
    "never": "Đề nghị các cơ quan chưa công bố số liệu kiểm tra việc dựng trang hệ thống quản lý chất lượng "
             "và xuất bản tệp status.json: {names}.",
    "stale": "Đề nghị các cơ quan có số liệu cũ dựng lại trang hằng ngày: {names}.",
    "audit": "Đề nghị các cơ quan chưa đánh giá nội bộ trong 12 tháng tổ chức đánh giá: {names}.",
    "review": "Đề nghị các cơ quan chưa xem xét của lãnh đạo trong 12 tháng tổ chức họp xem xét: {names}.",
    "legal": "Đề nghị các cơ quan có tài liệu quá hạn cập nhật theo văn bản pháp luật mới hoàn thành việc "
             "sửa đổi, ban hành lại: {names}.",
    "actions": "Đề nghị các cơ quan có hành động khắc phục quá hạn hoàn thành và xác nhận hiệu lực: {names}.",
}
NO_PROPOSAL = "Các cơ quan duy trì Hệ thống quản lý chất lượng đúng quy định; không có kiến nghị."
CLOSING = ("Trên đây là báo cáo tổng hợp tình hình áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng "
           "năm {year} của các cơ quan trên địa bàn {province}./.")
FILE_STEM = "BC-TONG-HOP-HTQLCL-{year}"


@dataclass(frozen=True)
class Line:
    """One agency as the summary counts it: its name and level from the portal's configuration,
    its status.json (None when never collected), and the portal's lights by column key as
    (level, word): ok | warn | bad | none."""
    name: str
    level: str
    status: dict | None
    lights: dict[str, tuple[str, str]] = field(default_factory=dict)

    def light(self, key: str) -> str:
        return self.lights.get(key, ("none", ""))[0]

    def word(self, key: str) -> str:
        return self.lights.get(key, ("none", NONE))[1] or NONE

    def now(self, *keys: str):
        """A value of the status's `now` part ('plan', 'completion'), or None."""
        value = self.status.get("now") if isinstance(self.status, dict) else None
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        return value


def _count(value) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def _rate(value) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


@dataclass
class Summary:
    """The province's totals for one year, and the agencies behind them."""
    year: int
    lines: list[Line]
    stale_days: int

    @property
    def reporting(self) -> list[Line]:
        """Agencies whose status.json is of the summary's year."""
        return [line for line in self.lines if isinstance(line.status, dict) and line.status.get("year") == self.year]

    @property
    def never(self) -> list[Line]:
        return [line for line in self.lines if line.status is None]

    @property
    def stale(self) -> list[Line]:
        """Collected once, but old or a last good copy: the data-age light is not ok."""
        return [line for line in self.lines if line.status is not None and line.light("data") in ("warn", "bad")]

    def failing(self, key: str) -> list[Line]:
        """Reporting agencies whose light for `key` says the duty is not done (or overdue)."""
        if key in ("audit", "review"):
            return [line for line in self.reporting if line.light(key) not in OK]
        return [line for line in self.reporting if line.light(key) == "bad"]

    def total(self, *keys: str) -> int:
        return sum(_count(line.now(*keys)) for line in self.reporting)

    def average(self, *keys: str) -> float | None:
        return _mean([v for line in self.reporting if (v := _rate(line.now(*keys))) is not None])

    def lowest(self, *keys: str) -> float | None:
        values = [v for line in self.reporting if (v := _rate(line.now(*keys))) is not None]
        return min(values) if values else None

    def iso_users(self) -> list[Line]:
        return [line for line in self.reporting if isinstance(line.now("iso18091"), dict)]


def province_summary(lines: list[Line], year: int, stale_days: int) -> Summary:
    return Summary(year, lines, stale_days)


def _percent(value: float | None) -> str:
    return value_text(value, "%") if value is not None else NONE


def totals_rows(summary: Summary) -> list[tuple[str, str]]:
    """The totals as (what, result), in the order the report prints them."""
    s, n = summary, len(summary.reporting)
    met, total = s.total("objectives", "met"), s.total("objectives", "total")
    rates = [v for line in s.reporting if (v := _rate(line.now("plan", "completion"))) is not None]
    surveyed = [line for line in s.reporting if _rate(line.now("surveys", "average")) is not None]
    iso = s.iso_users()
    return [
        (TOTALS["reporting"].format(year=s.year), OF.format(part=len(s.reporting), whole=len(s.lines))),
        (TOTALS["audit"], OF.format(part=n - len(s.failing("audit")), whole=n)),
        (TOTALS["review"], OF.format(part=n - len(s.failing("review")), whole=n)),
        (TOTALS["legal"], AGENCIES_WITH.format(agencies=len(s.failing("legal")), what="tài liệu",
                                               items=count_text(s.total("legal_overdue")))),
        (TOTALS["actions"], AGENCIES_WITH.format(agencies=len(s.failing("actions")), what="hành động",
                                                 items=count_text(s.total("actions_overdue")))),
        (TOTALS["objectives"], RATE_OF.format(part=met, whole=total, rate=_percent(
            round(met * 100 / total, 1) if total else None))),
        (TOTALS["plan"], AVERAGE_OVER.format(rate=_percent(_mean(rates)), agencies=len(rates))),
        (TOTALS["satisfaction"], SATISFACTION.format(
            rate=_percent(s.average("surveys", "average")), lowest=_percent(s.lowest("surveys", "lowest")),
            below=sum(1 for line in surveyed if _count(line.now("surveys", "below_target"))))),
        (TOTALS["iso18091"], ISO_LIGHTS.format(agencies=len(iso), **{
            k: sum(_count(line.now("iso18091", k)) for line in iso) for k in ("green", "yellow", "red")})),
    ]


def _table(columns: tuple[str, ...], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(out)


def agency_table(summary: Summary, columns: tuple[str, ...], keys: tuple[str, ...]) -> str:
    """One row per agency: number, name, then the word of each light."""
    rows = [[str(i), cell(line.name), *(cell(line.word(k)) if line.status is not None or k == "data" else NONE
                                        for k in keys)] for i, line in enumerate(summary.lines, 1)]
    return _table(columns, rows)


def _names(lines: list[Line]) -> str:
    return "; ".join(cell(line.name) for line in lines)


def proposals(summary: Summary) -> list[str]:
    """What the lead unit asks of which agencies, from the lights."""
    groups = {"never": summary.never, "stale": summary.stale,
              **{key: summary.failing(key) for key in ("audit", "review", "legal", "actions")}}
    return [PROPOSALS[key].format(names=_names(lines)) for key, lines in groups.items() if lines]


def _levels(summary: Summary) -> str:
    counts = {key: sum(1 for line in summary.lines if line.level == key) for key in LEVELS}
    return "; ".join(f"{n} {LEVELS[key].lower()}" for key, n in counts.items() if n)


def summary_markdown(summary: Summary, province: str, lead_unit: str, today: date) -> str:
    """The summary's body: everything between 'Kính gửi' and the signature block."""
    s = summary
    general = GENERAL.format(agencies=len(s.lines), levels=_levels(s) or NONE, reporting=len(s.reporting),
                             year=s.year, stale=len(s.stale), stale_days=s.stale_days, never=len(s.never))
    parts = [OPENING.format(lead_unit=cell(lead_unit), year=s.year, province=cell(place_name(province)),
                            today=written_date(today)),
             f"## {PART_GENERAL}", general,
             f"## {PART_TOTALS}", _table(TOTAL_COLUMNS, [[cell(a), cell(b)] for a, b in totals_rows(s)]),
             f"## {PART_AGENCIES}", f"### {DUTIES_TABLE}", agency_table(s, DUTY_COLUMNS, DUTY_KEYS),
             f"### {RESULTS_TABLE}", agency_table(s, RESULT_COLUMNS, RESULT_KEYS),
             f"## {PART_PROPOSALS}", "\n".join(f"- {p}" for p in proposals(s)) or NO_PROPOSAL,
             CLOSING.format(year=s.year, province=cell(place_name(province)))]
    return "\n\n".join(parts) + "\n"


_PLACE = re.compile(r"^(tỉnh|thành phố)\s+", re.IGNORECASE)


def place_name(province: str) -> str:
    """'tỉnh Hòa Phong' as it reads inside a sentence, from 'Tỉnh Hòa Phong' or 'Hòa Phong'."""
    province = (province or "").strip()
    found = _PLACE.match(province)
    if found:
        return found.group(1).lower() + province[found.end() - 1:]
    return f"tỉnh {province}" if province else ""


def summary_header(province: str, lead_unit: str, year: int, today: date) -> ReportHeader:
    """Header, addressees, recipients and signature block of the summary (Nghị định 30): the
    number is left for the văn thư; the signer's name is written when the report is signed."""
    place = place_name(province)
    town = _PLACE.sub("", (province or "").strip())
    day = written_date(today)
    return ReportHeader(
        year=year, parent=PARENT.format(province=place), agency=lead_unit,
        number=R.NUMBER.format(number=f"{R.BLANK_NUMBER}/BC"), place_date=f"{town}, {day}" if town else day,
        title=R.TITLE, subject=SUBJECT.format(province=place, year=year),
        addressees=tuple(a.format(province=place) for a in ADDRESSEES), recipients=RECIPIENTS,
        signer=Signer("", SIGNER, ""))


# ---- The printed files -----------------------------------------------------------------------

@dataclass
class SummaryFiles:
    pdf: bytes | None = None
    docx: bytes | None = None
    errors: list[str] = field(default_factory=list)


def print_root(folder: Path | None) -> Path:
    """Where the report template is read from: the portal's folder when it keeps its own
    site_config/print/bao-cao.typ, else the program's."""
    if folder is not None and (Path(folder) / REPORT_TEMPLATE).is_file():
        return Path(folder)
    return PROGRAM_ROOT


def render_summary(body: str, header: ReportHeader, today: date, folder: Path | None = None) -> SummaryFiles:
    """The PDF and DOCX of the summary; a failure comes back in `errors` (the page says so),
    never as an exception: the portal is built whatever happens to its print files."""
    root = print_root(folder)
    body_html = parts_html([body])
    reference = root / REPORT_REFERENCE if (root / REPORT_REFERENCE).is_file() else None
    out = SummaryFiles()
    with tempfile.TemporaryDirectory(prefix="qms-summary-") as tmp:
        docx_path = Path(tmp) / "summary.docx"
        jobs = [convert.Job("docx", docx_html(header, body_html), "", "docx", str(docx_path),
                            str(reference) if reference else None)]
        template = root / REPORT_TEMPLATE
        if template.is_file():
            jobs.append(convert.Job("pdf", body_html, ""))
        else:
            out.errors.append(f"không tìm thấy mẫu trình bày {REPORT_TEMPLATE}")
        results = convert.convert(jobs, root, workers=1)
        if results["docx"].error:
            out.errors.append(f"pandoc: {results['docx'].error}")
        elif docx_path.is_file():
            out.docx = docx_path.read_bytes()
        if "pdf" in results:
            out.pdf = _pdf(results["pdf"], header, root, today, out.errors)
    return out


def _pdf(result: convert.Result, header: ReportHeader, root: Path, today: date, errors: list[str]) -> bytes | None:
    """typst lays out the converted body in the report template (dated `today`: the same data
    gives the same file)."""
    if result.error:
        errors.append(f"pandoc: {result.error}")
        return None
    fonts = font_setup(root)
    data = dict(header.data(), fonts=list(fonts.families))
    task = typst_compile.Task("summary", str(root), fonts.dirs, (MAIN + result.typst).encode("utf-8"),
                              {"data": json.dumps(data, ensure_ascii=False)}, today)
    output = typst_compile.run(task)
    if output.pdf is None:
        errors.append(f"typst: {output.error}")
    return output.pdf


