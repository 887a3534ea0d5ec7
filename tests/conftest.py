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
from tests.helpers.browser import CHROMIUM, CHROMIUM_ARGS
from tests.helpers.database import restore_what_migrations_made
from tests.helpers.search import build_search_index

# Fixtures that tests in several folders ask for by name, defined in plain modules (a test
# module never imports a fixture; plain helpers are in tests/helpers/).
pytest_plugins = [
    "tests.fixtures.translation",  # support_page
    "tests.fixtures.search",  # shared_search_index
    "tests.services",  # redis_url, redis_page_cache
    "tests.scale.s3",  # s3_endpoint, bucket_env, media_in_bucket (after tests.services, which it imports)
]

# Playwright's sync API runs an event loop in this thread; Django then refuses database
# calls from "an async context". The tests are synchronous, so that check is a false alarm.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

post_migrate.connect(
    restore_what_migrations_made, dispatch_uid="tests.restore_what_migrations_made"
)


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
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, then its tables read once as migrations left them:
    the base the demo templates build on (tests/helpers/demo_template.py)."""
    demo_template.blocker = django_db_blocker
    with django_db_blocker.unblock():
        demo_template.start()
    yield


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test's flush: the database as migrations left it (the base the
    demo templates build on), whatever the flush and ``post_migrate`` re-created."""
    result = yield
    # After the session's last test the test database is gone already (its finalizers ran
    # in this teardown): nothing to write back, and the connection names the real database.
    if nextitem is not None and demo_template.blocker is not None and _is_transactional(item):
        with demo_template.blocker.unblock():
            demo_template.reset_to_base()
    return result


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    if marker is not None and (
        marker.kwargs.get("transaction") or (marker.args and marker.args[0])
    ):
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
def home_page(db, request):
    """A Swedish home page as the default site's root: what plans need of the site skeleton
    (the full ``demo_site`` translates the home page into every language, which is slow).
    Copied from the ``home`` template (``tests.helpers.plans.make_home_page``)."""
    return demo_template.use("home", request)


@pytest.fixture
def plan_index(home_page, request):
    """The Swedish "Handlingsplaner" page, as load_demo makes it (the ``plan_index``
    template)."""
    index = demo_template.use("plan_index", request)
    home_page.refresh_from_db()  # it has a child now
    return index


@pytest.fixture
def demo_plans(plan_index, request):
    """The three seed plans, loaded by the real demo loader: {plan key: PlanPage} (the
    ``plans`` template)."""
    plans = demo_template.use("plans", request)
    plan_index.refresh_from_db()
    return plans


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
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
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
def load_demo_command(migrated_roots, request):
    """Run the real ``load_demo`` command. The first run in a test that starts from the base
    is the ``load_demo`` template: what that command made from the base, once per process;
    every further run is the command itself (the tests check a second run changes nothing)."""
    runs = []

    def run():
        if not runs and demo_template.state.level == "base":
            demo_template.use("load_demo", request)
        else:
            call_command("load_demo", verbosity=0)
        runs.append(True)

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
