"""Every page the core generates for the site, as Markdown the generator only places."""
from __future__ import annotations

from builder.catalog import Catalog
from builder.site.generator import not_searchable, wide
from builder.site.model import GeneratedPage
from builder.site.pages.archive import archive_pages
from builder.site.pages.browse import browse_pages
from builder.site.pages.document import (current_issue_page, document_page,
                                         pending_page)
from builder.site.pages.law_changes import legal_changes_page
from builder.site.pages.legal_register import legal_register_page
from builder.site.pages.master_list import master_list_page
from builder.site.pages.objectives import objectives_page
from builder.site.pages.plan import plan_page
from builder.site.pages.reference import field_reference_page, rules_page
from builder.site.pages.review_due import review_page
from builder.site.pages.todo import todo_page


def generated_pages(catalog: Catalog) -> list[GeneratedPage]:
    """Every generated page except the home page (which wraps the agency's own introduction)."""
    pages = [document_page(d, catalog) for d in catalog.documents if d.code]
    # QR landing pages, superseded issues and change views repeat the current text: not searched.
    pages += [not_searchable(current_issue_page(d, catalog)) for d in catalog.documents if d.code and d.revision]
    pages += [not_searchable(p) for p in archive_pages(catalog)]
    pages += [not_searchable(pending_page(d, catalog)) for d in catalog.pending.values()
              if catalog.get(d.code) is not d and catalog.get(d.code).revision != d.revision]
    pages += [wide(master_list_page(catalog)), legal_changes_page(catalog), field_reference_page(), rules_page()]
    # Registers and lists are wide tables, not long texts: no table of contents beside them.
    registers = browse_pages(catalog) + [legal_register_page(catalog), review_page(catalog),
                                         objectives_page(catalog), plan_page(catalog), todo_page(catalog)]
    return pages + [wide(p) for p in registers]
