"""Anonymous visitors get pages from the page cache, and never a stale one after a publish."""

import pytest
from django.core.cache import caches
from django.http import HttpResponse
from django.test import Client, RequestFactory

from tests.helpers.demo import SUPPORT_PAGE, kvinnofridslinjen
from website.page_cache import PageCacheMiddleware

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

# Languages with a written page (sv, en, ar) and one that shows the Swedish page (so).
LANGUAGES = ["sv", "en", "ar", "so"]


@pytest.fixture
def editor(django_user_model):
    client = Client(HTTP_HOST="localhost")
    client.force_login(
        django_user_model.objects.create_superuser("redaktor", "r@example.org", "pw")
    )
    return client


def read_twice(client, url):
    """The page as the first visitor (rendered) and the next (cached) get it."""
    first = client.get(url)
    second = client.get(url)
    assert first.status_code == second.status_code == 200, url
    assert second.get("X-Page-Cache") == "hit", url
    return second.content.decode()


def test_a_repeat_visit_is_answered_from_the_cache_without_a_query(
    shared_support_site, visitor, django_assert_num_queries
):
    for url in [
        "/sv/",
        "/ar/",
        SUPPORT_PAGE.format("sv"),
        SUPPORT_PAGE.format("ar"),
        "/sv/stod/",
        "/ar/stod/broschyrer/",
    ]:
        first = visitor.get(url)
        assert first.status_code == 200 and first["X-Page-Cache"] == "miss", url
        with django_assert_num_queries(0):
            second = visitor.get(url)
        assert second.status_code == 200 and second["X-Page-Cache"] == "hit", url
        assert second.content == first.content, url


def test_a_cached_page_keeps_the_privacy_and_security_headers_and_sets_no_cookie(
    shared_support_site, visitor
):
    url = SUPPORT_PAGE.format("ar")
    first = visitor.get(url)
    second = visitor.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert not second.cookies
    for header in (
        "Content-Security-Policy",
        "Referrer-Policy",
        "Permissions-Policy",
        "X-Frame-Options",
        "Cache-Control",
        "Content-Language",
        "Content-Type",
    ):
        assert second[header] == first[header], header
    assert second["Referrer-Policy"] == "no-referrer"


def test_a_head_request_is_answered_from_the_cache_without_a_body(shared_support_site, visitor):
    url = SUPPORT_PAGE.format("sv")
    body = visitor.get(url).content
    response = visitor.head(url)
    assert response["X-Page-Cache"] == "hit"
    assert response.content == b""
    assert response["Content-Length"] == str(len(body))


def test_publishing_a_helpline_change_shows_on_every_cached_support_page_that_uses_it_on_the_next_request(
    shared_support_site, visitor, django_user_model
):
    urls = [SUPPORT_PAGE.format(code) for code in LANGUAGES] + ["/sv/", "/ar/"]
    for url in urls:
        assert 'href="tel:020505050"' in read_twice(visitor, url), url

    helpline = kvinnofridslinjen()
    helpline.phone_number = "020-60 60 60"
    helpline.save_revision(user=django_user_model.objects.create_user("k", password="pw")).publish()

    for url in urls:
        response = visitor.get(url)
        assert response["X-Page-Cache"] == "miss", url
        html = response.content.decode()
        assert 'href="tel:020606060"' in html, url
        assert 'href="tel:020505050"' not in html, url


def test_a_saved_draft_of_a_helpline_leaves_the_cached_pages_in_place(shared_support_site, visitor):
    url = SUPPORT_PAGE.format("sv")
    read_twice(visitor, url)
    helpline = kvinnofridslinjen()
    helpline.phone_number = "020-60 60 60"
    helpline.save_revision()  # a draft: visitors still read the published number
    response = visitor.get(url)
    assert response["X-Page-Cache"] == "hit"
    assert 'href="tel:020505050"' in response.content.decode()


