"""Realistic Word procedures and forms, built with python-docx inside the tests.

The layouts are the ones agencies use: the control header as a table at the top of the body
(merged cells, 'Mã hiệu: ...' inside cells) or in the page header, or as a row of labels with
values below; the sign-off grid with roles as columns or as rows, with or without field labels;
sections as bold paragraphs or heading styles; a step table with merged cells; the change table.
"""
from __future__ import annotations

import io
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Inches

PEOPLE = [("Nguyễn Thị Khánh", "Chuyên viên", "01/3/2026"),
          ("Phạm Hoài Thu", "Chánh Văn phòng", "05/3/2026"),
          ("Lê Thành Minh", "Giám đốc", "10/3/2026")]


def png(color=(255, 0, 0)) -> bytes:
    """A 4x4 PNG, so a test needs no image file."""
    raw = b"".join(b"\x00" + bytes(color) * 4 for _ in range(4))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def fill(table, rows):
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                table.cell(r, c).text = value


def bold(doc, text):
    doc.add_paragraph().add_run(text).bold = True


@dataclass
class Procedure:
    code: str | None = "QT.09"
    title: str = "QUY TRÌNH TIẾP NHẬN VÀ XỬ LÝ PHẢN ÁNH, KIẾN NGHỊ"
    revision: str = "02"
    effective: str = "15/3/2026"
    header: str = "body"          # body | page | columns
    signoff: str = "columns"      # columns | rows | names | none
    people: list = field(default_factory=lambda: list(PEOPLE))
    sections: str = "bold"        # bold | headings
    changes: bool = True
    image: bool = True
    forms: tuple = ("BM.02",)
    legal: tuple = ("19/2014/QĐ-TTg", "30/2020/NĐ-CP")
    roles: tuple = ("Soạn thảo", "Xem xét", "Phê duyệt")     # the labels of the sign-off grid
    change_title: str = "THEO DÕI SỬA ĐỔI TÀI LIỆU"
    # columns of the change table, in the file's order: revision, date, section, description
    # and any other column (named as it is written)
    change_columns: tuple = ("Lần ban hành", "Ngày ban hành", "Vị trí sửa đổi", "Nội dung sửa đổi")

    def save(self, path: Path) -> Path:
        doc = Document()
        self._header(doc)
        self._signoff(doc)
        self._body(doc)
        if self.changes:
            self._changes(doc)
        path.parent.mkdir(parents=True, exist_ok=True)
        doc.save(path)
        return path

    def _header(self, doc):
        kind_line, _, rest = self.title.partition(" ")
        rest = rest.partition(" ")[2] if kind_line == "QUY" else rest
        labels = [("Mã hiệu", self.code), ("Lần ban hành", self.revision), ("Ngày hiệu lực", self.effective)]
        labels = [(k, v) for k, v in labels if v]
        if self.header == "columns":
            table = doc.add_table(rows=3, cols=len(labels))
            first = table.cell(0, 0).merge(table.cell(0, len(labels) - 1))
            first.text = "QUY TRÌNH"
            first.add_paragraph(rest)
            fill(table, [[None] * len(labels), [k for k, _ in labels], [v for _, v in labels]])
            return
        if self.header == "page":
            container = doc.sections[0].header
            table = container.add_table(rows=3, cols=3, width=Cm(16))
        else:
            table = doc.add_table(rows=3, cols=3)
        agency = table.cell(0, 0).merge(table.cell(2, 0))
        agency.text = "SỞ KHOA HỌC VÀ CÔNG NGHỆ\nTỈNH HÒA PHONG"
        title = table.cell(0, 1).merge(table.cell(2, 1))
        title.text = "QUY TRÌNH"
        title.add_paragraph(rest)
        for r, (label, value) in enumerate(labels):
            table.cell(r, 2).text = f"{label}: {value}"
        if self.header == "page":
            doc.add_paragraph("QUY TRÌNH").runs[0].bold = True
            bold(doc, rest)

    def _signoff(self, doc):
        roles = list(self.roles)
        if self.signoff == "none":
            return
        if self.signoff == "columns":
            table = doc.add_table(rows=5, cols=4)
            fill(table, [[""] + roles, ["Họ và tên"] + [p[0] for p in self.people],
                         ["Chức vụ"] + [p[1] for p in self.people], ["Chữ ký", "", "", ""],
                         ["Ngày"] + [p[2] for p in self.people]])
        elif self.signoff == "rows":
            table = doc.add_table(rows=4, cols=5)
            fill(table, [["", "Họ và tên", "Chức vụ", "Chữ ký", "Ngày ký"]]
                 + [[role, p[0], p[1], "(đã ký)", p[2]] for role, p in zip(roles, self.people)])
        else:
            table = doc.add_table(rows=3, cols=3)
            fill(table, [[r.upper() if r.startswith("Người") else f"NGƯỜI {r.upper()}" for r in roles], ["(Đã ký)"] * 3,
                         [f"{p[0]}\n{p[1]}\nNgày {p[2]}" for p in self.people]])

    def _section(self, doc, text):
        if self.sections == "headings":
            doc.add_heading(text, level=1)
        else:
            bold(doc, text.upper())

    def _body(self, doc):
        self._section(doc, "1. Mục đích")
        doc.add_paragraph("Quy định trình tự tiếp nhận, xử lý phản ánh, kiến nghị của tổ chức, cá nhân "
                          "về thủ tục hành chính của Sở.")
        self._section(doc, "2. Phạm vi áp dụng")
        doc.add_paragraph("Áp dụng đối với Văn phòng Sở và các phòng chuyên môn.")
        self._section(doc, "3. Tài liệu viện dẫn")
        names = {"19/2014/QĐ-TTg": "Quyết định số 19/2014/QĐ-TTg ngày 05/3/2014 của Thủ tướng Chính phủ;",
                 "30/2020/NĐ-CP": "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;"}
        for number in self.legal:
            doc.add_paragraph(names.get(number, f"Văn bản số {number};"), style="List Bullet")
        doc.add_paragraph("TCVN ISO 9001:2015 Hệ thống quản lý chất lượng - Các yêu cầu.", style="List Bullet")
        self._section(doc, "4. Định nghĩa và từ viết tắt")
        doc.add_paragraph("PAKN: Phản ánh, kiến nghị.")
        self._section(doc, "5. Nội dung quy trình")
        if self.image:
            doc.add_picture(io.BytesIO(png()), width=Inches(1))
        p = doc.add_paragraph()
        p.add_run("5.1. Trình tự thực hiện").bold = True
        steps = doc.add_table(rows=5, cols=5)
        fill(steps, [["Bước", "Nội dung công việc", "Trách nhiệm", "Thời gian", "Biểu mẫu/Kết quả"],
                     ["B1", "Tiếp nhận phản ánh, kiến nghị", "Văn phòng Sở", "01 ngày", self.forms[0] if self.forms else ""],
                     ["B2", "Phân loại, chuyển phòng chuyên môn", "Phòng chuyên môn", "01 ngày", ""],
                     ["B3", "Xem xét, đề xuất xử lý", None, "05 ngày", "Dự thảo văn bản trả lời"],
                     ["Ghi chú: thời gian tính theo ngày làm việc", None, None, None, None]])
        steps.cell(2, 2).merge(steps.cell(3, 2))            # one unit responsible for B2 and B3
        steps.cell(4, 0).merge(steps.cell(4, 4))            # a note across the table
        self._section(doc, "6. Biểu mẫu")
        forms = doc.add_table(rows=1 + len(self.forms), cols=3)
        fill(forms, [["STT", "Mã hiệu", "Tên biểu mẫu"]]
             + [[str(i), code, "Sổ theo dõi phản ánh, kiến nghị"] for i, code in enumerate(self.forms, 1)])
        self._section(doc, "7. Hồ sơ cần lưu")
        records = doc.add_table(rows=2, cols=4)
        fill(records, [["STT", "Tên hồ sơ", "Nơi lưu", "Thời gian lưu"],
                       ["1", "Sổ theo dõi phản ánh, kiến nghị", "Văn phòng Sở", "05 năm"]])

    def _changes(self, doc):
        bold(doc, self.change_title)
        values = {"revision": ["01", self.revision], "date": ["01/3/2024", self.effective],
                  "section": ["Toàn bộ", "Mục 5"], "description": ["Ban hành lần đầu", "Bổ sung bước phân loại phản ánh"]}
        rows = [list(self.change_columns)]
        for n in range(2):
            rows.append([values[key][n] if (key := _change_key(c)) else f"{c} {n + 1}" for c in self.change_columns])
        rows.append([""] * len(self.change_columns))
        fill(doc.add_table(rows=4, cols=len(self.change_columns)), rows)


