"""site/status.json: the agency's interface to the province's portal.

Who the agency is, the build date, where its yearly duties stand today (legal updates, corrective
actions, internal audit, management review, objectives, plan, surveys, scope, ISO 18091), and the
figures of this year's report with their sources, as `builder/reporting/figures.py` computes them
for the report itself. It follows a versioned JSON Schema kept beside this module
(`schemas/status-1.schema.json`), which the portal validates every collected file against.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from builder.addresses import page_url, record_page_url
from builder.catalog import Catalog
from builder.duties.yearly import duty_status
from builder.legal.changes import impacts
from builder.records.queries import is_overdue
from builder.reporting.figures import Section, flat, yearly_figures
from builder.storage.atomic import atomic_write_text

SCHEMA_VERSION = "1"
SCHEMA_FILE = Path(__file__).with_name("schemas") / f"status-{SCHEMA_VERSION}.schema.json"
STATUS_FILE = "status.json"


@lru_cache(maxsize=1)
def status_schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def _duty(catalog: Catalog, duty: str) -> dict:
    status = duty_status(catalog, duty)
    return {"last": _iso(status.last), "due": _iso(status.due), "overdue": status.overdue}


def _source_url(catalog: Catalog, source) -> str | None:
    """Site-relative address of a figure's source, for the portal and the report page."""
    if source.kind == "document":
        doc = catalog.get(source.ref)
        return page_url(doc) if doc is not None else None
    record = catalog.records.get(source.ref)
    return record_page_url(record) if record is not None else None


def _sections(catalog: Catalog, sections: list[Section]) -> list[dict]:
    return [{"key": s.key, "title": s.title, "figures": [
        {"key": f.key, "label": f.label, "value": f.value, "unit": f.unit,
         "sources": [{"ref": x.ref, "kind": x.kind, "url": _source_url(catalog, x)} for x in f.sources]}
        for f in s.figures]} for s in sections]


def _now(catalog: Catalog, figures: dict) -> dict:
    """Where things stand on the build date, whatever year they began in."""
    found = impacts(catalog)
    actions = catalog.records.of_kind("corrective_action")
    iso = {k: figures.get(f"iso18091.{k}") for k in ("green", "yellow", "red")}
    return {
        "documents_in_force": sum(1 for d in catalog.documents if d.status == "effective"),
        "records": len(catalog.records),
        "open_records": sum(1 for r in catalog.records if not r.is_closed),
        "legal_due": sum(1 for i in found if i.state == "due"),
        "legal_overdue": sum(1 for i in found if i.state == "overdue"),
        "actions_open": sum(1 for r in actions if not r.is_closed),
        "actions_overdue": sum(1 for r in actions if is_overdue(r, catalog.today)),
        "internal_audit": _duty(catalog, "internal_audit"),
        "management_review": _duty(catalog, "management_review"),
        "objectives": {k: figures.get(f"objectives.{k}") or 0 for k in ("total", "met", "not_met", "not_measured")},
        "plan": {"tasks": figures.get("plan.tasks") or 0, "done": figures.get("plan.done") or 0,
                 "overdue": figures.get("plan.overdue") or 0, "completion": figures.get("plan.completion")},
        "surveys": {"held": figures.get("surveys.held") or 0, "average": figures.get("surveys.average"),
                    "lowest": figures.get("surveys.lowest"), "below_target": figures.get("surveys.below_target") or 0},
        "scope": {"units": figures.get("scope.units") or 0, "procedures": figures.get("scope.procedures") or 0,
                  "announced": figures.get("scope.announced"), "changed": figures.get("scope.changed") == "có"},
        "iso18091": {k: v or 0 for k, v in iso.items()} if any(v is not None for v in iso.values()) else None,
    }


def status(catalog: Catalog) -> dict:
    """The status of the agency's system as of the catalog's day."""
    org = catalog.organisation
    year = catalog.today.year
    sections = yearly_figures(catalog, year)
    figures = flat(sections)
    return {
        "schema_version": SCHEMA_VERSION,
        "agency": {"name": org.agency_name, "short_name": org.agency_short, "parent": org.agency_parent,
                   "base_url": org.base_url},
        "generated": catalog.today.isoformat(),
        "year": year,
        "now": _now(catalog, figures),
        "figures": figures,
        "sections": _sections(catalog, sections),
    }


def write_status(catalog: Catalog, site_dir: Path) -> Path:
    path = Path(site_dir) / STATUS_FILE
    atomic_write_text(path, json.dumps(status(catalog), ensure_ascii=False, indent=2) + "\n")
    return path
