"""The preview for editing, on MkDocs' own parts: the configuration, the theme, the files and the
navigation are prepared once, as `mkdocs build` prepares them; a page is rendered only when it is
looked at, and again only when its Markdown or the navigation changed.

A save reloads the catalog (what is unchanged comes from the caches), brings the list
of files and the navigation up to date, and bumps the version the browser waits on: the page on
screen reloads and is rendered from the new catalog. Documents with errors still render, under
the banner of builder/preview/pages.py, once the rules have run after the reload; the published
build stays strict.
"""
from __future__ import annotations

import hashlib
import posixpath
import threading
from pathlib import Path

from mkdocs.commands.build import (_build_page, _build_theme_template,
                                   _populate_page)
from mkdocs.config import load_config
from mkdocs.structure.files import File, get_files, set_exclusions
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from builder.addresses import page_uri
from builder.preview.printing import PRINTED, saved_files
from builder.preview.server import content_type
from builder.site.assets import linked_files

PLUGIN = "doc-control"
RESTART = ("site_config/theme/", "site_config/docs/")   # what MkDocs reads only at start, with:
RESTART_FILES = ("mkdocs.yml", "site_config/organisation.yml")   # the site's name and logo come from here


class SitePreview:
    """The site as MkDocs would build it, one page at a time."""

    def __init__(self, config_file: Path, site_dir: Path, printer=None):
        self.config_file, self.site_dir = Path(config_file), Path(site_dir)
        self.printer = printer
        self.lock = threading.RLock()
        self.start()

    @property
    def plugin(self):
        return self.config.plugins[PLUGIN]

    def start(self) -> None:
        """Everything MkDocs prepares before it renders pages, and the theme's files copied."""
        config = load_config(str(self.config_file), site_dir=str(self.site_dir))
        config.plugins[PLUGIN].preview = True
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        self.config, self.files, self.env = config, files, env
        self.nav_source = config.nav
        self.nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
        self.env = config.plugins.on_env(env, config=config, files=files)
        files.copy_static_files()
        for template in config.theme.static_templates:
            _build_theme_template(template, self.env, files, config, self.nav)
        for name, other in config.plugins.items():  # the search box needs an index, even empty
            if name.endswith("search"):
                other.on_post_build(config=config)
                # Indexing a page reads its whole HTML again (0.3 s for the master list of 1,000
                # documents): the preview is for reading pages, not for searching them.
                events = config.plugins.events["page_context"]
                events[:] = [m for m in events if getattr(m, "__self__", None) is not other]
        self.rendered: dict[str, tuple[tuple, bytes]] = {}
        self.seen: dict[str, int] = {}      # page -> the generation its rendering was last checked at
        self.generation = 0                 # grows with every change taken in
        self.nav_version = 0
        self.linked = {uri for uri, _ in linked_files(self.plugin.catalog, page_uri)}
        self.index()

    def index(self) -> None:
        """Files by the address they are served at."""
        self.by_url: dict[str, File] = {}
        for file in self.files:
            if file.inclusion.is_excluded():
                continue            # what `mkdocs build` leaves out (dot files, templates, exclude_docs)
            self.by_url[file.dest_uri] = file
            if file.is_documentation_page():
                self.by_url[file.url] = file

    def refresh(self, changed: list[str]) -> bool:
        """Take in saved changes, with the findings of the previous check (the pages show the new
        text at once; `recheck` then brings the findings). True when the checks are still to run."""
        with self.lock:
            if any(p in RESTART_FILES or p.startswith(RESTART) for p in changed):
                self.start()
                if self.printer is not None:
                    self.printer.changed()
                return False
            plugin = self.plugin
            plugin.read()
            self.generation += 1
            before = set(plugin.makers)
            plugin.makers = plugin.page_makers(plugin.intro)
            files_changed = self._sync_files(before, set(plugin.makers))
            nav = plugin.nav()
            if nav != self.nav_source or files_changed:
                self.config.nav = self.nav_source = nav
                for file in self.files.documentation_pages():
                    file.page = None        # MkDocs keeps a page's first title: new pages take the new ones
                self.nav = self.config.plugins.on_nav(get_navigation(self.files, self.config), config=self.config,
                                                      files=self.files)
                self.nav_version += 1
            if files_changed:
                self.index()
            if self.printer is not None:
                self.printer.changed()
                self.printer.prepare(saved_files(self.plugin.catalog, changed))
            return True

    def recheck(self) -> bool:
        """Run the rules over the catalog just read; True when the findings changed (the pages
        then show the new ones)."""
        with self.lock:
            before = self.plugin.findings
            self.plugin.check()
            if self.plugin.findings == before:
                return False
            self.plugin.makers = self.plugin.page_makers(self.plugin.intro)
            self.generation += 1
            return True

    def _sync_files(self, before: set[str], after: set[str]) -> bool:
        """Add the pages of new documents, drop those of deleted ones, and the same for the
        files bodies link to (images, original Word forms)."""
        changed = False
        for uri in sorted(after - before):
            self.files.append(File.generated(self.config, uri, content=""))
            changed = True
        for uri in sorted(before - after):
            file = self.files.get_file_from_path(uri)
            if file is not None:
                self.files.remove(file)
                self.rendered.pop(uri, None)
                changed = True
        linked = dict(linked_files(self.plugin.catalog, page_uri))
        for uri in sorted(self.linked - set(linked)):        # no document links it any more
            file = self.files.get_file_from_path(uri)
            if file is not None:
                self.files.remove(file)
                changed = True
        for uri, disk in linked.items():
            file = self.files.get_file_from_path(uri)
            if file is not None and uri in self.linked and file.abs_src_path != str(disk):
                self.files.remove(file)
                file = None
            if file is None:
                self.files.append(File.generated(self.config, uri, abs_src_path=str(disk)))
                changed = True
        self.linked = set(linked)
        return changed

    def get(self, path: str) -> tuple[bytes, str] | None:
        """What the site serves at `path` (its URL path), rendered now if it is a page."""
        rel = path.lstrip("/")
        if rel and (posixpath.normpath(rel) != rel.rstrip("/") or "\\" in rel
                    or any(part.startswith(".") for part in rel.split("/"))):
            return None             # '..', '.', '//' or a backslash: nothing the site has, nothing outside it
        with self.lock:
            file = self.by_url.get(rel or "./") or self.by_url.get(rel + "/")
            if file is not None and file.is_documentation_page():
                return self._page(file), "text/html; charset=utf-8"
            if file is not None:
                try:
                    return file.content_bytes, content_type(file.dest_uri)
                except OSError:     # an image deleted since the last save
                    return None
        if self.printer is not None and rel.endswith(PRINTED):
            made = self.printer.get(rel)
            return (made.read_bytes(), content_type(rel)) if made else None
        built = self.site_dir / rel
        try:
            return (built.read_bytes(), content_type(rel)) if built.is_file() else None
        except OSError:
            return None

    def _page(self, file: File) -> bytes:
        cached = self.rendered.get(file.src_uri)
        if cached and self.seen.get(file.src_uri) == self.generation:
            return cached[1]    # nothing taken in since: not even its Markdown is made again
        make = self.plugin.makers.get(file.src_uri)
        content = make().content if make else file.content_string
        key = (hashlib.sha256(content.encode("utf-8")).digest(), self.nav_version)
        if cached and cached[0] == key:
            self.seen[file.src_uri] = self.generation
            return cached[1]
        if make:
            file.content_string = content
        if file.page is None:
            Page(None, file, self.config)
        _populate_page(file.page, self.config, self.files)
        _build_page(file.page, self.config, self.files.documentation_pages(), self.nav, self.env)
        html = Path(file.abs_dest_path).read_bytes()
        self.rendered[file.src_uri] = (key, html)
        self.seen[file.src_uri] = self.generation
        return html

