"""Pages of the intranet site beyond the documents themselves: browsing by kind and unit, the
home page, the registers (forms, legal documents, periodic review) and the dashboards
(quality objectives, yearly plan). Plain Markdown strings; the MkDocs plugin only places them.
"""
from __future__ import annotations

from .. import labels as L
from ..catalog import Catalog
from ..pages import GeneratedPage
from .browse import browse_nav, browse_pages
from .common import wide
from .home import HOME_PAGE, home_page
from .legal_register import LEGAL_REGISTER_PAGE, legal_register_page
from .objectives import OBJECTIVES_PAGE, objectives_page
from .plan import PLAN_PAGE, plan_page
from .review_due import REVIEW_PAGE, review_page


def site_pages(catalog: Catalog) -> list[GeneratedPage]:
    """Every generated page of this package except the home page (which needs the intro)."""
    pages = browse_pages(catalog) + [legal_register_page(catalog), review_page(catalog),
                                     objectives_page(catalog), plan_page(catalog)]
    return [wide(p) for p in pages]


def site_identity(organisation) -> dict:
    """Site name and logo from site_config/organisation.yml, so that one file names the agency
    everywhere (header, window title, printed pages); empty when not configured."""
    out = {}
    if organisation.agency_name:
        out["site_name"] = f"{L.SITE_NAME} - {organisation.agency_name}"
    if organisation.logo:
        out["logo"] = organisation.logo
    return out


def registers_nav(catalog: Catalog, extra: list[dict] | None = None) -> dict:
    """The 'Sổ theo dõi' nav section; `extra` adds registers generated elsewhere. The forms
    index is the 'Biểu mẫu' page of the by-kind section (a page appears once in a nav)."""
    items = [{L.LEGAL_REGISTER: LEGAL_REGISTER_PAGE}] + list(extra or [])
    items += [{L.REVIEW_DUE: REVIEW_PAGE}, {L.OBJECTIVES_DASHBOARD: OBJECTIVES_PAGE}, {L.PLAN_PROGRESS: PLAN_PAGE}]
    return {L.REGISTERS: items}


__all__ = ["HOME_PAGE", "site_pages", "home_page", "browse_nav", "registers_nav", "site_identity"]
