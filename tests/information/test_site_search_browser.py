"""Searching the site in Chromium, in Swedish, Arabic, Tigrinya and Polish."""

import pytest

from tests.a11y import wcag_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUERIES = {"sv": "våld", "ar": "العنف", "ti": "Kvinnofridslinjen", "pl": "Kvinnofridslinjen"}


def _gettext(code, message):
    from django.utils import translation

    with translation.override(code):
        return translation.gettext(message)


def test_visitor_searches_in_their_language_and_stays_in_it(
    page, live_server, support_site, search_index
):
    for code, query in QUERIES.items():
        page.goto(f"{live_server.url}/{code}/")
        page.get_by_role("link", name=_gettext(code, "Search"), exact=True).click()
        page.wait_for_url(f"{live_server.url}/{code}/sok/")
        page.get_by_label(_gettext(code, "Search this website")).fill(query)
        page.get_by_role("button", name=_gettext(code, "Search")).click()
        page.wait_for_url(f"{live_server.url}/{code}/sok/?q=*")
        links = page.locator(".search-results a")
        assert links.count() > 0, code
        hrefs = links.evaluate_all("els => els.map(e => e.getAttribute('href'))")
        assert all(href.startswith(f"/{code}/") for href in hrefs), (code, hrefs)
        if code in ("ti", "pl"):
            # The home page is written in every language; the support pages found are
            # Swedish, and marked so for the reader's screen reader.
            support = page.locator(f".search-results li:has(a[href^='/{code}/stod/'])")
            assert support.count() > 0, code
            assert set(support.evaluate_all("els => els.map(e => e.getAttribute('lang'))")) == {
                "sv"
            }, code
        if code in ("sv", "ar"):
            assert wcag_violations(page) == [], code
    assert page.context.cookies() == []