def _change_key(label: str) -> str | None:
    for prefix, key in (("Lần", "revision"), ("Ngày", "date"), ("Vị trí", "section"), ("Trang", "section"),
                        ("Nội dung", "description")):
        if label.startswith(prefix):
            return key
    return None


def form_docx(path: Path, code: str = "BM.02", procedure: str | None = "QT.09", merged: bool = True,
              landscape: bool = False) -> Path:
    """A register form: code line at the top, title, a table (merged header cells or not)."""
    doc = Document()
    if landscape:
        section = doc.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    doc.add_paragraph(f"Mẫu {code}" + (f" - {procedure}" if procedure else ""))
    bold(doc, "SỔ THEO DÕI PHẢN ÁNH, KIẾN NGHỊ")
    doc.add_paragraph("Năm: ............")
    table = doc.add_table(rows=3, cols=4)
    fill(table, [["STT", "Ngày nhận", "Nội dung", "Kết quả xử lý"], ["", "", "Tóm tắt", "Ý kiến"],
                 ["1", "", "", ""]])
    if merged:
        table.cell(0, 0).merge(table.cell(1, 0))
        table.cell(0, 1).merge(table.cell(1, 1))
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)
    return path


def agency_docx(path: Path, title: str, paragraphs: list[str], table: list[list[str]] | None = None) -> Path:
    """A plan, objectives or policy as agencies write them: the agency block, a bold title
    (no code anywhere), numbered paragraphs (written '**text' when bold) and perhaps a table."""
    doc = Document()
    doc.add_paragraph("UBND TỈNH HÒA PHONG")
    bold(doc, "SỞ KHOA HỌC VÀ CÔNG NGHỆ")
    bold(doc, title)
    for text in paragraphs:
        if text.startswith("**"):
            bold(doc, text[2:])
        else:
            doc.add_paragraph(text)
    if table:
        grid = doc.add_table(rows=len(table), cols=len(table[0]))
        fill(grid, table)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)
    return path
