"""Stamping: a variant is the cached master with a stamp page laid over every page.

The stamp pages come from the template's `overlay` (one typst run for any number of stamps).
Laying a stamp over the master is an incremental update appended to the master's bytes: the
stamp becomes one Form XObject (with its fonts), every page object gets a new version that
draws it after its own content, and a new cross-reference section points at the changes. The
master's content is neither parsed nor rewritten, which keeps a 20-page copy well under 100 ms
(a full pypdf rewrite takes several times longer). The Form XObject and its fonts are written
out once per stamp and orientation (`Stamps`), not once per copy: that copy took two thirds of
the stamping time of a cold build.
"""
from __future__ import annotations

import io
import json
import re
import secrets
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject,
                           IndirectObject, NameObject, NumberObject,
                           StreamObject, TextStringObject)

from builder.pdf import compile as typst_compile
from builder.pdf.fonts import font_setup
from builder.pdf.paths import TEMPLATE
from builder.pdf.source import OVERLAY
from builder.pdf.variants import Variant

STAMP = NameObject("/QmsStamp")


class StampError(Exception):
    """The stamp pages could not be rendered (for example a broken template)."""


class Stamps:
    """The rendered stamp pages, and each one's Form XObject once it has been written out."""

    def __init__(self, reader: PdfReader):
        self.reader = reader
        self.forms: dict[int, _OpenForm] = {}

    def form(self, position: int) -> _OpenForm:
        if position not in self.forms:
            self.forms[position] = _OpenForm(self.reader.pages[position], self.reader)
        return self.forms[position]


def render_stamps(root: Path, variants: list[Variant], orientations: list[bool]) -> Stamps:
    """One typst run: page (i * len(orientations) + j) is stamp i in orientation j."""
    root = Path(root)
    if not (root / TEMPLATE).is_file():
        raise StampError(f"không tìm thấy mẫu trình bày {TEMPLATE}")
    fonts = font_setup(root)
    data = {"fonts": list(fonts.families), "stamps": [v.stamp() for v in variants], "orientations": orientations}
    task = typst_compile.Task("stamps", str(root), fonts.dirs, OVERLAY.encode("utf-8"),
                              {"data": json.dumps(data, ensure_ascii=False)})
    output = typst_compile.run(task)
    if output.pdf is None:
        raise StampError(output.error or "")
    return Stamps(PdfReader(io.BytesIO(output.pdf)))


def orientation(page) -> bool:
    """True for a landscape page."""
    box = page.mediabox
    return float(box.width) > float(box.height)


class _Update:
    """The objects of one incremental update: new numbers from the master's /Size on."""

    def __init__(self, size: int, ref=IndirectObject):
        self.next, self.ref = size, ref
        self.objects: dict[int, tuple[int, object]] = {}   # id -> (generation, object)

    def add(self, obj) -> IndirectObject:
        """`obj`: a pypdf object, or bytes already written out (see _OpenForm)."""
        ref = self.ref(self.next, 0, None)
        self.objects[self.next] = (0, obj)
        self.next += 1
        return ref

    def replace(self, ref: IndirectObject, obj) -> None:
        self.objects[ref.idnum] = (ref.generation, obj)

    def serialise(self, base: bytes, trailer: DictionaryObject, prev: int) -> bytes:
        """`base` followed by the new objects, their xref section and the trailer."""
        out = io.BytesIO()
        out.write(base if base.endswith(b"\n") else base + b"\n")
        offsets = {}
        for idnum in sorted(self.objects):
            generation, obj = self.objects[idnum]
            offsets[idnum] = out.tell()
            out.write(f"{idnum} {generation} obj\n".encode())
            if isinstance(obj, bytes):
                out.write(obj)
            else:
                obj.write_to_stream(out)
            out.write(b"\nendobj\n")
        xref = out.tell()
        out.write(b"xref\n0 1\n0000000000 65535 f \n")   # the free-list head: readers expect a section at 0
        for idnum in sorted(self.objects):
            out.write(f"{idnum} 1\n{offsets[idnum]:010d} {self.objects[idnum][0]:05d} n \n".encode())
        trailer[NameObject("/Size")] = NumberObject(self.next)
        trailer[NameObject("/Prev")] = NumberObject(prev)
        out.write(b"trailer\n")
        trailer.write_to_stream(out)
        out.write(f"\nstartxref\n{xref}\n%%EOF\n".encode())
        return out.getvalue()


def _copy_graph(obj, source: PdfReader, update: _Update, seen: dict):
    """A copy of `obj` from the stamp PDF, its indirect objects renumbered into `update`."""
    if isinstance(obj, IndirectObject):
        if obj.idnum not in seen:
            target = obj.get_object()
            placeholder = update.add(DictionaryObject())
            seen[obj.idnum] = placeholder
            update.replace(placeholder, _copy_graph(target, source, update, seen))
        return seen[obj.idnum]
    if isinstance(obj, StreamObject):
        copy = StreamObject.__new__(type(obj))
        StreamObject.__init__(copy)
        copy._data = obj._data
        for key, value in obj.items():
            copy[NameObject(key)] = _copy_graph(value, source, update, seen)
        return copy
    if isinstance(obj, DictionaryObject):
        return DictionaryObject({NameObject(k): _copy_graph(v, source, update, seen) for k, v in obj.items()})
    if isinstance(obj, ArrayObject):
        return ArrayObject(_copy_graph(v, source, update, seen) for v in obj)
    return obj


