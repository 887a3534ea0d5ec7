"""The home page in a real browser: language, direction, help visible, accessible."""

import pytest

from tests.a11y import wcag_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_in_swedish_and_arabic(page, live_server, demo_site):
    page.goto(f"{live_server.url}/sv/")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.get_by_role("heading", name="Behöver du hjälp nu?").is_visible()

    page.goto(f"{live_server.url}/ar/")
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.get_by_role("heading", name="هل تحتاج إلى مساعدة الآن؟").is_visible()
    # Right-to-left: the urgent-help box's text starts at the right edge.
    direction = page.locator(".urgent-help").evaluate("el => getComputedStyle(el).direction")
    assert direction == "rtl"


def test_need_help_now_is_visible_without_scrolling_on_a_phone(page, live_server, demo_site):
    page.goto(f"{live_server.url}/sv/")
    call = page.locator('a[href="tel:020505050"]')
    box = call.bounding_box()
    assert box is not None
    assert box["y"] + box["height"] <= page.viewport_size["height"]
    emergency = page.locator('.urgent-help a[href="tel:112"]')
    assert emergency.is_visible()


def test_switching_language_in_the_header(page, live_server, demo_site):
    page.goto(f"{live_server.url}/sv/")
    page.locator("nav.language-switcher summary").click()
    page.get_by_role("link", name="العربية").click()
    page.wait_for_url(f"{live_server.url}/ar/")
    assert page.locator("html").get_attribute("dir") == "rtl"


def test_public_page_requests_nothing_from_other_hosts(page, live_server, demo_site):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{live_server.url}/ar/")
    page.wait_for_load_state("networkidle")
    assert requested
    assert all(url.startswith(live_server.url) for url in requested), requested
    assert page.context.cookies() == []


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_home_page_has_no_wcag_violations(page, live_server, demo_site, code):
    page.goto(f"{live_server.url}/{code}/")
    assert wcag_violations(page) == []
