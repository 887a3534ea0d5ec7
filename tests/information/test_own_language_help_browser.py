"""Help that speaks the visitor's language comes first; when none does, the page says so."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGE = "/{code}/stod/utsatt-for-vald/"
TERRAFEM = 'a[href="tel:020521010"]'  # answers in Arabic, Persian, Somali, Tigrinya, Finnish …
KVINNOFRIDSLINJEN = 'a[href="tel:020505050"]'  # Swedish and English only


def _top(page, selector):
    return page.locator(selector).first.bounding_box()["y"]


def _gettext(code, message):
    from django.utils import translation

    with translation.override(code):
        return translation.gettext(message)


def test_helplines_in_the_visitors_language_come_first_or_the_page_says_there_are_none(
    page, live_server, support_site
):
    # Arabic (a translated page) and Tigrinya (the Swedish page with a notice): the line
    # that answers in their language is above the Swedish-and-English one, on the first screen.
    for code in ["ar", "ti"]:
        page.goto(f"{live_server.url}{PAGE.format(code=code)}")
        assert _top(page, TERRAFEM) < _top(page, KVINNOFRIDSLINJEN), code
        assert _top(page, TERRAFEM) < page.viewport_size["height"], code

    # Polish: nobody listed answers in Polish. The page says so in Polish and offers English.
    page.goto(f"{live_server.url}{PAGE.format(code='pl')}")
    notice = page.locator(".language-notice")
    assert (
        _gettext("pl", "None of the helplines and services on this page answers in your language.")
        in notice.inner_text()
    )
    english = notice.get_by_role("link", name=_gettext("pl", "Read this page in English"))
    english.click()
    page.wait_for_url(f"{live_server.url}/en/stod/utsatt-for-vald/")

    # Swedish: everything answers in Swedish, no extra box.
    page.goto(f"{live_server.url}{PAGE.format(code='sv')}")
    assert page.locator(".own-language-help").count() == 0
    assert page.locator(KVINNOFRIDSLINJEN).first.is_visible()


def test_brochure_contacts_in_the_visitors_language_come_first(page, live_server, support_site):
    page.goto(f"{live_server.url}/ar/stod/broschyrer/stod-vid-vald/")
    numbers = page.locator(".brochure .helpline__call").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"
    )
    assert numbers[0] == "tel:112"  # the emergency number stays first
    assert numbers.index("tel:020521010") < numbers.index("tel:020505050")
