"""The `doc-control` MkDocs plugin: translates MkDocs events into calls of the core.

- on_config: load the catalog and run the checks; any error aborts the build (strict or not)
  before MkDocs cleans the output folder. A build writes into a staging folder that replaces
  the published site only when the build succeeded.
- on_files: add the generated pages (documents, master list, registers, dashboards, home page)
  and the files document bodies link to (images, original Word forms: builder/assets.py).
- on_serve: `mkdocs serve` watches the documents, the configuration and the registers.
- on_page_content: remove anything that could run script from the page HTML.
- on_post_build: write the PDFs (DOCX for forms) and manifest.json, then publish the staging
  folder; a document that cannot be rendered is a finding that aborts the build.
"""
from __future__ import annotations

import logging
import os
from datetime import date
from functools import partial
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import CountHandler

from builder.addresses import page_uri
from builder.catalog import SOURCE_FOLDERS, load_catalog, published_view
from builder.documents import labels as L
from builder.documents.dates import parse_date
from builder.documents.html_safety import sanitize_html
from builder.findings.finding import Severity
from builder.pdf.background import BackgroundPrint
from builder.pdf.build import build_site_files
from builder.preview.pages import preview_makers
from builder.reporting.status import write_status
from builder.rules.runner import run_checks
from builder.site.assets import linked_files
from builder.site.generator import (DIRECTORY_URLS_REQUIRED,
                                    compact_search_index, heading_slug,
                                    mkdocs_nav, nav_items, page_toc, site_name)
from builder.site.identity import site_identity
from builder.site.manifest import write_manifest
from builder.site.model import place_html
from builder.site.navigation import navigation
from builder.site.pages import page_makers
from builder.site.pages.home import HOME_PAGE, home_page
from builder.storage.staging import discard_dir, publish_dir, staging_dir

log = get_plugin_logger(__name__)


def _findings_log() -> logging.Logger:
    """Where a finding of severity warning is printed: beside MkDocs' own lines, but outside the
    'mkdocs' logger, whose count makes `--strict` refuse to publish. A strict build refuses a site
    with broken links; an overdue corrective action is a fact the site shows, not a broken site.
    Errors still go through MkDocs' logger (and stop the build in any mode)."""
    logger = logging.getLogger("qms.findings")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.propagate = False
        logger.setLevel(logging.INFO)
    return logger


def _strict_warnings() -> int:
    """Warnings counted so far by the handler MkDocs adds in strict mode."""
    return sum(count for handler in logging.getLogger("mkdocs").handlers if isinstance(handler, CountHandler)
               for _, count in handler.get_counts())


class DocControlConfig(Config):
    root = c.Optional(c.Type(str))      # repository root; default: the folder of mkdocs.yml
    today = c.Optional(c.Type(str))     # fixed 'today' for reproducible builds (YYYY-MM-DD)
    guide = c.ListOfItems(c.Type(dict), default=[])  # extra user-guide pages for the nav


