"""The three print variants, as the stamp each carries. The master PDF of an issue is the same
for all of them; a variant is the master with its stamp overlaid (see stamp.py)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from builder.documents import labels as L
from builder.documents.dates import vn_date

UNCONTROLLED, CONTROLLED, WITHDRAWN = "uncontrolled", "controlled", "withdrawn"


@dataclass(frozen=True)
class Variant:
    kind: str
    copy: int | None = None          # controlled copy number
    unit: str = ""                   # receiving unit (name, as printed)
    issued: date | None = None       # date the controlled copy was issued
    since: date | None = None        # withdrawn: date the issue stopped being valid
    replaced_by: int | None = None   # superseded: the issue that replaced it

    @classmethod
    def uncontrolled(cls) -> "Variant":
        return cls(UNCONTROLLED)

    @classmethod
    def controlled(cls, copy: int, unit: str, issued: date) -> "Variant":
        return cls(CONTROLLED, copy=copy, unit=unit, issued=issued)

    @classmethod
    def withdrawn(cls, since: date | None = None, replaced_by: int | None = None) -> "Variant":
        """A withdrawn document, or (with `replaced_by`) a superseded issue from history."""
        return cls(WITHDRAWN, since=since, replaced_by=replaced_by)

    def subject_suffix(self) -> str:
        """Added to the PDF subject, so a file says what it is even without opening it."""
        if self.kind == CONTROLLED:
            return " - " + L.PDF_SUBJECT_COPY.format(copy=self.copy, unit=self.unit)
        return " - " + L.PDF_SUBJECT_WITHDRAWN if self.kind == WITHDRAWN else ""

    def stamp(self) -> dict:
        """What the template's stamp-box prints: a title, short lines, and whether a watermark
        crosses the page (only for issues no longer valid)."""
        if self.kind == CONTROLLED:
            lines = [f"{L.COPY_NUMBER}: {self.copy:02d}    {L.ISSUED_ON}: {vn_date(self.issued)}",
                     f"{L.RECEIVING_UNIT}: {self.unit}"]
            return {"kind": self.kind, "title": L.STAMP_CONTROLLED, "lines": lines, "watermark": False}
        if self.kind == WITHDRAWN:
            lines = []
            if self.replaced_by:
                lines.append(f"{L.REPLACED_BY_ISSUE} {self.replaced_by:02d}")
            if self.since:
                lines.append(f"{L.WITHDRAWN_SINCE} {vn_date(self.since)}")
            return {"kind": self.kind, "title": L.STAMP_WITHDRAWN, "lines": lines, "watermark": True}
        return {"kind": UNCONTROLLED, "title": L.STAMP_UNCONTROLLED, "lines": [L.STAMP_UNCONTROLLED_NOTE],
                "watermark": False}


def site_variant(doc) -> Variant:
    """The variant of the PDF linked from the site: withdrawn documents say so on every page."""
    if doc.status == "withdrawn":
        return Variant.withdrawn(since=doc.withdrawn)
    return Variant.uncontrolled()
