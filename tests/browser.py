"""Headless Chromium (Debian's `chromium`) driven by Playwright, for end-to-end tests."""
from __future__ import annotations

import shutil
import tempfile

import pytest

CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def chromium():
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.skip("Debian's chromium is not installed (make test installs it with apt-get as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        context = p.chromium.launch_persistent_context(profile, executable_path=executable, headless=True,
                                                       args=CHROMIUM_FLAGS)
        yield context
        context.close()


# Playwright waits 30 s by default; a busy 2-core machine running the server, the browser and the tests can
# take longer to render a page with its map: room, not a sleep (every wait still ends as soon as it is met).
WAIT_MS = 90_000


@pytest.fixture
def browser_page(chromium):
    page = chromium.new_page()
    page.set_default_timeout(WAIT_MS)
    yield page
    page.close()
