"""One DOCX package written by pandoc for many forms, cut into one package per form.

pandoc's docx writer spends ~22 ms a call rebuilding the package around the body, whatever the
body's size: 650 forms took 16 s of CPU, more than their PDFs. markdown.lua therefore writes the
forms of a batch as one document, each after a marker heading (`<marker>-<i>`), and this module
cuts it: form i gets the body between marker i and marker i + 1 and, of the package's shared
parts, what its body refers to (numbering, hyperlink and image relationships, media, footnotes).
Everything else (styles, theme, settings, section properties, the reference document's own
numbering) is the same for every form, as it is when pandoc writes a form alone.

The marker is a heading: pandoc styles the paragraph after a heading as the first of a document
("First Paragraph"), so a form's body comes out as it does on its own (tests compare the two).
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

DOCUMENT = "word/document.xml"
DOCUMENT_RELS = "word/_rels/document.xml.rels"
NUMBERING = "word/numbering.xml"
FOOTNOTES = "word/footnotes.xml"
FOOTNOTES_RELS = "word/_rels/footnotes.xml.rels"
CONTENT_TYPES = "[Content_Types].xml"

_PARAGRAPH_START = re.compile(r"<w:p[ >]")
_RELATIONSHIP = re.compile(r"<Relationship\b[^>]*/>")
_REL_ID = re.compile(r'\bId="([^"]+)"')
_REL_TARGET = re.compile(r'\bTarget="([^"]+)"')
_REL_TYPE = re.compile(r'\bType="[^"]*/(\w+)"')
_USED_REL = re.compile(r'\br:(?:id|embed|link|pict)="([^"]+)"')
_NUM_ID = re.compile(r'<w:numId w:val="(\d+)"')
_ABSTRACT_REF = re.compile(r'<w:abstractNumId w:val="(\d+)"')
_DEFINITION = re.compile(r'<w:abstractNum w:abstractNumId="(?P<abstract>\d+)"[^>]*>.*?</w:abstractNum>'
                         r'|<w:num w:numId="(?P<num>\d+)"[^>]*>.*?</w:num>', re.S)
_FOOTNOTE = re.compile(r'<w:footnote\b([^>]*)>.*?</w:footnote>', re.S)
_FOOTNOTE_REF = re.compile(r'<w:footnoteReference w:id="(-?\d+)"')
_ATTR_ID = re.compile(r'\bw:id="(-?\d+)"')
_OVERRIDE = re.compile(r'<Override PartName="/([^"]+)"[^>]*/>')
PER_FORM_TYPES = ("hyperlink", "image")    # relationships a form's body brings; the others are shared


class SplitError(Exception):
    """The package does not hold the markers it should (pandoc changed its output)."""


@dataclass
class _Package:
    names: list[str]
    parts: dict[str, bytes]

    def text(self, name: str) -> str:
        return self.parts[name].decode("utf-8") if name in self.parts else ""


def split(package: bytes, marker: str, count: int) -> list[bytes]:
    """The `count` forms of a combined package, each as its own DOCX package."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        names = archive.namelist()
        whole = _Package(names, {name: archive.read(name) for name in names})
    document = whole.text(DOCUMENT)
    bounds: list[tuple[int, int]] = []
    for i in range(count):
        bounds.append(_marker_paragraph(document, f"{marker}-{i}", bounds[-1][1] if bounds else 0))
    body_end = document.rfind("<w:sectPr")
    if body_end < bounds[-1][1]:
        raise SplitError("no section properties after the last form")
    head, tail = document[:bounds[0][0]], document[body_end:]
    numbering = _Numbering(whole.text(NUMBERING), set(_NUM_ID.findall(document)))
    shared_nums = set(_NUM_ID.findall(whole.text("word/styles.xml")))
    out = []
    for i, (_, end) in enumerate(bounds):
        # the marker's line break goes with it: the body starts where the marker started
        body = document[end:bounds[i + 1][0] if i + 1 < count else body_end].lstrip()
        out.append(_form_package(whole, head + body + tail, body, numbering, shared_nums))
    return out


def _marker_paragraph(document: str, text: str, after: int) -> tuple[int, int]:
    """Start and end of the paragraph that holds exactly `text` (the markers come in order)."""
    at = document.find(f">{text}<", after)
    if at < 0:
        raise SplitError(f"marker {text} not found")
    starts = [m.start() for m in _PARAGRAPH_START.finditer(document, max(0, at - 2000), at)]
    end = document.find("</w:p>", at)
    if not starts or end < 0:
        raise SplitError(f"marker {text} is not in a paragraph")
    return starts[-1], end + len("</w:p>")