class DocControlPlugin(BasePlugin[DocControlConfig]):
    def __init__(self):
        self.command = None
        self.catalog = None
        self.final_site_dir = None
        self.preview = False     # set by the preview (plugins/preview.py): errors are shown, not fatal
        self.findings = []
        self.makers = {}         # source path -> function making the page (builder/site/pages)
        self.intro = None        # the agency's own home page text (site_config/docs/index.md)
        self.root = self.today = None
        self.loaded = None       # the catalog as loaded (checked); self.catalog is what staff see today
        self.printing = None     # the process making the PDFs while MkDocs makes the pages

    def on_startup(self, *, command, dirty):
        self.command = command

    def on_config(self, config):
        self.root = Path(self.config.root or Path(config.config_file_path).parent)
        fixed = self.config.today or os.environ.get("QMS_TODAY")
        self.today = parse_date(fixed) if fixed else None
        if self.command == "build" and os.environ.get("QMS_PDF") != "0":
            # The PDFs are made beside the pages (builder/pdf/background.py). Started first: that
            # process loads the catalog itself on the core the checks leave idle, and its files
            # are used only if the build succeeds (on_build_error cancels it).
            self.printing = BackgroundPrint(self.root, self.today or date.today())
        self.load()
        # Heading anchors keep the đ: '#dinh-nghia', not '#inh-nghia' (Markdown's default slug).
        config.mdx_configs.setdefault("toc", {}).setdefault("slugify", heading_slug)
        if not config.use_directory_urls:  # builder/addresses.py: issue URLs are printed as QR codes
            raise PluginError(DIRECTORY_URLS_REQUIRED)
        config.nav = self.nav()
        identity = site_identity(self.catalog.organisation)
        config.site_name = site_name(identity.get("site_name", config.site_name))
        if "logo" in identity:
            config.theme["logo"] = config.theme["favicon"] = identity["logo"]
        if self.command == "build":
            self.final_site_dir = config.site_dir
            config.site_dir = str(staging_dir(Path(config.site_dir)))
            discard_dir(Path(config.site_dir))
        return config

    def load(self) -> None:
        """Load and check the catalog. A build refuses any error; the preview keeps the findings
        to show them on the pages."""
        self.read()
        self.check()

    def read(self) -> None:
        """Load the catalog (the preview shows a saved change with this, then checks)."""
        self.loaded = load_catalog(self.root, self.today)
        # What staff see today: an approved issue whose day has not come waits (builder/catalog.py).
        self.catalog = published_view(self.loaded)

    def check(self) -> None:
        """Run every rule over the loaded catalog; in a build, any error stops it here."""
        self.findings = run_checks(self.loaded)
        errors = [f for f in self.findings if f.severity is Severity.ERROR]
        if not self.preview:
            for f in self.findings:
                (log.error if f.severity is Severity.ERROR else _findings_log().warning)(f.as_text())
            if errors:
                raise PluginError(f"Không xuất bản: {len(errors)} lỗi trong tài liệu (xem các dòng LỖI ở trên). "
                                  "Sửa các lỗi rồi dựng lại.")

    def nav(self) -> list:
        return mkdocs_nav(navigation(self.catalog, guide_pages=nav_items(self.config.guide)))

    def page_makers(self, intro: str | None) -> dict:
        """Every generated page by source path, the home page (the agency's introduction followed
        by the generated sections) included; in the preview, with its banners and findings page."""
        makers = page_makers(self.catalog)
        makers[HOME_PAGE] = partial(home_page, self.catalog, intro)
        return preview_makers(self.catalog, self.findings, makers) if self.preview else makers

    def on_serve(self, server, *, config, builder):
        """`mkdocs serve` rebuilds when a document, a form, the configuration or a register
        changes, not only the site's own pages."""
        for folder in SOURCE_FOLDERS:
            path = self.catalog.root / folder
            if path.exists():
                server.watch(str(path))
        return server

    def on_files(self, files: Files, *, config):
        intro = files.get_file_from_path(HOME_PAGE)
        if intro is not None:  # the agency's own introduction, followed by the generated sections
            files.remove(intro)
        self.intro = intro.content_string if intro else None
        self.makers = self.page_makers(self.intro)
        for uri, make in self.makers.items():  # the preview makes a page when it is looked at
            files.append(File.generated(config, uri, content="" if self.preview else make().content))
        for uri, disk in linked_files(self.catalog, page_uri):  # images, original Word forms
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=str(disk)))
        return files

    def on_page_content(self, html, *, page, config, files):
        """No published page runs script that a document carried (see builder/documents/html_safety.py);
        the contents beside the page list the body's headings too."""
        html = sanitize_html(place_html(html))
        page.toc = page_toc(html)
        return html

    @event_priority(-100)
    def on_post_build(self, *, config):
        # QMS_PDF=0 skips the printed copies (the benchmark measures the site alone with it).
        failures = [] if os.environ.get("QMS_PDF") == "0" else self.print_files(Path(config.site_dir))
        if self.catalog.organisation.certificate is None and os.environ.get("QMS_PDF") != "0":
            log.info(L.UNSIGNED_PDFS)
        for f in failures:
            log.error(f.as_text())
        if failures:
            raise PluginError(f"Không xuất bản: {len(failures)} tài liệu không tạo được bản in (xem các dòng LỖI "
                              "ở trên). Sửa rồi dựng lại.")
        write_manifest(self.catalog, Path(config.site_dir))
        write_status(self.catalog, Path(config.site_dir))
        compact_search_index(Path(config.site_dir))
        if config.strict and _strict_warnings():
            # MkDocs aborts a strict build after this event: the published site must not change
            raise PluginError("Không xuất bản: chế độ --strict gặp cảnh báo (xem các dòng WARNING ở trên). "
                              "Sửa rồi dựng lại.")
        if self.final_site_dir:
            publish_dir(Path(config.site_dir), Path(self.final_site_dir), remove_old_later=True)
            config.site_dir = self.final_site_dir

    def print_files(self, site_dir: Path) -> list:
        """The PDFs and DOCX files of the site: collected from the process started with the
        build, or (mkdocs serve) made now."""
        if self.printing is None:
            return build_site_files(self.catalog, site_dir)
        printing, self.printing = self.printing, None
        failures, stats = printing.finish(site_dir)
        self.catalog.memo("pdf_stats", dict).update(stats)
        return failures

    def on_build_error(self, *, error):
        if self.printing is not None:
            self.printing.cancel()
            self.printing = None
        if self.final_site_dir:
            discard_dir(staging_dir(Path(self.final_site_dir)))
