"""The Vietnamese words Word documents use for their control data, and their values.

Labels are compared folded (no diacritics, lower case, single spaces): Word files are typed
with and without diacritics, in capitals or not, with or without a colon.
"""
from __future__ import annotations

import re
from datetime import date

from builder.documents.dates import parse_date
from builder.documents.text import fold, nfc

# Control header labels, folded. Order matters: the first label that matches a text wins.
HEADER_LABELS = {
    "code": ("ma hieu tai lieu", "ma hieu", "ma so", "ma tai lieu", "ky hieu"),
    "revision": ("lan ban hanh", "ban hanh lan"),
    "effective": ("ngay hieu luc", "hieu luc tu ngay", "ngay ap dung", "ngay co hieu luc"),
    "issued": ("ngay ban hanh",),
    "title": ("ten tai lieu", "ten quy trinh"),
}
SIGNOFF_ROLES = {
    "prepared": ("nguoi soan thao", "soan thao", "nguoi bien soan", "bien soan", "nguoi viet", "nguoi lap",
                 "nguoi soan", "can bo soan thao", "chuyen vien soan thao"),
    "reviewed": ("nguoi xem xet", "xem xet", "nguoi kiem tra", "kiem tra", "nguoi soat xet", "soat xet",
                 "nguoi ra soat", "ra soat", "tham tra"),
    "approved": ("nguoi phe duyet", "phe duyet", "nguoi duyet", "duyet"),
}
SIGNOFF_FIELDS = {
    "name": ("ho va ten", "ho ten", "ten"),
    "position": ("chuc vu", "chuc danh"),
    "date": ("ngay ky", "ngay", "thoi gian"),
    "signature": ("chu ky", "ky ten", "ky"),
}
# Lines of a sign-off cell that carry nothing: "(đã ký)", "(Ký, ghi rõ họ tên)".
SIGNOFF_NOISE = re.compile(r"^\(?\s*(da ky|ky|ky,? ghi ro ho ten|ky va ghi ro ho ten|ky, ho ten|chu ky)\s*\)?\.?$")
POSITION_WORDS = ("chuyen vien", "truong phong", "pho truong phong", "giam doc", "pho giam doc",
                  "chanh van phong", "pho chanh van phong", "chi cuc truong", "pho chi cuc truong",
                  "truong ban", "pho truong ban", "thu ky", "dai dien lanh dao", "can bo", "nhan vien",
                  "truong bo phan", "to truong", "chu tich", "pho chu tich", "thu truong", "ke toan truong",
                  "kt.", "tl.", "tm.")
HONORIFICS = re.compile(r"^(ong|ba|pgs\.?\s*ts\.?|gs\.?\s*ts\.?|ts\.?|ths\.?|ks\.?|cn\.?|bs\.?|ls\.?)\s+", re.I)
CHANGE_TITLE = ("theo doi sua doi", "theo doi thay doi", "bang theo doi sua doi", "tinh trang sua doi",
                "lich su sua doi", "nhung thay doi", "thay doi da co", "lich su thay doi", "ghi nhan thay doi",
                "theo doi tinh trang sua doi", "bang ghi nhan sua doi", "sua doi tai lieu")
CHANGE_COLUMNS = {
    "revision": ("lan ban hanh", "lan sua doi", "lan soat xet", "lan thay doi", "lan", "phien ban",
                 "lan ban hanh sua doi"),
    "date": ("ngay ban hanh", "ngay hieu luc", "ngay sua doi", "ngay thay doi", "ngay cap nhat", "ngay thang",
             "ngay"),
    "section": ("vi tri sua doi", "vi tri", "muc sua doi", "trang muc", "trang", "muc", "hang muc", "phan",
                "phan sua doi", "noi sua doi"),
    "description": ("noi dung sua doi", "noi dung thay doi", "noi dung cap nhat", "tom tat noi dung", "tom tat",
                    "mo ta", "noi dung"),
}
RECORD_COLUMNS = {
    "name": ("ten ho so", "ho so", "ten tai lieu"),
    "keeper": ("don vi luu", "noi luu", "trach nhiem luu", "bo phan luu", "nguoi luu", "noi luu tru"),
    "retention": ("thoi gian luu", "thoi han luu"),
    "form": ("ma bieu mau", "ma hieu", "bieu mau"),
}
KIND_WORDS = {
    "procedure": ("quy trinh",),
    "guide": ("huong dan",),
    "form": ("bieu mau", "mau", "phieu", "so theo doi", "so ", "don ", "bien ban", "bao cao", "danh muc",
             "danh sach", "to khai", "giay "),
    "plan": ("ke hoach",),
    "policy": ("chinh sach chat luong",),
    "objectives": ("muc tieu chat luong",),
}
# Uppercase words kept in capitals when a title typed in capitals is put in sentence case.
ACRONYMS = {"ISO", "TCVN", "UBND", "HĐND", "KH&CN", "KHCN", "TTHC", "HTQLCL", "CNTT", "TĐC", "VP", "CP", "QH",
            "BHXH", "BHYT", "GCN", "ĐGNB", "XHCN", "HTX", "DN", "CCCD", "CMND", "TW", "NSNN", "VBQPPL"}
