"""Fixtures of the page-cache tests (test_page_cache.py, test_page_cache_redis.py,
test_cache_outage.py): each module turns the cache on with
``pytestmark = pytest.mark.usefixtures("page_cache_on")``."""

import pytest
from django.core.cache import caches
from django.test import Client


@pytest.fixture
def page_cache_on(settings):
    """The whole-page cache switched on (the test settings switch it off), and empty."""
    from website.page_cache import recent_pages

    settings.PAGE_CACHE_ENABLED = True
    caches["pages"].clear()
    recent_pages.clear()


@pytest.fixture
def visitor():
    """An anonymous visitor on the demo site's host."""
    return Client(HTTP_HOST="localhost")
