"""The language switcher in Chromium, on a page translated into Swedish, English and Arabic."""

import pytest
from wagtail.models import Locale

from tests.a11y import wcag_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGE = "/stod-och-hjalp/utsatt-for-vald/"
VERSIONS = {"sv": "Utsatt för våld", "en": "Subjected to violence", "ar": "التعرض للعنف"}


@pytest.fixture
def page_in_three_languages(support_page):
    for code in ("en", "ar"):
        copy = support_page.copy_for_translation(Locale.objects.get(language_code=code))
        copy.title = VERSIONS[code]
        copy.save_revision().publish()
    return support_page


def switcher_entries(page):
    page.locator("nav.language-switcher summary").click()  # the disclosure opens the list
    items = page.locator("nav.language-switcher li > *")
    return [
        (
            items.nth(i).inner_text(),
            items.nth(i).get_attribute("lang"),
            items.nth(i).get_attribute("dir"),
        )
        for i in range(items.count())
    ]


def test_switcher_offers_exactly_the_three_languages_each_in_its_own_script(
    page, live_server, page_in_three_languages
):
    page.goto(f"{live_server.url}/sv{PAGE}")
    assert switcher_entries(page) == [
        ("Svenska", "sv", "ltr"),
        ("English", "en", "ltr"),
        ("العربية", "ar", "rtl"),
    ]
    # The current language is marked, not linked.
    assert page.locator('nav.language-switcher [aria-current="true"]').inner_text() == "Svenska"


@pytest.mark.parametrize("code", ["en", "ar"])
def test_each_switcher_link_leads_to_that_languages_version(
    page, live_server, page_in_three_languages, code
):
    page.goto(f"{live_server.url}/sv{PAGE}")
    page.locator("nav.language-switcher summary").click()  # the disclosure opens the list
    page.locator(f'nav.language-switcher a[hreflang="{code}"]').click()
    page.wait_for_url(f"{live_server.url}/{code}{PAGE}")
    assert page.locator("html").get_attribute("lang") == code
    assert page.locator("html").get_attribute("dir") == ("rtl" if code == "ar" else "ltr")
    assert page.get_by_role("heading", level=1).inner_text() == VERSIONS[code]
    # And back to Swedish from there.
    page.locator("nav.language-switcher summary").click()
    page.locator('nav.language-switcher a[hreflang="sv"]').click()
    page.wait_for_url(f"{live_server.url}/sv{PAGE}")
    assert page.get_by_role("heading", level=1).inner_text() == VERSIONS["sv"]


def test_switcher_on_the_arabic_page_is_accessible(page, live_server, page_in_three_languages):
    page.goto(f"{live_server.url}/ar{PAGE}")
    # The current language first, then the others in the site's order.
    assert [entry[0] for entry in switcher_entries(page)] == ["العربية", "Svenska", "English"]
    violations = [v for v in wcag_violations(page) if "language-switcher" in v]
    assert violations == []
