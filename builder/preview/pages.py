"""What the preview adds to the pages: a banner over every document that may not be published as
it is (a draft, or a document with errors), listing its findings; a line on every page while the
system has errors; and a page with every finding. The published build never shows these: it
refuses to publish instead."""
from __future__ import annotations

from collections import defaultdict
from functools import partial

from builder.addresses import issue_page_uri, page_uri, page_url_of
from builder.catalog import Catalog
from builder.documents import labels as L
from builder.findings.finding import Finding, Severity
from builder.markup.literal import cell
from builder.site.generator import SEARCH_EXCLUDE, wide
from builder.site.markdown import esc, href, table
from builder.site.model import GeneratedPage
from builder.site.pages import Maker

CHECK_PAGE = "ket-qua-kiem-tra.md"


def preview_makers(catalog: Catalog, findings: list[Finding], makers: dict[str, Maker]) -> dict[str, Maker]:
    """The site's pages as the preview shows them, and the page of findings."""
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_path[f.path].append(f)
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    sources = {page_uri(d): d for d in catalog.documents if d.code}
    sources.update({issue_page_uri(d.code, d.revision): d for d in catalog.pending.values() if d.code})
    out = {}
    for uri, make in makers.items():
        doc = sources.get(uri)
        own = by_path.get(doc.path, []) if doc is not None else []
        out[uri] = partial(_marked, make, uri, doc.path if doc else None, doc is not None and doc.status == "draft",
                           own, errors)
    out[CHECK_PAGE] = partial(check_page, findings)
    return out


def _marked(make: Maker, uri: str, path: str | None, draft: bool, own: list[Finding], errors: int) -> GeneratedPage:
    page = make()
    elsewhere = errors > sum(1 for f in own if f.severity is Severity.ERROR)
    link = esc(href(uri, page_url_of(CHECK_PAGE)))
    if draft or any(f.severity is Severity.ERROR for f in own):
        block = banner(path, draft, own, site_errors(errors, link) if elsewhere else "")
    elif errors and uri != CHECK_PAGE:
        block = (f'<div class="admonition warning qms-preview" {SEARCH_EXCLUDE}="1">'
                 f'<p class="admonition-title">{esc(L.PREVIEW_TITLE)}</p>{site_errors(errors, link)}</div>')
    else:
        return page
    return GeneratedPage(page.src_uri, after_title(page.content, block))


def site_errors(count: int, link: str) -> str:
    """The line every page carries while the system has errors: the published site waits."""
    return f"<p>{L.PREVIEW_SITE_ERRORS.format(count=count, link=link, page=esc(L.PREVIEW_CHECK_PAGE))}</p>"


def banner(path: str | None, draft: bool, own: list[Finding], footer: str = "") -> str:
    """The red box at the top of a document that may not be published: why, then each finding
    with its rule, line and message (escaped: a message quotes the document)."""
    items = "".join(f"<li><strong>{esc(f.severity.label)}</strong> <code>{esc(f.rule)}</code> "
                    f"dòng {f.line}: {esc(f.message)}</li>" for f in sorted(own, key=lambda f: (f.line, f.rule)))
    lead = [f"<p>{esc(L.PREVIEW_DRAFT)}</p>"] if draft else []
    if own:
        lead.append(f"<p>{esc(L.PREVIEW_DOC_FINDINGS.format(count=len(own), path=path))}</p><ul>{items}</ul>")
    return (f'<div class="admonition danger qms-preview" {SEARCH_EXCLUDE}="1">'
            f'<p class="admonition-title">{esc(L.PREVIEW_BANNER)}</p>{"".join(lead)}{footer}</div>')


def after_title(content: str, block: str) -> str:
    """`block` placed right under the page's first heading (after its front matter, if any)."""
    start = 0
    if content.startswith("---\n"):
        end = content.find("\n---\n", 4)
        start = end + 5 if end >= 0 else 0
    heading = content.find("# ", start)
    if heading < 0 or (heading > start and content[heading - 1] != "\n"):
        return content[:start] + block + "\n\n" + content[start:]
    line_end = content.find("\n", heading)
    line_end = len(content) if line_end < 0 else line_end
    return content[:line_end] + "\n\n" + block + "\n\n" + content[line_end:].lstrip("\n")


def check_page(findings: list[Finding]) -> GeneratedPage:
    """Every finding of the preview, as `qms check` prints them, one row each."""
    rows = [[cell(f.severity.label), cell(f.rule), cell(f.path), str(f.line), cell(f.message)]
            for f in findings]
    body = table(L.PREVIEW_CHECK_HEADER, rows) if rows else L.PREVIEW_CHECK_NONE
    return wide(GeneratedPage(CHECK_PAGE, f"# {L.PREVIEW_CHECK_PAGE}\n\n{body}\n"))
