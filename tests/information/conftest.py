"""Fixtures for the support information: the demo site with its support pages."""

import pytest
from django.db import transaction

from tests.helpers import demo_template


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
