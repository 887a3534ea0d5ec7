"""A Redis that hangs does not stop the site: one timeout, then pages at uncached speed.

The Redis here is the test's own ``redis-server`` (not the shared one of ``REDIS_URL``):
the tests pause it with SIGSTOP, as a swapping or frozen server behaves, which accepts
connections and never answers. The caches are configured as ``website.settings.base``
does with ``REDIS_URL`` (both caches on Redis, 0.5 s socket timeouts).
"""

import logging
import os
import signal
import time
import uuid

import pytest

from tests.helpers.demo import SUPPORT_PAGE
from tests.services import start_redis_server
from website import cache_breaker

pytestmark = [pytest.mark.redis, pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

#: Pages of the demo support section, each a separate page-cache entry.
PAGES = [
    "/sv/",
    "/en/",
    "/ar/",
    SUPPORT_PAGE.format("sv"),
    SUPPORT_PAGE.format("en"),
    SUPPORT_PAGE.format("ar"),
]


@pytest.fixture(scope="module")
def own_redis(tmp_path_factory):
    """A redis-server of this module only, which the tests may pause: ``(url, process)``."""
    process, url = start_redis_server(tmp_path_factory.mktemp("paused-redis"))
    try:
        yield url, process
    finally:
        process.send_signal(signal.SIGCONT)
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def production_caches(settings, own_redis):
    """Both caches on the module's Redis, as with ``REDIS_URL`` in production."""
    from website.settings.base import redis_cache

    url, process = own_redis
    os.environ["CACHE_KEY_PREFIX"] = f"outage-{uuid.uuid4().hex}:"
    try:
        settings.CACHES = redis_cache(url)
    finally:
        del os.environ["CACHE_KEY_PREFIX"]
    cache_breaker.reset_all()
    yield process
    process.send_signal(signal.SIGCONT)
    cache_breaker.reset_all()


def timed_get(client, url):
    start = time.monotonic()
    response = client.get(url)
    return response, time.monotonic() - start


def test_a_hung_redis_costs_one_timeout_and_then_pages_answer_without_it(
    shared_support_site, production_caches, visitor, caplog
):
    # Rendered with Redis answering, so the caches are warm. On a loaded machine a call may
    # take longer than the breaker's slow-call limit and open it: warm up again then.
    for _attempt in range(5):
        cache_breaker.reset_all()
        for url in PAGES:
            visitor.get(url)
        if visitor.get(PAGES[0]).get("X-Page-Cache") == "hit":
            break
    assert visitor.get(PAGES[0])["X-Page-Cache"] == "hit"
    caplog.clear()

    production_caches.send_signal(signal.SIGSTOP)
    with caplog.at_level(logging.WARNING, logger="website.cache"):
        times = []
        for url in PAGES:
            response, seconds = timed_get(visitor, url)
            assert response.status_code == 200, url
            assert response.get("X-Page-Cache") is None, (
                url
            )  # neither answered from nor stored in the cache
            times.append(seconds)
    # One socket timeout (0.5 s) at most, on the first page; without the breaker every
    # one of the page's cache calls waited it (7-9 s a page). Rendering a page takes
    # well under a second, also on a busy test machine.
    assert times[0] < 3.0, times
    assert sum(times[1:]) < 3.0, times
    assert "pages are served without cache" in caplog.text


def test_the_cache_is_used_again_once_redis_answers(
    shared_support_site, settings, own_redis, visitor, monkeypatch
):
    from website.settings.base import redis_cache

    url, process = own_redis
    monkeypatch.setenv(
        "CACHE_BREAKER_PAUSE_SECONDS", "1"
    )  # as an operator sets it (docs/configuration.md)
    monkeypatch.setenv("CACHE_KEY_PREFIX", f"back-{uuid.uuid4().hex}:")
    settings.CACHES = redis_cache(url)
    cache_breaker.reset_all()
    try:
        process.send_signal(signal.SIGSTOP)
        assert visitor.get(PAGES[0]).status_code == 200
        process.send_signal(signal.SIGCONT)
        # Still within the back-off: not even tried.
        assert visitor.get(PAGES[0]).get("X-Page-Cache") is None
        time.sleep(1.1)
        assert visitor.get(PAGES[0])["X-Page-Cache"] == "miss"
        assert visitor.get(PAGES[0])["X-Page-Cache"] == "hit"
    finally:
        process.send_signal(signal.SIGCONT)
        cache_breaker.reset_all()


def test_a_slow_answer_opens_the_breaker_and_a_good_one_after_the_back_off_closes_it(monkeypatch):
    breaker = cache_breaker.CircuitBreaker("test", backoff=0.2, slow=0.25)
    assert breaker.allow()
    breaker.record(0.4)  # answered, but too late
    assert not breaker.allow()
    time.sleep(0.25)
    assert breaker.allow()  # one call tries again
    assert not breaker.allow()  # the others keep skipping while it does
    breaker.record(0.01)
    assert breaker.allow() and breaker.allow()


def test_the_breaker_opens_after_the_configured_number_of_failures_in_a_row():
    breaker = cache_breaker.CircuitBreaker("test", backoff=60, slow=0.25, failures=3)
    breaker.trip("refused")
    breaker.record(0.4)  # slow
    assert breaker.allow()  # two in a row: still used
    breaker.record(0.01)  # an answer in time starts the count again
    breaker.trip("refused")
    breaker.trip("refused")
    assert breaker.allow()
    breaker.trip("refused")
    assert not breaker.allow()


def test_the_breaker_is_configured_from_the_environment(own_redis, monkeypatch):
    from website.cache import FailSoftRedisCache
    from website.settings.base import redis_cache

    url = f"{own_redis[0]}?environment-test"  # a breaker of its own (one per address)
    monkeypatch.setenv("CACHE_BREAKER_FAILURES", "4")
    monkeypatch.setenv("CACHE_BREAKER_SLOW_SECONDS", "0.75")
    monkeypatch.setenv("CACHE_BREAKER_PAUSE_SECONDS", "30")
    cache_breaker.reset_all()
    try:
        config = redis_cache(url)["default"]
        breaker = FailSoftRedisCache(config["LOCATION"], config).breaker
        assert (breaker.failures, breaker.slow, breaker.backoff) == (4, 0.75, 30.0)
    finally:
        cache_breaker.reset_all()