def _form(page, source: PdfReader, update: _Update) -> IndirectObject:
    """The stamp page as a Form XObject in the update (its fonts and graphics states copied)."""
    form = DecodedStreamObject()
    form.set_data(page.get_contents().get_data())
    box = page.mediabox
    form.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                 NameObject("/BBox"): ArrayObject([NumberObject(0), NumberObject(0), box.right, box.top]),
                 NameObject("/Resources"): _copy_graph(page.raw_get("/Resources"), source, update, {})})
    return update.add(form)


class _OpenRef(IndirectObject):
    """A reference inside an _OpenForm: written as a token that `_OpenForm.add_to` numbers."""

    def write_to_stream(self, stream, encryption_key=None) -> None:
        stream.write(_OpenForm.TOKEN % self.idnum)


class _OpenForm:
    """A stamp's Form XObject and everything it refers to, written out once with the object
    numbers left open: each master's update numbers them from its own /Size. The objects and
    their order are those `_form` makes, so a copy is the same, byte for byte."""

    NONCE = secrets.token_hex(8).encode()
    TOKEN = b"\x00qms-ref-" + NONCE + b"-%d\x00"
    SPLIT = re.compile(b"\x00qms-ref-" + NONCE + b"-(\\d+)\x00")

    def __init__(self, page, source: PdfReader):
        update = _Update(0, ref=_OpenRef)
        self.root = _form(page, source, update).idnum
        self.count = update.next
        self.objects = [(idnum, self._open_bytes(obj)) for idnum, (_, obj) in sorted(update.objects.items())]

    @classmethod
    def _open_bytes(cls, obj) -> list:
        """The object written out, split at each reference: [bytes, number, bytes, ..., bytes].
        Only the dictionary is split; a stream's data (fonts) is taken as it is."""
        out, data = io.BytesIO(), None
        if isinstance(obj, StreamObject):
            data = obj._data
            head = DictionaryObject(obj)
            head[NameObject("/Length")] = NumberObject(len(data))
            head.write_to_stream(out)
        else:
            obj.write_to_stream(out)
        parts = cls.SPLIT.split(out.getvalue())
        if data is not None:
            parts[-1] += b"\nstream\n" + data + b"\nendstream"
        return [int(p) if i % 2 else p for i, p in enumerate(parts)]

    def add_to(self, update: _Update) -> IndirectObject:
        """Its objects numbered from the update's next number; the reference to the form."""
        base = update.next
        for idnum, parts in self.objects:
            update.objects[base + idnum] = (0, b"".join(
                f"{base + p} 0 R".encode() if i % 2 else p for i, p in enumerate(parts)))
        update.next += self.count
        return IndirectObject(base + self.root, 0, None)


def _stream(update: _Update, data: bytes) -> IndirectObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return update.add(stream)


def _stamped_page(page, form: IndirectObject, before, after) -> DictionaryObject:
    """A new version of the page dictionary: own content in q/Q, then the stamp on top."""
    new = DictionaryObject({NameObject(k): v for k, v in page.items()})
    resources = page.get("/Resources")
    resources = DictionaryObject(resources.get_object()) if resources is not None else DictionaryObject()
    xobjects = resources.get("/XObject")
    xobjects = DictionaryObject(xobjects.get_object()) if xobjects is not None else DictionaryObject()
    xobjects[STAMP] = form
    resources[NameObject("/XObject")] = xobjects
    new[NameObject("/Resources")] = resources
    contents = page.raw_get("/Contents")
    existing = list(contents.get_object()) if isinstance(contents.get_object(), ArrayObject) else [contents]
    new[NameObject("/Contents")] = ArrayObject([before, *existing, after])
    return new


def stamp(master: bytes, stamps: Stamps, index: int = 0, orientations: list[bool] = (False,),
          metadata: dict | None = None) -> bytes:
    """The master with stamp `index` over every page (orientation picked per page)."""
    reader = PdfReader(io.BytesIO(master), strict=True)   # our own typst output: no repair pass over every object
    update = _Update(int(reader.trailer["/Size"]))
    before = _stream(update, b"q\n")
    after = _stream(update, b"Q\nq /QmsStamp Do Q\n")
    forms: dict[bool, IndirectObject] = {}
    for page in reader.pages:
        flipped = orientation(page)
        if flipped not in forms:
            position = index * len(orientations) + list(orientations).index(flipped)
            forms[flipped] = stamps.form(position).add_to(update)
        update.replace(page.indirect_reference, _stamped_page(page, forms[flipped], before, after))
    trailer = DictionaryObject({NameObject(k): v for k, v in reader.trailer.items() if k not in ("/Prev", "/XRefStm")})
    if metadata:
        info = reader.trailer.get("/Info")
        fields = DictionaryObject(info.get_object()) if info is not None else DictionaryObject()
        fields.update({NameObject(k): TextStringObject(v) for k, v in metadata.items()})
        trailer[NameObject("/Info")] = update.add(fields)
    return update.serialise(master, trailer, _startxref(master))


def _startxref(pdf: bytes) -> int:
    tail = pdf[-1024:]
    position = tail.rindex(b"startxref")
    return int(tail[position + len(b"startxref"):].split()[0])
