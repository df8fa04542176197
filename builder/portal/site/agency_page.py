"""One page per agency: where its data comes from and how fresh it is, its yearly duties with
their lights, and the figures of its status.json section by section, each source linking to the
page on the agency's own site. Every string comes from the agency: escaped, links checked."""
from __future__ import annotations

from datetime import date

from builder.portal.site import labels as W
from builder.portal.site.agencies import Agency
from builder.portal.site.escape import esc, link, on_site, web_url
from builder.portal.site.formats import day, figure_value, parse_day
from builder.portal.site.index_page import badge
from builder.portal.site.layout import INDEX, SEARCH, Frame, page
from builder.portal.site.lights import columns, problem_words

MAX_SOURCES = 100          # sources listed per figure; the rest are counted
MORE_SOURCES = "… và {n} nguồn khác"


def collection(agency: Agency, today: date, stale_days: int) -> str:
    """The collection state in sentences, with the data-age light."""
    collected = agency.collected
    status = agency.status
    lines = []
    if status is None:
        lines.append(W.NEVER_COLLECTED_TEXT)
    else:
        if collected.fetched:
            lines.append(W.COLLECTED_ON.format(day=day(collected.fetched)))
        built = parse_day(status.get("generated"))
        if built:
            lines.append(W.BUILT_ON.format(day=day(built)))
            if (today - built).days > stale_days:
                lines.append(W.STALE_TEXT.format(limit=stale_days, day=day(built)))
        if collected.stale_copy:
            lines.append(W.SHOWING_COPY.format(day=day(collected.fetched)))
    if collected.problems:
        lines.append(W.COLLECTION_FAILED.format(problems=problem_words(collected.problems)))
    return (f"<h2>{esc(W.COLLECTION)}</h2>\n<p>{badge(agency.lights['data'])}</p>\n"
            + "".join(f"<p>{esc(line)}</p>\n" for line in lines))


def duties(agency: Agency, today: date, stale_days: int) -> str:
    """The yearly duties and where they stand, with the same lights as the home page."""
    rows = "".join(f'<tr><th scope="row">{esc(column.title)}</th><td>{badge(agency.lights[column.key])}'
                   f"{_detail(agency.lights[column.key])}</td></tr>"
                   for column in columns(today, stale_days) if column.key != "data")
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in W.DUTY_COLUMNS)
    return (f"<h2>{esc(W.DUTIES)}</h2>\n"
            f'<table class="pt-table pt-plain"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>\n')


def _detail(light) -> str:
    return f' <span class="pt-detail">{esc(light.detail)}</span>' if light.detail else ""


def sources(site_url: str, items) -> str:
    """A figure's sources, each linking to its page on the agency's site when the address is safe."""
    if not isinstance(items, list):
        return ""
    shown = [link(s.get("ref", ""), on_site(site_url, s.get("url")), new_tab=True)
             for s in items[:MAX_SOURCES] if isinstance(s, dict)]
    more = [esc(MORE_SOURCES.format(n=len(items) - MAX_SOURCES))] if len(items) > MAX_SOURCES else []
    return ", ".join(shown + more)


def figures(agency: Agency) -> str:
    """Every section of the agency's status.json: its title, then label, value and sources."""
    status = agency.status
    if status is None:
        return ""
    site_url = agency.collected.entry.site_url
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in W.FIGURE_COLUMNS)
    parts = [f"<h2>{esc(W.FIGURES.format(year=status.get('year', '')))}</h2>"]
    for section in status.get("sections") or []:
        if not isinstance(section, dict):
            continue
        rows = "".join(
            f'<tr><td>{esc(f.get("label", ""))}</td>'
            f'<td class="pt-num">{esc(figure_value(f.get("value"), f.get("unit")))}'
            f"</td><td>{sources(site_url, f.get('sources'))}</td></tr>"
            for f in section.get("figures") or [] if isinstance(f, dict))
        parts.append(f"<h3>{esc(section.get('title', ''))}</h3>\n"
                     f'<table class="pt-table pt-plain"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>')
    return "\n".join(parts)


def documents_line(agency: Agency) -> str:
    manifest = agency.collected.manifest
    documents = manifest.get("documents") if isinstance(manifest, dict) else None
    if not isinstance(documents, list):
        return f"<p>{esc(W.NO_MANIFEST)}</p>"
    return (f"<p>{esc(W.DOCUMENTS_COLLECTED.format(n=len(documents)))} "
            f'<a href="../../{SEARCH}">{esc(W.SEARCH_THEM)}</a></p>')


def agency_html(frame: Frame, agency: Agency, stale_days: int, today: date) -> str:
    """The whole page of one agency."""
    entry = agency.collected.entry
    site = web_url(entry.site_url)
    site_line = (link(site, site, new_tab=True) if site else esc(W.AGENCY_NO_SITE.format(url=entry.site_url)))
    about = (agency.status or {}).get("agency")
    parent = about.get("parent") if isinstance(about, dict) else None
    facts = [(W.AGENCY_LEVEL, esc(agency.level_name)), (W.AGENCY_SITE, site_line)]
    if parent:
        facts.insert(1, (W.AGENCY_PARENT, esc(parent)))
    body = (f"<h1>{esc(agency.name)}</h1>\n<dl class=\"pt-facts\">"
            + "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>\n"
            + collection(agency, today, stale_days) + duties(agency, today, stale_days)
            + documents_line(agency) + figures(agency)
            + f'\n<p><a href="../../{INDEX}">{esc(W.BACK)}</a></p>')
    return page(frame, agency.name, body, 2, "index")
