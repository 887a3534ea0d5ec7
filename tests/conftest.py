"""Fixtures shared by every test: the demo site, and Debian's Chromium through Playwright.

The demo content comes from a template built once per test process (tests/helpers/
demo_template.py, docs/testing.md): ``demo_site`` and the support fixtures copy its rows
into the test's transaction instead of running the loaders again.

Transactional tests (the browser tests, against the live server) leave the database
flushed: Django empties every table after each, including what Wagtail's migrations made
(the Swedish locale, the page tree's root, the root collection, the roles). Django's flush
sends ``post_migrate`` afterwards, and ``restore_what_migrations_made`` below puts those
back then, whatever test or module fixture comes next (in random order, on any xdist
worker); production code never has to repair a flushed database. Then, once the test is
torn down, ``pytest_runtest_teardown`` below writes back every table as migrations left it
(what the demo templates build on).
(pytest-django's ``serialized_rollback`` would restore them too, but its copy of the
database lives on the connection object, and once Playwright's sync API runs, Django hands
the tests another connection object without it.)
"""

import os
import shutil

import pytest
from django.core.management import call_command
from django.db.models.signals import post_migrate

from tests.helpers import demo_template
from tests.helpers.database import restore_what_migrations_made
from tests.helpers.search import build_search_index

# Playwright's sync API runs an event loop in this thread; Django then refuses database
# calls from "an async context". The tests are synchronous, so that check is a false alarm.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

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


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """pytest-django's test database, then the demo templates the collected tests ask for
    (built here, before any test, with the test settings as they are by default)."""
    demo_template.blocker = django_db_blocker
    with django_db_blocker.unblock():
        demo_template.start(wanted=demo_template.wanted_templates(request.session.items))
    yield


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test's flush: the database as migrations left it (the base the
    demo templates build on), whatever the flush and ``post_migrate`` re-created."""
    result = yield
    if demo_template.blocker is not None and _is_transactional(item):
        with demo_template.blocker.unblock():
            demo_template.reset_to_base()
    return result


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])):
        return True
    names = getattr(item, "fixturenames", ())
    return "transactional_db" in names or "live_server" in names


@pytest.fixture
def demo_site(db, request):
    """The site skeleton of ``load_demo``: locales, home page in every language, helplines
    (copied from the ``site`` demo template)."""
    return demo_template.use("site", request)


@pytest.fixture
def support_site(demo_site, request):
    """The demo support section (what ``website.demo.information.load`` returns), copied
    from the ``support`` demo template into the test's transaction, or committed for a
    transactional test (browser tests: the live server must see it)."""
    return demo_template.use("support", request)


@pytest.fixture(scope="module")
def shared_support_site(django_db_setup, django_db_blocker, request):
    """The demo support section put in once per module inside a transaction.

    Like Django's ``setUpTestData``: each test runs in a nested savepoint that is rolled
    back, and the whole module's data is rolled back at the end, so other modules start
    from the empty test database.
    """
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield demo_template.use("support", request)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def client_for(client):
    """The test client on the demo site's host (the default site is ``localhost``)."""
    client.defaults["HTTP_HOST"] = "localhost"
    return client


@pytest.fixture
def home_page(db):
    """A Swedish home page as the default site's root: what plans need of the site skeleton
    (the full ``demo_site`` translates the home page into every language, which is slow)."""
    from wagtail.models import Page, Site

    from website.demo.site import HOME_TEXT
    from website.demo.utils import ensure_locales, stable_key
    from website.models import HomePage

    locales = ensure_locales()
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locales["sv"]))
    home = HomePage(translation_key=stable_key("page:home"), locale=locales["sv"], slug="hem", **HOME_TEXT["sv"])
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Test")
    return home


@pytest.fixture
def plan_index(home_page):
    """The Swedish "Handlingsplaner" page, as load_demo makes it."""
    from plans.models import PlanIndexPage
    from website.demo.action_plans import INDEX
    from website.demo.utils import ensure_child_page

    return ensure_child_page(home_page, PlanIndexPage, "page:plans", **INDEX)


@pytest.fixture
def demo_plans(plan_index):
    """The three seed plans, loaded by the real demo loader: {plan key: PlanPage}."""
    from wagtail.models import Locale

    from plans.models import PlanPage
    from website.demo import action_plans as demo

    demo.load()
    return {plan.plan_key: plan for plan in PlanPage.objects.filter(locale=Locale.objects.get(language_code="sv"))}


@pytest.fixture
def import_generated(plan_index):
    """Import a generated plan of a given size and return its page."""
    from plans.planfile import import_plan
    from tests.helpers.plans import make_plan_data

    def run(measure_count, key="generated", focus_areas=2):
        plan, _created = import_plan(make_plan_data(measure_count, key, focus_areas), publish=True)
        return plan

    return run


@pytest.fixture
def search_index(settings):
    """Wagtail's search index, built from what the database holds now and kept up to date
    for the rest of the test (the test settings switch updates off: indexing on every save
    is a fifth of loading the demo). Ask for it after the fixtures that load content."""
    default = settings.WAGTAILSEARCH_BACKENDS["default"]
    settings.WAGTAILSEARCH_BACKENDS = {"default": {**default, "AUTO_UPDATE": True}}
    build_search_index()


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
