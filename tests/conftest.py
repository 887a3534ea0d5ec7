"""Fixtures shared by every test: the demo site, and Debian's Chromium through Playwright."""

import os
import shutil

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in this thread; Django then refuses database
# calls from "an async context". The tests are synchronous, so that check is a false alarm.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def demo_site(db):
    """The site skeleton of ``load_demo``: locales, home page in every language, helplines."""
    from website.demo import site

    return site.load()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium. Browser tests fail (not skip) when it is missing."""
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: install Debian's package `chromium` "
            "(`.ci/run` does this) or set CHROMIUM_PATH."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab with a phone-sized viewport (most visitors use a phone)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def load_demo_command(db):
    """Run the real ``load_demo`` command."""

    def run():
        call_command("load_demo", verbosity=0)

    return run


def pytest_collection_modifyitems(config, items):
    """Tests marked ``postgresql`` run in the PostgreSQL run of ``make test`` only.

    In CI (``CI=true``) that run always happens, so the SQLite run leaves them out; outside
    CI they are skipped with the reason, so that nobody mistakes a SQLite run for them."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    wanted = [item for item in items if item.get_closest_marker("postgresql")]
    if not wanted:
        return
    if os.environ.get("CI", "").lower() == "true":
        config.hook.pytest_deselected(items=wanted)
        items[:] = [item for item in items if not item.get_closest_marker("postgresql")]
        return
    reason = "needs PostgreSQL: runs in `make test POSTGRES_URL=postgres://…` (CI always runs it)"
    for item in wanted:
        item.add_marker(pytest.mark.skip(reason=reason))