_VOWELS = set("aeiouy")
_DATE_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?!\d)")
_DATE_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_DATE_WORDS = re.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})")


def norm(text: str) -> str:
    """Folded form for comparing labels: no diacritics, lower case, single spaces, no colon."""
    text = fold(text or "").lower().replace("\u00a0", " ")
    text = re.sub(r"[:：*]+", " ", text)
    return " ".join(text.split())


def aligned_fold(text: str) -> str:
    """fold() that keeps one character per character, so positions found in the folded text
    are valid in the original."""
    out = []
    for ch in nfc(text):
        folded = fold(ch).lower()
        out.append(folded if len(folded) == 1 else ch.lower())
    return "".join(out)


def starts_with_any(text: str, phrases) -> str | None:
    """The first phrase a folded text starts with (at a word boundary)."""
    for phrase in phrases:
        if text == phrase or text.startswith(phrase + " ") or (phrase.endswith(" ") and text.startswith(phrase)):
            return phrase
    return None


def label_of(text: str, table: dict) -> str | None:
    """Which key of `table` a short cell text is the label of ('Mã hiệu:' → 'code')."""
    folded = norm(text)
    for key, phrases in table.items():
        if folded in phrases:
            return key
    return None


def label_value(line: str, table: dict) -> tuple[str, str] | None:
    """('code', 'QT.09') from 'Mã hiệu: QT.09'; None when the line starts with no label."""
    folded = aligned_fold(line)
    for key, phrases in table.items():
        for phrase in phrases:
            m = re.match(r"\s*" + r"\s+".join(map(re.escape, phrase.split())) + r"\s*[:：]\s*", folded)
            if m:
                return key, line[m.end():].strip()
    return None


def find_date(text: str) -> date | None:
    """The first real date written in the text: 15/3/2026, 15-03-2026, 2026-03-15 or
    'ngày 15 tháng 3 năm 2026'."""
    folded = norm(text)
    for pattern, order in ((_DATE_NUMERIC, "dmy"), (_DATE_ISO, "ymd"), (_DATE_WORDS, "dmy")):
        for m in pattern.finditer(folded if pattern is _DATE_WORDS else text):
            a, b, c = (int(g) for g in m.groups())
            value = parse_date(f"{a:04d}-{b:02d}-{c:02d}" if order == "ymd" else f"{c:04d}-{b:02d}-{a:02d}")
            if value:
                return value
    return None


def find_revision(text: str) -> int | None:
    """'02' → 2, 'Lần 3' → 3; None when the text holds no positive number."""
    m = re.search(r"\d+", text or "")
    return int(m.group(0)) if m and int(m.group(0)) > 0 else None


def is_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _keep_capitals(word: str) -> bool:
    core = word.strip("()[],.;:\"'“”")
    if not core or core.upper() in ACRONYMS or any(ch.isdigit() for ch in core):
        return True
    return not (set(fold(core).lower()) & _VOWELS) and len(core) > 1


def sentence_case(text: str) -> str:
    """'QUY TRÌNH KIỂM SOÁT TÀI LIỆU ISO' → 'Quy trình kiểm soát tài liệu ISO'; text not typed
    in capitals is only trimmed."""
    text = " ".join(nfc(text).split())
    if not is_upper(text):
        return text
    words = [w if _keep_capitals(w) else w.lower() for w in text.split(" ")]
    first = words[0]
    if first and not _keep_capitals(first):
        words[0] = first[0].upper() + first[1:]
    return " ".join(words)


def strip_honorific(name: str) -> str:
    """'Ông Nguyễn Văn A' → 'Nguyễn Văn A'; 'ThS. Lê B' → 'Lê B'."""
    name = " ".join(nfc(name).split())
    folded = aligned_fold(name)
    m = HONORIFICS.match(folded)
    return name[m.end():].strip() if m else name


def looks_like_name(text: str) -> bool:
    """Two to six words, each starting with a capital letter, no digits: a person's name."""
    words = strip_honorific(text).split()
    return (2 <= len(words) <= 6 and not any(ch.isdigit() for ch in text)
            and all(w[0].isupper() for w in words if w[0].isalpha()) and all(w[0].isalpha() for w in words))


def looks_like_position(text: str, known: list[str]) -> bool:
    folded = norm(text)
    return bool(starts_with_any(folded, tuple(known) + POSITION_WORDS))
