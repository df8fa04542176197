"""The parts of the yearly report that Nghị định 30/2020/NĐ-CP places around its body: the
agency and its parent, the number and symbol, the place and date, the title and subject, the
addressees (Kính gửi), the recipients (Nơi nhận) and the signature block.

They come from the `report:` block of site_config/records.yml when it is there, else from the
organisation: the number is left blank for the văn thư (who numbers outgoing documents) unless
given, the place is the province in the parent's name, the signer is the head of the agency."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from builder.catalog import Catalog
from builder.legal.register import LegalDocument
from builder.records.sections import written_date
from builder.reporting import labels as L

_PROVINCE = re.compile(r"\b(?:tỉnh|thành phố)\s+(.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Signer:
    authority: str          # 'KT. GIÁM ĐỐC' when a deputy signs for the head, else ''
    position: str           # 'GIÁM ĐỐC'
    name: str


@dataclass(frozen=True)
class ReportHeader:
    year: int
    parent: str
    agency: str
    number: str             # 'Số: 215/BC-SKHCN', or 'Số:        /BC-SKHCN' left for the văn thư
    place_date: str         # 'Hòa Phong, ngày 21 tháng 11 năm 2026'
    title: str
    subject: str
    addressees: tuple[str, ...]
    recipients: tuple[str, ...]
    signer: Signer
    warnings: tuple[str, ...] = ()   # configuration the report could not use (printed by `qms report`)

    def data(self) -> dict:
        """What the print template receives (every value a plain string: Typst prints it as text)."""
        out = asdict(self)
        out.pop("warnings")
        out["labels"] = {"national-name": L.NATIONAL_NAME, "national-motto": L.NATIONAL_MOTTO, "to": L.TO,
                         "recipients": L.RECIPIENTS}
        return out


def province(catalog: Catalog) -> str:
    """The place on the date line: configured, else the province in the parent's (or the
    agency's) name: 'Ủy ban nhân dân tỉnh Hòa Phong' → 'Hòa Phong'."""
    configured = catalog.record_settings.report.get("province")
    if configured:
        return configured
    org = catalog.organisation
    for name in (org.agency_parent, org.agency_name):
        found = _PROVINCE.search(name or "")
        if found:
            return found.group(1).strip()
    return ""


def report_number(catalog: Catalog, number: str | None = None) -> str:
    """'Số: 215/BC-SKHCN' from '215' (or a full '215/BC-SKHCN'); blank before the symbol when
    neither the option nor the configuration gives one: a number is never invented."""
    number = (number or catalog.record_settings.report.get("number") or "").strip()
    symbol = L.SYMBOL.format(short=catalog.organisation.agency_short or "")
    if "/" in number:
        return L.NUMBER.format(number=number)
    return L.NUMBER.format(number=f"{number or L.BLANK_NUMBER}/{symbol}")


def self_name(catalog: Catalog) -> str:
    """How the agency calls itself in its report ('Sở'), from the start of its name."""
    name = catalog.organisation.agency_name or ""
    return next((word for word in L.SELF_NAMES if name.startswith(word + " ")), L.SELF_DEFAULT)


def addressees(catalog: Catalog) -> tuple[str, ...]:
    """Kính gửi: configured; else the province's lead unit (its Sở Khoa học và Công nghệ), or the
    parent when the agency is that lead unit itself."""
    configured = catalog.record_settings.report.get("addressees")
    if configured:
        return tuple(configured)
    org = catalog.organisation
    if (org.agency_name or "").startswith(L.LEAD_UNIT) and org.agency_parent:
        return (org.agency_parent,)
    place = _PROVINCE.search(org.agency_parent or "")
    return (f"{L.LEAD_UNIT} {place.group(0)}" if place else L.LEAD_UNIT,)


def head_of_agency(catalog: Catalog) -> str | None:
    """The head of the top unit (the unit without a parent): who signs by default."""
    return next((u.head for u in catalog.organisation.units.values() if not u.parent and u.head), None)


def signer(catalog: Catalog) -> tuple[Signer, list[str]]:
    """The signature block: position and name of the configured signer (else the head); a deputy
    signs 'KT.' (ký thay) for the head's position. Unknown people are reported, not invented."""
    org = catalog.organisation
    configured = catalog.record_settings.report.get("signer")
    person_id = configured or head_of_agency(catalog)
    person = org.people.get(person_id or "")
    if person is None:
        warning = (f"Người ký báo cáo '{person_id}' (mục report.signer của site_config/records.yml) không có trong "
                   "site_config/organisation.yml: khối chữ ký để trống." if person_id else
                   "Không xác định được người ký báo cáo: khai báo report.signer trong site_config/records.yml.")
        return Signer("", "", ""), [warning]
    head = org.people.get(head_of_agency(catalog) or "")
    authority = ""
    if head is not None and head.position != person.position:
        authority = L.ON_BEHALF.format(position=org.position_name(head.position).upper())
    return Signer(authority, org.position_name(person.position).upper(), person.name), []


def report_header(catalog: Catalog, year: int, number: str | None = None) -> ReportHeader:
    org = catalog.organisation
    place, day = province(catalog), written_date(catalog.today)
    place_date = f"{place}, {day}" if place else day[:1].upper() + day[1:]
    who, warnings = signer(catalog)
    return ReportHeader(
        year=year, parent=org.agency_parent or "", agency=org.agency_name or "",
        number=report_number(catalog, number), place_date=place_date, title=L.TITLE,
        subject=L.SUBJECT.format(year=year), addressees=addressees(catalog),
        recipients=tuple(catalog.record_settings.report.get("recipients") or L.DEFAULT_RECIPIENTS),
        signer=who, warnings=tuple(warnings))


def citation(catalog: Catalog, number: str) -> str:
    """A legal document as the opening cites it: 'Kế hoạch số 646/KH-UBND ngày 12/01/2026 của Ủy
    ban nhân dân tỉnh Hòa Phong về duy trì, cải tiến ...', from the legal register."""
    doc = catalog.register.get(number)
    if doc is None:
        return L.BASIS_FALLBACK.get(number) or L.UNKNOWN_BASIS.format(number=number)
    return L.CITATION.format(type=doc.type, number=doc.number,
                             date=f" ngày {doc.issued.strftime('%d/%m/%Y')}" if doc.issued else "",
                             issuer=f" của {doc.issuer}" if doc.issuer else "", subject=_about(doc)).rstrip()


def _about(doc: LegalDocument) -> str:
    """The title as it follows the number: 'về việc ...', 'về duy trì ...' (a title that starts
    with the document's type drops it: 'Kế hoạch duy trì ...' → 'về duy trì ...')."""
    title = (doc.title or "").strip()
    if title.lower().startswith(doc.type.lower() + " "):
        title = title[len(doc.type) + 1:]
    if not title:
        return ""
    title = title[:1].lower() + title[1:]
    return title if title.startswith("về ") else f"về {title}"


def basis(catalog: Catalog, year: int) -> list[str]:
    """Numbers of the documents the report is made under: the configured basis (default Quyết
    định 19/2014/QĐ-TTg), then the province's requests issued in the report's year (a request
    the register does not date is cited every year)."""
    settings = catalog.record_settings.report
    numbers = list(settings.get("basis") or L.DEFAULT_BASIS)
    for number in settings.get("requests") or []:
        doc = catalog.register.get(number)
        if doc is None or doc.issued is None or doc.issued.year == year:
            numbers.append(number)
    return list(dict.fromkeys(numbers))
