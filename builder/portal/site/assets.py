"""The portal's own files: its stylesheet and two small scripts (builder/portal/site/static/), and
the fonts of the agencies' intranet theme (Be Vietnam Pro, site_config/theme/assets/) when the
program's folder has them. Nothing is loaded from elsewhere: the portal works offline."""
from __future__ import annotations

from pathlib import Path

OWN = Path(__file__).with_name("static")
OWN_FILES = ("portal.css", "portal-table.js", "portal-search.js")
THEME = Path(__file__).resolve().parents[3] / "site_config" / "theme" / "assets"
FONT_CSS = "stylesheets/qms-fonts.css"       # refers to ../fonts/*.woff2: kept at the same places


def theme_fonts(theme: Path = THEME) -> dict[str, bytes]:
    """The theme's font stylesheet, font files and licence, by path under assets/; empty when
    the theme is not there (the stylesheet then falls back to the system's fonts)."""
    css = theme / FONT_CSS
    if not css.is_file():
        return {}
    files = {FONT_CSS: css.read_bytes()}
    for font in sorted((theme / "fonts").glob("*")):
        if font.suffix in (".woff2", ".txt") and font.is_file():
            files[f"fonts/{font.name}"] = font.read_bytes()
    return files


def asset_files(theme: Path = THEME) -> dict[str, bytes]:
    """Every file of the portal's assets/ folder, by path under it."""
    files = {name: (OWN / name).read_bytes() for name in OWN_FILES}
    files.update(theme_fonts(theme))
    return files
