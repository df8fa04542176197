"""Every page the core generates for the site, as Markdown the generator only places.

`page_makers` names every page by its source path with a function that makes it: a build makes
them all (`generated_pages`); the preview makes only the page being looked at, so that an edit
shows in well under a second with a thousand documents."""
from __future__ import annotations

from functools import partial
from typing import Callable

from builder.addresses import issue_page_uri, page_uri
from builder.catalog import Catalog
from builder.site.generator import not_searchable, wide
from builder.site.model import GeneratedPage
from builder.site.pages.archive import archive_makers
from builder.site.pages.browse import browse_makers
from builder.site.pages.document import (current_issue_page, document_page,
                                         pending_page)
from builder.site.pages.law_changes import LAW_CHANGES_PAGE, legal_changes_page
from builder.site.pages.legal_register import (LEGAL_REGISTER_PAGE,
                                               legal_register_page)
from builder.site.pages.master_list import MASTER_LIST_PAGE, master_list_page
from builder.site.pages.objectives import OBJECTIVES_PAGE, objectives_page
from builder.site.pages.plan import PLAN_PAGE, plan_page
from builder.site.pages.records import record_makers, register_makers
from builder.site.pages.records.iso18091 import iso18091_makers
from builder.site.pages.reference import (FIELD_REFERENCE_PAGE, RULES_PAGE,
                                          field_reference_page, rules_page)
from builder.site.pages.report import report_makers
from builder.site.pages.review_due import REVIEW_PAGE, review_page
from builder.site.pages.todo import TODO_PAGE, todo_page

Maker = Callable[[], GeneratedPage]


def _then(shape: Callable[[GeneratedPage], GeneratedPage], make: Maker) -> Maker:
    return lambda: shape(make())


def page_makers(catalog: Catalog) -> dict[str, Maker]:
    """Every generated page except the home page (which wraps the agency's own introduction),
    by source path. Cheap: nothing is rendered until a maker is called."""
    makers: dict[str, Maker] = {page_uri(d): partial(document_page, d, catalog) for d in catalog.documents if d.code}
    # QR landing pages, superseded issues and change views repeat the current text: not searched.
    for d in catalog.documents:
        if d.code and d.revision:
            makers[issue_page_uri(d.code, d.revision)] = _then(not_searchable, partial(current_issue_page, d, catalog))
    makers.update({uri: _then(not_searchable, make) for uri, make in archive_makers(catalog).items()})
    for d in catalog.pending.values():
        if catalog.get(d.code) is not d and catalog.get(d.code).revision != d.revision:
            makers[issue_page_uri(d.code, d.revision)] = _then(not_searchable, partial(pending_page, d, catalog))
    makers[MASTER_LIST_PAGE] = _then(wide, partial(master_list_page, catalog))
    makers[LAW_CHANGES_PAGE] = partial(legal_changes_page, catalog)
    makers[FIELD_REFERENCE_PAGE] = field_reference_page
    makers[RULES_PAGE] = rules_page
    # Registers and lists are wide tables, not long texts: no table of contents beside them.
    registers = dict(browse_makers(catalog))
    registers.update({LEGAL_REGISTER_PAGE: partial(legal_register_page, catalog),
                      REVIEW_PAGE: partial(review_page, catalog), OBJECTIVES_PAGE: partial(objectives_page, catalog),
                      PLAN_PAGE: partial(plan_page, catalog), TODO_PAGE: partial(todo_page, catalog)})
    registers.update(register_makers(catalog))      # records: registers and the yearly cycle pages
    registers.update(iso18091_makers(catalog))      # the ISO 18091 self-assessment, when used
    makers.update({uri: _then(wide, make) for uri, make in registers.items()})
    makers.update(record_makers(catalog))           # one page per record, searchable like documents
    makers.update(report_makers(catalog))           # the yearly report of this year (and last year)
    return makers


def generated_pages(catalog: Catalog) -> list[GeneratedPage]:
    """Every generated page except the home page, made now."""
    return [make() for make in page_makers(catalog).values()]
