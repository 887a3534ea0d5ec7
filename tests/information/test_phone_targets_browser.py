"""On a phone: every language one tap away, and every number and control big enough to hit.

Measured at 390 × 844 px (a common phone). 44 × 44 CSS px is WCAG 2.5.5's target size,
the bar the municipality sets for people who may be shaking, hurried or on a small screen.
"""

import pytest

from multilingual.languages import SITE_LANGUAGES
from tests.a11y import wcag_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ALL_CODES = [code for code, *_rest in SITE_LANGUAGES]
TARGETS = 'a[href^="tel:"], .language-switcher summary, .quick-exit, .urgent-help__more a'


def _small_targets(page):
    small = []
    for element in page.locator(TARGETS).all():
        if not element.is_visible():
            continue
        box = element.bounding_box()
        if box["width"] < 44 or box["height"] < 44:
            small.append((element.inner_text().strip(), round(box["width"]), round(box["height"])))
    return small


def test_switcher_shows_the_current_language_first_and_reaches_all_fourteen_in_one_tap(
    page, live_server, support_site
):
    for code in ["sv", "ar", "ti", "pl"]:
        _check_switcher(page, live_server, code)
    for code in ["sv", "ar"]:
        page.goto(f"{live_server.url}/{code}/")
        page.locator("nav.language-switcher summary").click()
        assert wcag_violations(page) == [], code


def _check_switcher(page, live_server, code):
    page.goto(f"{live_server.url}/{code}/")
    switcher = page.locator("nav.language-switcher")
    toggle = switcher.locator("summary")
    assert "Language" in toggle.inner_text() and "اللغة" in toggle.inner_text()
    toggle.click()
    entries = switcher.locator("li > *")
    assert entries.first.get_attribute("lang") == code  # the visitor's own language first
    assert entries.count() == len(ALL_CODES)
    for i in range(entries.count()):  # all fourteen on screen at once, none scrolled sideways
        box = entries.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
        assert box["y"] + box["height"] <= page.viewport_size["height"]
        assert box["width"] >= 44 and box["height"] >= 44
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    if code != "sv":
        switcher.locator('a[hreflang="sv"]').click()
        page.wait_for_url(f"{live_server.url}/sv/")


def test_switcher_opens_without_javascript(browser, live_server, support_site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(f"{live_server.url}/ti/")
        tab.locator("nav.language-switcher summary").click()
        tab.locator('nav.language-switcher a[hreflang="ar"]').click()
        tab.wait_for_url(f"{live_server.url}/ar/")
    finally:
        context.close()


def test_every_phone_number_and_control_is_at_least_44_px_square(page, live_server, support_site):
    for code in ["sv", "ar", "ti", "pl"]:
        for path in [
            f"/{code}/",
            f"/{code}/stod/utsatt-for-vald/",
            f"/{code}/stod/broschyrer/stod-vid-vald/",
        ]:
            page.goto(f"{live_server.url}{path}")
            assert (
                page.locator('a[href="tel:116016"]').count() > 0
                or path == f"/{code}/stod/broschyrer/stod-vid-vald/"
            )
            assert _small_targets(page) == [], path
        page.locator("nav.language-switcher summary").click()
        assert _small_targets(page) == [], code
    # The footer's 112, "116 016" and a local service's number, named in the finding.
    page.goto(f"{live_server.url}/sv/stod/utsatt-for-vald/")
    for selector in [
        '.site-footer a[href="tel:112"]',
        '.helpline__alt a[href="tel:116016"]',
        '.service-card a[href^="tel:"]',
    ]:
        box = page.locator(selector).first.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, selector
