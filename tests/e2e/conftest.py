"""What every browser test shares: one Playwright and one headless chromium for the whole session
(a second `sync_playwright()` in the same process fails), the sample site built once and served on
127.0.0.1, and a fresh context per test that fails if any request leaves the host."""
from __future__ import annotations

import pytest
from playwright import sync_api as playwright_api
from support.browser import (CHROMIUM_ARGS, RequestLog, SiteServer,
                             ensure_chromium)
from support.repos import TODAY, copy_sample, mkdocs_build

from builder.catalog import load_catalog
from builder.documents.dates import parse_date


@pytest.fixture(scope="session")
def browser():
    ensure_chromium()
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    """The embedded sample system (documents and records), built once and served on 127.0.0.1;
    `catalog` is the same files read directly, to know what the pages must show."""
    root = copy_sample(tmp_path_factory.mktemp("sample") / "repo").root
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    with SiteServer(root / "site") as server:
        server.root = root / "site"
        server.catalog = load_catalog(root, parse_date(TODAY), with_git=False)
        yield server


@pytest.fixture
def page(browser):
    """A fresh browser context per test; no request may leave 127.0.0.1."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    log = RequestLog(context)
    page = context.new_page()
    page.requests = log
    yield page
    context.close()
    assert log.urls, "no request was recorded"
    assert log.external() == [], f"requests left the host: {log.external()}"
