"""portal.yml: the province portal's own configuration, kept in the portal's folder (its own
repository), never in an agency's. Who runs the portal (province, lead unit), when an agency's data
counts as stale, the collection limits, and the agencies with the addresses of their published
files. Read like site_config/ (typed fields, findings with file and line, never a traceback)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from builder.documents.field_types import (Context, Enum, Field, Int, ListOf,
                                           Struct, Text)
from builder.documents.yaml_files import read_yaml_file
from builder.findings.rule_texts import (PORTAL_AGENCY_ID, PORTAL_CONFIG,
                                         PORTAL_URL)
from builder.portal.model import LEVELS, AgencyEntry

PORTAL_FILE = "portal.yml"
CACHE_FOLDER = ".portal-cache"
# An agency id names its page and its cache folder: lower-case ASCII letters, digits and hyphens,
# so that no id from the configuration can point a path elsewhere.
AGENCY_ID = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")
WEB_SCHEMES = ("http", "https")
DEFAULT_STALE_DAYS = 7          # agencies rebuild daily: a week without a build is worth a look
DEFAULT_TIMEOUT_SECONDS = 10    # per file, connection and transfer together
DEFAULT_MAX_BYTES = 5_000_000   # per file: a manifest of 300 documents is about 200 KB

_AGENCY = Struct([
    Field("id", Text(), "Mã cơ quan (chữ thường không dấu, số, dấu '-'; là địa chỉ trang của cơ quan)",
          required=True, example="so-khcn"),
    Field("name", Text(), "Tên cơ quan", required=True),
    Field("level", Enum(tuple(LEVELS)), "Cấp: " + ", ".join(f"{k} ({v})" for k, v in LEVELS.items()),
          required=True),
    Field("site_url", Text(), "Địa chỉ trang nội bộ đã xuất bản của cơ quan (http:// hoặc https://)",
          required=True),
    Field("status_url", Text(), "Nơi lấy status.json (mặc định: site_url + status.json); "
                                "có thể là đường dẫn tệp trên máy"),
    Field("manifest_url", Text(), "Nơi lấy manifest.json (mặc định: site_url + manifest.json)"),
])


class _Places(ListOf):
    """A list whose items keep their place, even an item that could not be read: the index
    gives the line of every later finding about that item."""

    def convert(self, raw, keys, ctx):
        if not isinstance(raw, list):
            return super().convert(raw, keys, ctx)
        return [(index, self.item.convert(item, keys + (index,), ctx)) for index, item in enumerate(raw)]


SHAPE = Struct([
    Field("province", Text(), "Tên tỉnh, thành phố", required=True, example="Tỉnh Hòa Phong"),
    Field("lead_unit", Text(), "Cơ quan đầu mối tổng hợp (đứng tên trên báo cáo tổng hợp)", required=True),
    Field("stale_days", Int(1, 366), "Số ngày không xuất bản lại thì dữ liệu của cơ quan bị coi là cũ"),
    Field("collection", Struct([
        Field("timeout_seconds", Int(1, 300), "Thời gian chờ tối đa cho mỗi tệp (giây)"),
        Field("max_bytes", Int(1_000, 100_000_000), "Dung lượng tối đa của mỗi tệp (byte)"),
    ]), "Giới hạn khi thu thập"),
    Field("agencies", _Places(_AGENCY), "Các cơ quan, đơn vị", required=True),
])


@dataclass
class PortalConfig:
    """What `qms portal` and the portal's pages need from portal.yml."""
    province: str = ""
    lead_unit: str = ""
    stale_days: int = DEFAULT_STALE_DAYS
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS
    max_bytes: int = DEFAULT_MAX_BYTES
    agencies: list[AgencyEntry] = field(default_factory=list)
    path: Path = Path(PORTAL_FILE)      # the file read; the portal's folder is its parent

    @property
    def folder(self) -> Path:
        return Path(self.path).parent

    @property
    def cache_dir(self) -> Path:
        """Where the last good copy of each agency's files is kept between runs."""
        return self.folder / CACHE_FOLDER


