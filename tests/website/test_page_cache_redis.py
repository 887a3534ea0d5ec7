"""The page cache on Redis, as production runs it: hits without SQL, a publish seen at once,
and pages still served when Redis does not answer."""

import logging

import pytest

from tests.helpers.demo import SUPPORT_PAGE, kvinnofridslinjen
from tests.services import free_port

pytestmark = [pytest.mark.redis, pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


def test_a_repeat_visit_is_answered_from_redis_without_a_query(
    shared_support_site, redis_page_cache, visitor, django_assert_num_queries
):
    url = SUPPORT_PAGE.format("ar")
    first = visitor.get(url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = visitor.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert redis_page_cache.get("generation") is not None  # the number lives in Redis


def test_publishing_a_helpline_change_on_redis_shows_on_every_cached_page_on_the_next_request(
    shared_support_site, redis_page_cache, visitor
):
    urls = [SUPPORT_PAGE.format(code) for code in ("sv", "en", "ar")] + ["/sv/", "/fa/"]
    for url in urls:
        visitor.get(url)
        assert visitor.get(url)["X-Page-Cache"] == "hit", url
    helpline = kvinnofridslinjen()
    helpline.phone_number = "020-60 60 60"
    helpline.save_revision().publish()
    for url in urls:
        html = visitor.get(url).content.decode()
        assert 'href="tel:020606060"' in html, url
        assert 'href="tel:020505050"' not in html, url


def test_pages_are_served_when_redis_does_not_answer(
    shared_support_site, settings, visitor, caplog
):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "website.cache.FailSoftRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    }
    with caplog.at_level(logging.WARNING, logger="website.cache"):
        for _ in range(2):
            response = visitor.get(SUPPORT_PAGE.format("sv"))
            assert response.status_code == 200
            assert response.get("X-Page-Cache") is None
    assert "Cache unavailable" in caplog.text