def _form_package(whole: _Package, document: str, body: str, numbering: _Numbering, shared_nums: set[str]) -> bytes:
    """The package of one form: its document, the shared parts, and what its body refers to."""
    parts = dict(whole.parts)
    parts[DOCUMENT] = document.encode("utf-8")
    footnotes = _footnotes(whole.text(FOOTNOTES), set(_FOOTNOTE_REF.findall(body)))
    if FOOTNOTES in parts:
        parts[FOOTNOTES] = footnotes.encode("utf-8")
    kept_targets = set()
    for name, text in ((DOCUMENT_RELS, body), (FOOTNOTES_RELS, footnotes)):
        if name in parts:
            rels, targets = _relationships(whole.text(name), set(_USED_REL.findall(text)))
            parts[name] = rels.encode("utf-8")
            kept_targets |= targets
    if NUMBERING in parts:
        wanted = set(_NUM_ID.findall(body)) | set(_NUM_ID.findall(footnotes)) | shared_nums
        parts[NUMBERING] = numbering.for_form(wanted).encode("utf-8")
    media = {name for name in parts if name.startswith("word/media/")}
    for name in media - {"word/" + target for target in kept_targets}:
        del parts[name]
    if CONTENT_TYPES in parts:
        parts[CONTENT_TYPES] = _content_types(whole.text(CONTENT_TYPES), set(parts)).encode("utf-8")
    return _zip([name for name in whole.names if name in parts], parts)


def _relationships(rels: str, used: set[str]) -> tuple[str, set[str]]:
    """The relationships file without the hyperlinks and images other forms brought; and the
    targets it keeps."""
    kept_targets = set()

    def keep(match: re.Match) -> str:
        element = match.group(0)
        kind = _REL_TYPE.search(element)
        rel_id = _REL_ID.search(element)
        if kind and kind.group(1) in PER_FORM_TYPES and (not rel_id or rel_id.group(1) not in used):
            return ""
        target = _REL_TARGET.search(element)
        if target:
            kept_targets.add(target.group(1))
        return element

    return _RELATIONSHIP.sub(keep, rels), kept_targets


class _Numbering:
    """numbering.xml cut into its list definitions once, so that each form's copy is assembled
    from the few it uses (the combined file holds every list of every form)."""

    def __init__(self, numbering: str, used_in_bodies: set[str]):
        self.pieces: list[str] = []                 # text in order: other text and definitions
        self.num_at: dict[str, int] = {}            # numId -> index in pieces
        self.abstract_at: dict[str, int] = {}       # abstractNumId -> index in pieces
        self.abstract_of: dict[str, str] = {}       # numId -> its abstractNumId
        self.always: list[int] = []                 # other text, and the reference document's own lists
        position = 0
        for match in _DEFINITION.finditer(numbering):
            self._other(numbering[position:match.start()])
            self.pieces.append(match.group(0))
            index = len(self.pieces) - 1
            if match.group("abstract"):
                self.abstract_at[match.group("abstract")] = index
            else:
                num = match.group("num")
                self.num_at[num] = index
                refs = _ABSTRACT_REF.findall(match.group(0))
                self.abstract_of[num] = refs[0] if refs else ""
            position = match.end()
        self._other(numbering[position:])
        referenced = set(self.abstract_of.values())
        own = [num for num in self.num_at if num not in used_in_bodies]
        own_abstracts = {self.abstract_of[num] for num in own}
        self.always += [self.num_at[num] for num in own]
        self.always += [i for a, i in self.abstract_at.items() if a not in referenced or a in own_abstracts]

    def _other(self, text: str) -> None:
        if text:
            self.pieces.append(text)
            self.always.append(len(self.pieces) - 1)

    def for_form(self, wanted: set[str]) -> str:
        """The file with the lists of `wanted` numIds and everything no form brought."""
        chosen = set(self.always)
        for num in wanted:
            if num in self.num_at:
                chosen.add(self.num_at[num])
                chosen.add(self.abstract_at.get(self.abstract_of[num], self.num_at[num]))
        return "".join(self.pieces[i] for i in sorted(chosen))


def _footnotes(footnotes: str, used: set[str]) -> str:
    """The separators and this form's notes."""

    def keep(match: re.Match) -> str:
        attributes = match.group(1)
        note = _ATTR_ID.search(attributes)
        if "w:type=" in attributes or (note and note.group(1) in used):
            return match.group(0)
        return ""

    return _FOOTNOTE.sub(keep, footnotes) if footnotes else footnotes


def _content_types(types: str, present: set[str]) -> str:
    """No override for a part the form's package does not hold."""
    return _OVERRIDE.sub(lambda m: m.group(0) if m.group(1) in present else "", types)


def _zip(names: list[str], parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, parts[name])
    return buffer.getvalue()
