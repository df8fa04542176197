"""The frame of every portal page: a plain HTML5 document in Vietnamese, the header with the
portal's three sections, the footer, and links to the local stylesheet and scripts. Pages link
to `index.html` files explicitly, so the site also reads from a folder opened without a server
(the search then needs one: browsers refuse to load its files from disk)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from builder.portal.site import labels as W
from builder.portal.site.escape import esc
from builder.portal.site.formats import day
from builder.portal.summary import place_name

INDEX = "index.html"
SEARCH = "tim-kiem/index.html"
SUMMARY_FOLDER = "tong-hop"
SUMMARY = f"{SUMMARY_FOLDER}/index.html"
STYLESHEET = "assets/portal.css"
FONTS = "assets/stylesheets/qms-fonts.css"
# Only the portal's own files load, and no inline script runs: were an agency's string ever
# written unescaped, the browser would still refuse to run it.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'")


@dataclass(frozen=True)
class Frame:
    """What every page repeats: the province, the lead unit, the build date, whether the theme's
    fonts were copied."""
    province: str
    lead_unit: str
    today: date
    fonts: bool = False


def agency_path(folder: str) -> str:
    """Path of an agency's page under the portal (folder made by the builder: ASCII, no dots)."""
    return f"co-quan/{folder}/{INDEX}"


def page(frame: Frame, title: str, body: str, depth: int, active: str = "", scripts: tuple[str, ...] = ()) -> str:
    """A whole page; `depth` is how many folders below the portal's root it lives (for relative
    links), `active` the nav entry it belongs to, `scripts` the local scripts it needs."""
    up = "../" * depth
    current = ' aria-current="page"'
    nav = "".join(
        f'<a href="{up}{target}"{current if key == active else ""}>{esc(text)}</a>'
        for key, target, text in (("index", INDEX, W.NAV_AGENCIES), ("search", SEARCH, W.NAV_SEARCH),
                                  ("summary", SUMMARY, W.NAV_SUMMARY)))
    fonts = f'<link rel="stylesheet" href="{up}{FONTS}">' if frame.fonts else ""
    script_tags = "".join(f'<script src="{up}assets/{name}" defer></script>' for name in scripts)
    subtitle = W.PORTAL_SUBTITLE.format(province=place_name(frame.province))
    footer = W.FOOTER.format(lead_unit=frame.lead_unit, day=day(frame.today))
    return (
        '<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<link rel="icon" href="data:,">\n'
        f"<title>{esc(title)} - {esc(W.PORTAL_TITLE)}</title>\n{fonts}"
        f'<link rel="stylesheet" href="{up}{STYLESHEET}">\n{script_tags}\n</head>\n<body>\n'
        f'<a class="pt-skip" href="#noi-dung">{esc(W.SKIP)}</a>\n'
        f'<header class="pt-header"><div class="pt-wrap"><a class="pt-brand" href="{up}{INDEX}">'
        f"{esc(W.PORTAL_TITLE)}<small>{esc(subtitle)}</small></a><nav>{nav}</nav></div></header>\n"
        f'<main id="noi-dung" class="pt-wrap">\n{body}\n</main>\n'
        f'<footer class="pt-footer"><div class="pt-wrap">{esc(footer)}</div></footer>\n</body>\n</html>\n')
