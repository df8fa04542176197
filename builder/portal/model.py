"""What the portal knows of each agency: its entry in the portal's configuration, the files
collected from it (or the last good copy), and what went wrong when collecting."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

LEVELS = {
    "so": "Sở, ban, ngành",
    "xa": "Ủy ban nhân dân xã, phường, đặc khu",
    "khac": "Cơ quan, đơn vị khác",
}
# Why a collection failed; the portal shows it beside the agency (and keeps the last good copy).
PROBLEMS = {
    "unreachable": "Không kết nối được",
    "timeout": "Quá thời gian chờ",
    "too_large": "Tệp quá lớn",
    "not_json": "Không phải JSON hợp lệ",
    "invalid": "Không đúng lược đồ status.json",
    "invalid_manifest": "Không đúng lược đồ manifest.json",
    "http": "Máy chủ trả lỗi",
}


@dataclass(frozen=True)
class AgencyEntry:
    """One agency as the portal's configuration lists it."""
    id: str                      # short, stable: the agency page's address (portal.yml)
    name: str
    level: str                   # a key of LEVELS
    site_url: str                # the agency's published site, linked from its page
    status_url: str              # where its status.json is collected (http(s):// or a local path)
    manifest_url: str            # where its manifest.json is collected
    line: int = 1                # line in portal.yml, for findings


@dataclass
class Collected:
    """The outcome of collecting one agency: the files in use (fresh, or the last good copy when
    this collection failed), and what went wrong this time."""
    entry: AgencyEntry
    status: dict | None = None          # validated status.json
    manifest: dict | None = None        # validated manifest.json (documents: code, title, url...)
    fetched: date | None = None         # when the files in use were collected
    stale_copy: bool = False            # True: this collection failed, the files are the last good copy
    problems: list[str] = field(default_factory=list)   # keys of PROBLEMS, with detail after ':'

    @property
    def ok(self) -> bool:
        return self.status is not None and not self.problems
