"""'Kết quả mục tiêu chất lượng': each objective's target, its result per period, met or not,
and a chart per objective drawn at build time (svg.py)."""
from __future__ import annotations

from builder.addresses import page_uri
from builder.catalog import Catalog
from builder.documents import labels as L
from builder.documents.model import Document, Target
from builder.markup.literal import cell
from builder.site.markdown import badge, esc, md_link, table
from builder.site.model import GeneratedPage
from builder.site.svg import OPS, objective_chart
from builder.structured import measured

OBJECTIVES_PAGE = "so-theo-doi/muc-tieu-chat-luong.md"


def verdict(target: Target) -> str:
    """Met only when every measured period met the target; which periods missed otherwise."""
    if not target.results:
        return badge(L.NOT_MEASURED, "muted")
    missed = [r.period for r in target.results if not target.met(r.value)]
    return badge(f"{L.NOT_MET} ({', '.join(missed)})", "bad") if missed else badge(L.MET, "ok")


def periods_of(doc: Document) -> list[str]:
    seen: dict[str, None] = {}
    for t in doc.targets:
        for r in t.results:
            seen.setdefault(r.period, None)
    return list(seen)


def result_cell(target: Target, period: str) -> str:
    for r in target.results:
        if r.period == period:
            tone = "qms-met" if target.met(r.value) else "qms-not-met"
            return f'<span class="{tone}">{esc(measured(r.value, target.measure))}</span>'
    return L.NONE


def objectives_section(doc: Document, catalog: Catalog) -> str:
    org = catalog.organisation
    periods = periods_of(doc)
    header = ["Mã", "Mục tiêu", "Chỉ tiêu", L.UNIT] + [cell(p) for p in periods] + ["Đánh giá"]
    rows = [[cell(t.id), cell(t.name), f"{OPS.get(t.op, t.op)} {cell(measured(t.target, t.measure))}",
             cell(org.unit_name(t.unit))] + [result_cell(t, p) for p in periods] + [verdict(t)]
            for t in doc.targets]
    met = sum(1 for t in doc.targets if t.results and all(t.met(r.value) for r in t.results))
    charts = "".join(
        f'<figure class="qms-figure"><figcaption>{esc(t.id)}. {esc(t.name)}</figcaption>'
        f"{objective_chart(t, lambda v, m=t.measure: measured(v, m))}</figure>" for t in doc.targets)
    return "\n\n".join([
        f"## {cell(doc.title)}",
        f"Theo [{cell(doc.code)}]({md_link(OBJECTIVES_PAGE, page_uri(doc))}): {met}/{len(doc.targets)} mục tiêu "
        f"đạt ở mọi kỳ đã đánh giá.",
        table(header, rows),
        f"### {L.CHART}",
        f'<div class="qms-charts">{charts}</div>'])


def objectives_page(catalog: Catalog) -> GeneratedPage:
    docs = sorted((d for d in catalog.of_kind("objectives") if d.code and d.status != "withdrawn"),
                  key=lambda d: (-(d.year or 0), d.code))
    out = [f"# {L.OBJECTIVES_DASHBOARD}",
           "Chỉ tiêu và kết quả từng kỳ lấy từ tài liệu mục tiêu chất lượng; điểm xanh là kỳ đạt chỉ tiêu, điểm "
           "đỏ là kỳ chưa đạt, đường nét đứt là chỉ tiêu."]
    out += [objectives_section(d, catalog) for d in docs if d.targets] or ["Chưa có mục tiêu chất lượng."]
    return GeneratedPage(OBJECTIVES_PAGE, "\n\n".join(out) + "\n")
