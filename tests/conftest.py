"""Fixtures shared by every test: the demo site, and Debian's Chromium through Playwright.

Transactional tests (the browser tests, against the live server) leave the database
flushed: Django empties every table after each, including what Wagtail's migrations made
(the Swedish locale, the page tree's root, the root collection, the roles). Django's flush
sends ``post_migrate`` afterwards, and ``restore_what_migrations_made`` below puts those
back then, whatever test or module fixture comes next (in random order, on any xdist
worker); production code never has to repair a flushed database.
(pytest-django's ``serialized_rollback`` would restore them too, but its copy of the
database lives on the connection object, and once Playwright's sync API runs, Django hands
the tests another connection object without it.)
"""

import os
import shutil

import pytest
from django.core.management import call_command
from django.db.models.signals import post_migrate

# Playwright's sync API runs an event loop in this thread; Django then refuses database
# calls from "an async context". The tests are synchronous, so that check is a false alarm.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")



def restore_what_migrations_made(sender, using="default", **kwargs):
    """After a flush (and after migrating, where it finds everything made): the source
    locale, the page tree's root, the root collection and the roles of website/roles.py."""
    if sender.label != "website":  # post_migrate is sent once per app; once is enough
        return
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page

    from website.roles import ensure_roles

    # The process's content-type cache can outlive the rows it names: PostgreSQL gives the
    # rows a flush re-creates new ids, and a live server's thread may still have been
    # answering the browser of the previous test while they were re-created (seen once in
    # a full PostgreSQL run: "content type with id 1 is not a valid choice" for the root).
    ContentType.objects.clear_cache()
    locale = Locale.objects.using(using).get_or_create(language_code=settings.LANGUAGE_CODE)[0]
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    ensure_roles()


post_migrate.connect(restore_what_migrations_made, dispatch_uid="tests.restore_what_migrations_made")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(autouse=True)
def nothing_kept_from_another_test():
    """Each test starts with no answer kept by ``multilingual.published``: a test's rows are
    rolled back (or flushed) without a publication, which never happens to what a site has
    committed and published."""
    from multilingual.localization import forget_locales
    from multilingual.published import forget

    forget()
    forget_locales()


@pytest.fixture
def connection_attempts(monkeypatch):
    """Every attempt to reach another host (resolve or connect), refused and recorded: a
    page or PDF made while this fixture is active must leave the list empty."""
    import socket

    attempts = []

    def no_connection(*args, **kwargs):
        attempts.append(args)
        raise OSError("no network in this test")

    monkeypatch.setattr(socket, "create_connection", no_connection)
    monkeypatch.setattr(socket.socket, "connect", no_connection)
    monkeypatch.setattr(socket, "getaddrinfo", no_connection)
    return attempts


@pytest.fixture
def migrated_roots(db):
    """What migrations made, for a test that needs it before any flush has put it back
    (``restore_what_migrations_made`` is the one place that knows what that is)."""
    from django.apps import apps

    restore_what_migrations_made(apps.get_app_config("website"))


@pytest.fixture
def demo_site(migrated_roots):
    """The site skeleton of ``load_demo``: locales, home page in every language, helplines."""
    from website.demo import site

    return site.load()


@pytest.fixture
def search_index(settings):
    """Wagtail's search index, built from what the database holds now and kept up to date
    for the rest of the test (the test settings switch updates off: indexing on every save
    is a fifth of loading the demo). Ask for it after the fixtures that load content."""
    default = settings.WAGTAILSEARCH_BACKENDS["default"]
    settings.WAGTAILSEARCH_BACKENDS = {"default": {**default, "AUTO_UPDATE": True}}
    build_search_index()


def build_search_index():
    """Index what the database holds now (Wagtail's ``update_index``, quietly)."""
    with open(os.devnull, "w") as quiet:
        call_command("update_index", verbosity=0, stdout=quiet)


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
def load_demo_command(migrated_roots):
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