def test_unpublishing_a_page_takes_it_off_the_cache_at_once(shared_support_site, visitor):
    from information.models import SupportPage

    url = SUPPORT_PAGE.format("ar")
    page = SupportPage.objects.get(locale__language_code="ar", slug="utsatt-for-vald")
    assert f"<h1>{page.title}</h1>" in read_twice(visitor, url)
    page.unpublish()
    response = visitor.get(url)  # the Swedish page, as for a language without a translation
    assert response["X-Page-Cache"] == "miss"
    assert f"<h1>{page.title}</h1>" not in response.content.decode()


def test_deleting_a_page_takes_it_off_the_cache_at_once(shared_support_site, visitor):
    from information.models import SupportPage

    url = SUPPORT_PAGE.format("en")
    page = SupportPage.objects.get(locale__language_code="en", slug="utsatt-for-vald")
    assert f"<h1>{page.title}</h1>" in read_twice(visitor, url)
    page.delete()
    response = visitor.get(url)
    assert response.get("X-Page-Cache") != "hit"
    assert f"<h1>{page.title}</h1>" not in response.content.decode()


def test_publishing_a_translation_shows_at_once(shared_support_site, visitor):
    from information.models import SupportPage

    url = SUPPORT_PAGE.format("ar")
    read_twice(visitor, url)
    page = SupportPage.objects.get(locale__language_code="ar", slug="utsatt-for-vald")
    page.title = "عنوان جديد للصفحة"
    page.save_revision().publish()
    response = visitor.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "عنوان جديد للصفحة" in response.content.decode()


def test_a_page_made_private_is_not_served_from_the_cache(shared_support_site, visitor):
    from wagtail.models import PageViewRestriction

    from information.models import SupportPage

    url = SUPPORT_PAGE.format("sv")
    read_twice(visitor, url)
    page = SupportPage.objects.get(locale__language_code="sv", slug="utsatt-for-vald")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    response = visitor.get(url)
    assert response.get("X-Page-Cache") is None
    assert 'href="tel:020505050"' not in response.content.decode()
    # The password form carries a CSRF token, so it sets a cookie: never stored.
    assert visitor.get(url).get("X-Page-Cache") is None


def test_site_settings_changes_show_at_once(shared_support_site, visitor):
    from wagtail.models import Site

    from website.models import SiteSettings

    read_twice(visitor, "/sv/")
    settings_row = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_row.municipality_name = "Testköpings kommun"
    settings_row.save()
    assert "Testköpings kommun" in visitor.get("/sv/").content.decode()


def test_logged_in_editors_neither_get_nor_fill_the_cache(shared_support_site, visitor, editor):
    url = SUPPORT_PAGE.format("sv")
    anonymous_html = read_twice(visitor, url)
    for _ in range(2):
        response = editor.get(url)
        assert response.get("X-Page-Cache") is None
        assert response.content.decode() != anonymous_html  # the editor's page has the user bar
        assert "no-store" in response["Cache-Control"]

    other = SUPPORT_PAGE.format("en")
    editor.get(other)
    assert visitor.get(other)["X-Page-Cache"] == "miss"  # the editor's visit stored nothing


def test_search_is_never_cached_and_no_typed_words_become_a_cache_key(shared_support_site, visitor):
    cache = caches["pages"]
    visitor.get("/sv/")
    keys_before = set(cache._cache)
    for _ in range(2):
        response = visitor.get("/sv/sok/", {"q": "våld hemma"})
        assert response.status_code == 200
        assert response.get("X-Page-Cache") is None
    assert set(cache._cache) == keys_before
    assert not any("v%C3%A5ld" in key or "våld" in key for key in cache._cache)


def test_an_unknown_query_string_bypasses_the_cache(shared_support_site, visitor):
    url = SUPPORT_PAGE.format("sv")
    for _ in range(2):
        assert visitor.get(url, {"utm_source": "nyhetsbrev"}).get("X-Page-Cache") is None


def test_a_visitor_with_a_session_cookie_is_not_served_from_the_cache(shared_support_site, visitor):
    url = SUPPORT_PAGE.format("sv")
    read_twice(visitor, url)
    visitor.cookies["sessionid"] = "whatever"
    assert visitor.get(url).get("X-Page-Cache") is None


