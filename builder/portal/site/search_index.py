"""The province-wide search over every agency's document titles and codes, cut into small files.

1,000 agencies × 300 documents is 300,000 titles: one index would be tens of megabytes, which a
browser should not load to answer one query. So only titles and codes are indexed, folded
(without diacritics, lower case, 'Quy trình cấp giấy' → quy, trinh, cap, giay), and the index is
cut in three kinds of file, of which a query loads a few:

- `tu/<xy>.json`, one per first two letters of a word: each word starting with them and the
  documents holding it. Documents are numbered in the order of their folded titles, so the
  documents holding a word form long runs (every "Quy trình..." is one run), written as
  base-36 gaps and run lengths ("0+2k,5,1"): the list of a word in every title stays short;
- `tl/<n>.json`, the documents themselves, DOCS_PER_FILE in a file, in that same order (each
  title written once per file, the address as a path on the agency's site): a query's hits (the
  same procedure in many agencies) fall in one or two of them;
- `co-quan.json`, the agencies (portal page, name, site address), and `chi-muc.json`, what files
  exist.

assets/portal-search.js folds the query the same way, loads the word files of its words (every
word of the shard for a prefix of the last word typed), intersects, and loads the document files
of the hits it shows. Everything shown comes from agencies: the script writes it as text.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from builder.documents.text import fold, nfc

FOLDER = "tim-kiem"
PREFIX = 3                 # a word's file: its first PREFIX letters (shorter words: a file of their own)
DOCS_PER_FILE = 200
MAX_TITLE = 300            # longer titles are cut (an agency's file is untrusted)
MAX_CODE = 60
MAX_WORD = 40              # longer "words" are not indexed
INDEXED_STATUSES = ("effective", None)    # documents in force (a manifest without status: all)
_WORD = re.compile(r"[a-z0-9]+")
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class Entry:
    """One document of one agency, as the search shows it."""
    agency: int                # index into co-quan.json
    code: str
    title: str
    url: str | None            # the document's page: a path on the agency's site, or a checked http(s) URL
    terms: tuple[str, ...] = ()    # the words it is found by: its title's and its code's
    key: str = ""              # folded title and code: the order of numbering


def _fold_table() -> dict[int, str]:
    """fold() of every precomposed letter of the Latin blocks, as a translation table: folding
    300,000 titles a character at a time took seconds, translating takes a fraction of one."""
    table = {}
    for start, end in ((0xC0, 0x250), (0x1E00, 0x1F00)):
        for code in range(start, end):
            folded = fold(chr(code)).lower()
            if folded != chr(code):
                table[code] = folded
    return table


_FOLD = _fold_table()
_MARKS = re.compile("[\u0300-\u036f]")


def folded(text: str) -> str:
    """Lower case without diacritics, as fold() gives and as the browser's script folds the query
    (NFD, marks U+0300-U+036F dropped, đ → d)."""
    text = nfc(text).translate(_FOLD).lower()
    return _MARKS.sub("", unicodedata.normalize("NFD", text)) if not text.isascii() else text


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """The folded words of a title or query: lower case, no diacritics, letters and digits
    (remembered: agencies share many titles)."""
    return tuple(w for w in _WORD.findall(folded(text)) if len(w) <= MAX_WORD)


def code_word(code: str) -> str:
    """A code as one word, without its dots ('QT.01' → qt01, 'BM.01.02' → bm0102): the script
    also tries a query's words joined ('QT 01', 'qt.01' → qt01). Its parts alone are not indexed:
    '01' or 'bm' would list most documents of every agency."""
    return "".join(words(code))[:MAX_WORD]


def entry(agency: int, code, title, url: str | None) -> Entry | None:
    """An index entry from a manifest row, or None when it has neither code nor title."""
    code = code.strip()[:MAX_CODE] if isinstance(code, str) else ""
    title = title.strip()[:MAX_TITLE] if isinstance(title, str) else ""
    if not code and not title:
        return None
    title_words, code_term = words(title), code_word(code)
    terms = tuple(dict.fromkeys(title_words + ((code_term,) if code_term else ())))
    return Entry(agency, code, title, url, terms, f"{' '.join(title_words)}\x00{code_term}\x00{agency:06d}")


def base36(value: int) -> str:
    out = ""
    while True:
        value, digit = divmod(value, 36)
        out = _DIGITS[digit] + out
        if not value:
            return out


def encode(ids: list[int]) -> str:
    """Sorted document numbers as runs: each run is the gap after the previous run (base 36),
    then '+' and its length less one when longer than one."""
    out, previous, i = [], -1, 0
    while i < len(ids):
        start = end = ids[i]
        while i + 1 < len(ids) and ids[i + 1] == end + 1:
            i += 1
            end += 1
        gap = base36(start - previous - 1)
        out.append(gap if end == start else f"{gap}+{base36(end - start)}")
        previous = end
        i += 1
    return ",".join(out)


def decode(text: str) -> list[int]:
    """The inverse of encode (the browser's script does the same)."""
    ids, previous = [], -1
    for run in filter(None, text.split(",")):
        gap, _, length = run.partition("+")
        start = previous + 1 + int(gap, 36)
        end = start + (int(length, 36) if length else 0)
        ids.extend(range(start, end + 1))
        previous = end
    return ids


def shard_of(word: str) -> str:
    return word[:PREFIX]


def _dump(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def document_file(entries: list[Entry]) -> dict:
    """One file of documents: each title once ("t"; neighbours in title order share many), then
    each document as [agency, code, title number, address] ("d")."""
    titles: dict[str, int] = {}
    rows = [[e.agency, e.code, titles.setdefault(e.title, len(titles)), e.url] for e in entries]
    return {"t": list(titles), "d": rows}


def build(entries: list[Entry], agencies: list[tuple[str, str, str | None]]) -> dict[str, bytes]:
    """Every file of the search, by its path under the portal: `agencies` is (page folder, name,
    base of its site's links or None) by agency index."""
    ordered = sorted(entries, key=lambda e: e.key)
    postings: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for number, item in enumerate(ordered):
        for word in item.terms:
            postings[shard_of(word)].setdefault(word, []).append(number)
    files = {f"{FOLDER}/tu/{key}.json": _dump({w: encode(ids) for w, ids in sorted(shard.items())})
             for key, shard in postings.items()}
    for start in range(0, len(ordered), DOCS_PER_FILE):
        files[f"{FOLDER}/tl/{start // DOCS_PER_FILE}.json"] = _dump(document_file(ordered[start:start + DOCS_PER_FILE]))
    files[f"{FOLDER}/co-quan.json"] = _dump([list(agency) for agency in agencies])
    files[f"{FOLDER}/chi-muc.json"] = _dump({"version": 1, "documents": len(ordered), "per_file": DOCS_PER_FILE,
                                             "prefix": PREFIX, "shards": sorted(postings)})
    return files


def sizes(files: dict[str, bytes]) -> dict[str, int]:
    """Total and largest sizes of the search's files (bytes), for the report and the bench."""
    words_ = [len(v) for k, v in files.items() if k.startswith(f"{FOLDER}/tu/")]
    docs = [len(v) for k, v in files.items() if k.startswith(f"{FOLDER}/tl/")]
    return {"total": sum(len(v) for v in files.values()), "word_files": len(words_),
            "largest_word_file": max(words_, default=0), "document_files": len(docs),
            "largest_document_file": max(docs, default=0),
            "agencies_file": len(files.get(f"{FOLDER}/co-quan.json", b""))}