def valid_agency_id(value: str) -> bool:
    return bool(AGENCY_ID.fullmatch(value or ""))


def _scheme_and_host(value: str) -> tuple[str, str] | None:
    """None for an address that cannot be parsed ('http://[::1' from a server's redirect)."""
    try:
        parts = urlsplit(value)
        return parts.scheme.lower(), parts.netloc
    except ValueError:
        return None


def is_web_url(value: str) -> bool:
    """An http(s) address with a host: what the portal links to and fetches over the network."""
    parsed = _scheme_and_host(value)
    return parsed is not None and parsed[0] in WEB_SCHEMES and bool(parsed[1])


def _collect_url_problem(value: str) -> bool:
    """A collection address must be http(s), file:// or a plain path (a province syncing files)."""
    parsed = _scheme_and_host(value)
    if parsed is None:
        return True
    if len(parsed[0]) == 1:     # C:\... on Windows is a path
        return False
    return not (is_web_url(value) or parsed[0] in ("", "file"))


def _default_url(site_url: str, name: str) -> str:
    """Where the agency's build publishes `name`: at the root of its site."""
    return site_url.rstrip("/") + "/" + name


def _agency(item: dict, index: int, ctx: Context, seen: dict[str, int]) -> AgencyEntry | None:
    """One agency entry, or None when it cannot be used (each reason a finding at its line)."""
    keys = ("agencies", index)
    line = ctx.line(keys)
    agency_id, name = item.get("id"), item.get("name")
    site_url, level = item.get("site_url"), item.get("level")
    if not (agency_id and name and site_url and level):
        return None                             # REQUIRED_FIELD or INVALID_VALUE said why
    if not valid_agency_id(agency_id):
        ctx.report(PORTAL_AGENCY_ID, keys + ("id",), value=agency_id[:80])
        return None
    if agency_id in seen:
        ctx.findings.append(PORTAL_AGENCY_ID.finding(ctx.path, ctx.line(keys + ("id",)), "twice",
                                                     value=agency_id, first=seen[agency_id]))
        return None
    seen[agency_id] = ctx.line(keys + ("id",))
    if not is_web_url(site_url):
        ctx.report(PORTAL_URL, keys + ("site_url",), key="site_url", value=site_url[:200])
        return None
    urls = {"status_url": item.get("status_url") or _default_url(site_url, "status.json"),
            "manifest_url": item.get("manifest_url") or _default_url(site_url, "manifest.json")}
    bad = [key for key, url in urls.items() if _collect_url_problem(url)]
    for key in bad:
        ctx.findings.append(PORTAL_URL.finding(ctx.path, ctx.line(keys + (key,)), "collect", key=key,
                                               value=urls[key][:200]))
    if bad:
        return None
    return AgencyEntry(agency_id, name, level, site_url, urls["status_url"], urls["manifest_url"], line)


def load_portal_config(path: Path) -> tuple[PortalConfig, list]:
    """Read portal.yml; every wrong value is a finding and the agency it belongs to is left out
    (the command stops on any error, so a half-read list is never published)."""
    path = Path(path)
    config, findings = PortalConfig(path=path), []
    rel = path.name
    located = read_yaml_file(path.parent, rel, PORTAL_CONFIG, findings)
    if located is None:
        return config, findings
    ctx = Context(rel, located, findings)
    data = SHAPE.convert(located.data, (), ctx) or {}
    config.province = data.get("province") or ""
    config.lead_unit = data.get("lead_unit") or ""
    config.stale_days = data.get("stale_days") or DEFAULT_STALE_DAYS
    limits = data.get("collection") or {}
    config.timeout_seconds = limits.get("timeout_seconds") or DEFAULT_TIMEOUT_SECONDS
    config.max_bytes = limits.get("max_bytes") or DEFAULT_MAX_BYTES
    seen: dict[str, int] = {}
    for index, item in data.get("agencies") or []:
        entry = _agency(item, index, ctx, seen) if item else None
        if entry is not None:
            config.agencies.append(entry)
    return config, findings
