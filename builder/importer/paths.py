"""Where an imported document, its images and its kept Word original are written."""
from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from builder.documents.text import slug
from builder.importer import texts as T
from builder.importer.analyse import Analysis
from builder.importer.batch import Batch, Options, source_name
from builder.importer.codes import code_of_path
from builder.importer.markdown import Writer

BROWSER_IMAGES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp"}


def file_code(code: str) -> str:
    """A code as it can appear in a file name ('QT 02/STP' → 'QT-02-STP')."""
    return re.sub(r"[^\w.\-]+", "-", code).strip("-") or "tai-lieu"


def target_paths(source: Path, kind: str, code: str, title: str, options: Options, batch: Batch):
    """The Markdown path and the files to remove once it is written.

    The document imported before from the same Word file, or else the document with the same
    code, is overwritten in place; when its code or kind changed (another name, another
    folder) the new file replaces it and the old one is removed, so one Word file always
    gives one document."""
    top = "forms" if kind == "form" else "procedures"
    sub = (options.out or "").strip("/")
    for prefix in ("procedures", "forms"):
        if sub == prefix or sub.startswith(prefix + "/"):
            sub = sub[len(prefix):].strip("/")
    folder = f"{top}/{sub}" if sub else top
    name_part = slug(title)[:60] or slug(source.stem)[:60] or "tai-lieu"
    fresh = f"{folder}/{file_code(code)}-{name_part}.md"
    by_source, by_code = batch.sources.get(source_name(source)), batch.documents.get(code)
    if by_code and by_code.split("/", 1)[0] == top:
        target = by_code
    elif by_source and by_source.split("/", 1)[0] == top and code_of_path(by_source, batch) in (code, None):
        target = by_source
    else:
        target = fresh
    return target, sorted({p for p in (by_source, by_code) if p and p != target})


def attachment_of(source: Path, path: str, code: str) -> tuple[str, bytes, str]:
    """(path from the root, bytes, link from the form file) of the kept Word original."""
    link = f"attachments/{file_code(code)}.docx"
    return str(PurePosixPath(path).parent / link), source.read_bytes(), link


def image_writer(analysis: Analysis, media: dict[str, bytes], media_dir: str, path: str, todo: list[str]):
    """A Markdown writer whose images point at media/<code>/<name>, and the files it needs."""
    names: dict[str, str] = {}
    files: dict[str, bytes] = {}
    link_base = PurePosixPath(media_dir).relative_to(PurePosixPath(path).parent)

    def image(src: str) -> str | None:
        """Link of one AST image; each picture is kept once under a stable name."""
        if re.match(r"^[a-z]+://", src):
            return src
        if src not in media:
            return None
        if src not in names:
            name = PurePosixPath(src).name or "hinh"
            if name in files:
                name = f"{len(files) + 1}-{name}"
            names[src] = name
            files[name] = media[src]
            suffix = PurePosixPath(name).suffix.lower()
            if suffix not in BROWSER_IMAGES:
                todo.append(T.TODO["image-format"].format(name=name, fmt=suffix.lstrip(".").upper() or "?"))
        return f"{link_base}/{names[src]}"

    return Writer(image=image), files
