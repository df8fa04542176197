"""The site for records of the yearly cycle: a page per record, a register per kind under
so-theo-doi/, and the 'Chu kỳ HTQLCL năm <year>' page of every year that has records."""
from __future__ import annotations

from functools import partial

from builder.addresses import cycle_page_uri, record_page_uri
from builder.catalog import Catalog
from builder.records import labels as L
from builder.site.model import NavItem
from builder.site.pages.records.acknowledgements import acknowledgements_page
from builder.site.pages.records.actions import actions_page
from builder.site.pages.records.audits import audit_page
from builder.site.pages.records.common import REGISTER_URIS, published
from builder.site.pages.records.cycle import cycle_page
from builder.site.pages.records.inspections import inspections_page
from builder.site.pages.records.record import record_page
from builder.site.pages.records.reviews import reviews_page
from builder.site.pages.records.risks import risks_page
from builder.site.pages.records.surveys import surveys_page
from builder.site.pages.records.trainings import trainings_page

REGISTER_MAKERS = {"audit": audit_page, "corrective_action": actions_page, "risk": risks_page,
                   "survey": surveys_page, "review": reviews_page, "training": trainings_page,
                   "inspection": inspections_page, "acknowledgement": acknowledgements_page}


def record_makers(catalog: Catalog) -> dict:
    """A page per record (searchable, like documents)."""
    return {record_page_uri(r): partial(record_page, r, catalog) for r in published(catalog)}


def register_makers(catalog: Catalog) -> dict:
    """The registers (wide tables) and the cycle page of every year that has records."""
    makers = {REGISTER_URIS[kind]: partial(make, catalog) for kind, make in REGISTER_MAKERS.items()}
    makers.update({cycle_page_uri(year): partial(cycle_page, catalog, year) for year in catalog.records.years()})
    return makers


def records_nav(catalog: Catalog) -> NavItem:
    """The 'Hồ sơ' section: the cycle page of each year (newest first), then the registers."""
    cycles = [NavItem(L.CYCLE_TITLE.format(year=year), cycle_page_uri(year)) for year in catalog.records.years()]
    registers = [NavItem(L.REGISTER_TITLES[kind], REGISTER_URIS[kind]) for kind in REGISTER_MAKERS]
    return NavItem(L.RECORDS_NAV, children=tuple(cycles + registers))
