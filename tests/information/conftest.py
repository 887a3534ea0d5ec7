"""Fixtures for the support information: the demo site with its support pages."""

import pytest
from django.db import transaction


def _load():
    from website.demo import information, site

    site.load()
    return information.load()


@pytest.fixture
def support_site(demo_site):
    """The demo support section, committed (browser tests: the live server must see it)."""
    from website.demo import information

    return information.load()


@pytest.fixture(scope="module")
def shared_support_site(django_db_setup, django_db_blocker):
    """The demo support section loaded once per module inside a transaction.

    Like Django's ``setUpTestData``: each test runs in a nested savepoint that is rolled
    back, and the whole module's data is rolled back at the end, so other modules start
    from the empty test database. Loading the demo takes seconds; tests only read it.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield _load()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def client_for(client):
    """The test client on the demo site's host (the default site is ``localhost``)."""
    client.defaults["HTTP_HOST"] = "localhost"
    return client