def test_a_response_with_a_csp_nonce_or_a_cookie_is_not_stored(settings):
    """A nonce must be new on every response, and a cookie belongs to one visitor."""

    def with_nonce(request):
        request._csp_nonce = "abc"
        return public_page(request)

    def with_cookie(request):
        response = public_page(request)
        response.set_cookie("x", "y")
        return response

    def public_page(request):
        response = HttpResponse("<p>Stöd</p>")
        response["Cache-Control"] = "public, max-age=300"
        return response

    factory = RequestFactory()
    assert PageCacheMiddleware(public_page)(factory.get("/sv/sida/"))["X-Page-Cache"] == "miss"
    for view in (with_nonce, with_cookie):
        middleware = PageCacheMiddleware(view)
        for _ in range(2):
            assert middleware(factory.get(f"/sv/{view.__name__}/")).get("X-Page-Cache") is None


def test_measure_filters_are_cached_per_query_and_typed_text_never_is():
    def measure_list(request):
        response = HttpResponse(f"<p>{sorted(request.GET.items())}</p>")
        response["Cache-Control"] = "public, max-age=300"
        return response

    middleware = PageCacheMiddleware(measure_list)
    factory = RequestFactory()
    url = "/sv/planer/sodertalje/atgarder/"

    def get(query):
        return middleware(factory.get(url + query))

    assert get("?status=ongoing&role=lead")["X-Page-Cache"] == "miss"
    hit = get("?role=lead&status=ongoing")  # the same filters in another order
    assert hit["X-Page-Cache"] == "hit"
    assert "ongoing" in hit.content.decode()
    other = get("?status=done&role=lead")
    assert other["X-Page-Cache"] == "miss"
    assert "done" in other.content.decode()
    for query in ("?q=v%C3%A5ld", "?status=ongoing&q=slag"):
        for _ in range(2):
            assert get(query).get("X-Page-Cache") is None


def test_a_page_kept_in_this_process_shows_another_servers_publication_at_once(
    shared_support_site, visitor
):
    """Each process answers repeat visits from its own copy of the page, but only under the
    shared generation it reads on every request: another app server's publication (rows
    changed, the shared number raised, no signal here) shows on the next request."""
    from information.models import Helpline
    from website.page_cache import bump_generation

    url = SUPPORT_PAGE.format("sv")
    assert "Kvinnofridslinjen" in read_twice(visitor, url)
    Helpline.objects.filter(pk=kvinnofridslinjen().pk).update(
        name="Kvinnofridslinjen (dygnet runt)"
    )
    bump_generation()  # what the other server's publication did to the shared cache

    response = visitor.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Kvinnofridslinjen (dygnet runt)" in response.content.decode()


def test_a_page_kept_in_this_process_is_not_answered_after_page_cache_seconds(
    shared_support_site, visitor, settings, monkeypatch
):
    """If a publication could not reach the shared cache, pages stay stale at most
    PAGE_CACHE_SECONDS: the process's own copy too."""
    import time

    settings.PAGE_CACHE_SECONDS = 600
    url = SUPPORT_PAGE.format("sv")
    read_twice(visitor, url)
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 601)
    assert visitor.get(url)["X-Page-Cache"] == "miss"


def test_the_pages_kept_in_a_process_stay_within_their_byte_limit(settings):
    import time

    from website.page_cache import RecentPages

    settings.PAGE_CACHE_LOCAL_BYTES = 100
    recent = RecentPages()

    def entry(text):
        return {
            "generation": 1,
            "status": 200,
            "headers": [],
            "content": text.encode(),
            "rendered": time.time(),
        }

    recent.put("a", entry("a" * 40))
    recent.put("b", entry("b" * 40))
    assert recent.get("a", 1) is not None  # a is now the most recently used
    recent.put("c", entry("c" * 40))  # 120 bytes: the least recently used (b) goes
    assert recent.get("b", 1) is None
    assert recent.get("a", 1)["content"] == b"a" * 40 and recent.get("c", 1) is not None
    assert recent.size == 80
    recent.put("big", entry("x" * 101))  # larger than the whole limit: not kept
    assert recent.get("big", 1) is None and recent.size == 80
    assert recent.get("a", 2) is None  # another generation: dropped
    assert recent.size == 40
