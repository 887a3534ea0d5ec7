"""Site search per language: results in the visitor's language plus marked Swedish
fallbacks, and nothing about a search is kept."""

import logging

import pytest
from django.db import connection

from tests.helpers.html import one, select, soup

pytestmark = pytest.mark.django_db


def _results(html):
    """(language marked on the result or "", address) of each search result."""
    page = soup(html)
    if not select(page, "ul.search-results"):
        one(page, "#search-results-heading")  # a search ran and found nothing
        return []
    return [
        (link.parent.get("lang", ""), link["href"])
        for link in select(page, "ul.search-results > li > a:first-child")
    ]


def test_search_finds_pages_in_the_visitors_language_only(shared_search_index, client_for):
    html = client_for.get("/ar/sok/", {"q": "العنف"}).content.decode()
    results = _results(html)
    assert results
    assert all(url.startswith("/ar/") and lang == "" for lang, url in results), results


def test_search_in_a_language_without_translations_gives_marked_swedish_fallbacks(
    shared_search_index, client_for
):
    for code in ["ti", "pl"]:
        html = client_for.get(f"/{code}/sok/", {"q": "Kvinnofridslinjen"}).content.decode()
        # The home page is written in every language (its help text names the line);
        # the support pages are Swedish, marked so.
        results = [(lang, url) for lang, url in _results(html) if url != f"/{code}/"]
        assert results, code
        assert all(url.startswith(f"/{code}/") and lang == "sv" for lang, url in results), (
            code,
            results,
        )
        assert 'class="untranslated-note"' in html


def test_search_stores_and_logs_nothing(shared_search_index, client_for, caplog):
    def row_counts():
        with connection.cursor() as cursor:
            counts = {}
            for table in connection.introspection.table_names(cursor):
                cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
                counts[table] = cursor.fetchone()[0]
            return counts

    # The same results once before counting: their first showing may make image renditions
    # (thumbnails Wagtail stores once per image), which hold nothing of the query.
    client_for.get("/sv/sok/", {"q": "skyddat boende zzforst"})
    before = row_counts()
    caplog.set_level(logging.DEBUG)
    response = client_for.get("/sv/sok/", {"q": "skyddat boende zzhemlig"})
    assert response.status_code == 200
    assert row_counts() == before
    assert "zzhemlig" not in caplog.text
    assert not response.cookies
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_empty_or_overlong_queries_answer_calmly(shared_search_index, client_for):
    assert client_for.get("/sv/sok/").status_code == 200
    assert client_for.get("/sv/sok/", {"q": "x" * 5000}).status_code == 200
    assert client_for.get("/sv/sok/", {"q": '") OR 1=1 --'}).status_code == 200


def _support_page(title, easy_read):
    """A published Swedish support page, indexed for search as publishing indexes it."""
    from information.models import SupportIndexPage, SupportPage

    index = SupportIndexPage.objects.get(locale__language_code="sv", alias_of__isnull=True)
    page = SupportPage(title=title, slug="sokord", easy_read=easy_read)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_swedish_search_finds_a_page_by_its_words_in_other_forms_on_every_database(
    shared_support_site, search_index, client_for
):
    """Snowball's Swedish stemmer, applied to the page's words and to the query
    (multilingual.search_words): "kvinnojouren" and "Kvinnojourer" are one word on SQLite
    as on PostgreSQL."""
    _support_page("Kvinnojourer i länet", "<p>Ring en jour.</p>")

    exact = [
        url
        for _lang, url in _results(
            client_for.get("/sv/sok/", {"q": "kvinnojourer"}).content.decode()
        )
    ]
    inflected = [
        url
        for _lang, url in _results(
            client_for.get("/sv/sok/", {"q": "kvinnojouren"}).content.decode()
        )
    ]

    assert "/sv/stod/sokord/" in exact
    assert "/sv/stod/sokord/" in inflected


def test_an_arabic_query_finds_the_arabic_page_and_nothing_in_swedish(
    shared_search_index, client_for
):
    arabic = _results(client_for.get("/ar/sok/", {"q": "تتعرض"}).content.decode())
    assert ("", "/ar/stod/utsatt-for-vald/") in arabic
    assert all(url.startswith("/ar/") and lang == "" for lang, url in arabic), arabic

    assert _results(client_for.get("/sv/sok/", {"q": "تتعرض"}).content.decode()) == []
