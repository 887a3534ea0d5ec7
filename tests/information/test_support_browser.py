"""Support pages in Chromium: a citizen finds help in Arabic, leaves quickly, pages are accessible."""

import pytest

from tests.a11y import wcag_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUPPORT = "/sv/stod/utsatt-for-vald/"


def _quick_exit_label(code="sv"):
    """The button's label as the visitor reads it ("Lämna sidan snabbt" in Swedish)."""
    from django.utils import translation

    with translation.override(code):
        return translation.gettext("Leave this page quickly")


def _set_quick_exit(url):
    from wagtail.models import Site

    from website.models import SiteSettings

    settings_obj = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_obj.quick_exit_url = url
    settings_obj.save()


def test_citizen_finds_kvinnofridslinjen_in_arabic_from_the_home_page(
    page, live_server, support_site
):
    page.goto(f"{live_server.url}/ar/")
    page.get_by_role(
        "link", name="الدعم والمساعدة", exact=True
    ).click()  # the card, not "More help and support"
    page.wait_for_url(f"{live_server.url}/ar/stod/")
    page.get_by_role("link", name="إذا كنت تتعرض للعنف").click()
    page.wait_for_url(f"{live_server.url}/ar/stod/utsatt-for-vald/")

    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"
    call = page.locator('.support-body a[href="tel:020505050"]')
    assert call.is_visible()
    assert "020-50 50 50" in call.inner_text()
    assert "خط كفينوفريدس" in call.inner_text()
    helpline = page.locator(
        ".support-body li.helpline", has=page.locator('a[href="tel:020505050"]')
    )
    facts = helpline.locator(".helpline__facts").inner_text()
    assert facts.strip()  # hours shown next to the number
    assert "على مدار الساعة" in facts
    # Right to left, but the number itself reads left to right.
    assert (
        page.locator(".support-content").evaluate("el => getComputedStyle(el).direction") == "rtl"
    )
    assert (
        call.locator(".helpline__number").evaluate("el => getComputedStyle(el).direction") == "ltr"
    )
    # Tappable: at least 44 px high.
    assert call.bounding_box()["height"] >= 44
    # Nothing sticks out sideways on a phone (long e-mail addresses wrap).
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_quick_exit_button_leaves_and_back_does_not_return(page, live_server, support_site):
    neutral = f"{live_server.url}/en/"
    _set_quick_exit(neutral)
    page.goto(f"{live_server.url}/sv/")
    page.goto(f"{live_server.url}{SUPPORT}")
    button = page.get_by_role("link", name=_quick_exit_label())
    assert button.is_visible()
    button.click()
    page.wait_for_url(neutral)
    page.go_back()
    page.wait_for_load_state()
    assert page.url == f"{live_server.url}/sv/"  # the support page was replaced in history
    assert page.context.cookies() == []


def test_quick_exit_button_stays_visible_when_scrolling(page, live_server, support_site):
    page.goto(f"{live_server.url}{SUPPORT}")
    page.mouse.wheel(0, 3000)
    page.wait_for_function("window.scrollY > 0")
    box = page.locator(".quick-exit").bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]


def test_three_shift_presses_leave_the_page(page, live_server, support_site):
    neutral = f"{live_server.url}/en/"
    _set_quick_exit(neutral)
    page.goto(f"{live_server.url}/sv/")
    page.goto(f"{live_server.url}{SUPPORT}")
    page.locator("h1").click()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(neutral)
    page.go_back()
    page.wait_for_load_state()
    assert page.url == f"{live_server.url}/sv/"


def test_two_shift_presses_or_typing_do_not_leave(page, live_server, support_site):
    neutral = f"{live_server.url}/en/"
    _set_quick_exit(neutral)
    page.goto(f"{live_server.url}{SUPPORT}")
    title = page.title()
    navigations = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url))
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("a")
    page.keyboard.press("Shift")
    # Each press returns once the page has handled the key. Leaving blanks the title and
    # hides the page in the same handler, before it asks for the neutral site, so a leave
    # shows here at once; no navigation has started either.
    assert page.evaluate("[document.title, document.documentElement.style.visibility]") == [
        title,
        "",
    ]
    assert navigations == [] and page.url == f"{live_server.url}{SUPPORT}"
    # Typing "a" started the count again: two more presses make three in a row, and leave.
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_url(neutral)
    assert navigations == [neutral]


def test_quick_exit_works_without_javascript(browser, live_server, support_site):
    neutral = f"{live_server.url}/en/"
    _set_quick_exit(neutral)
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(f"{live_server.url}{SUPPORT}")
        tab.get_by_role("link", name=_quick_exit_label()).click()
        tab.wait_for_url(neutral)
    finally:
        context.close()


def test_somali_visitor_gets_the_swedish_page_with_a_notice(page, live_server, support_site):
    page.goto(f"{live_server.url}/so/stod/utsatt-for-vald/")
    assert page.locator("html").get_attribute("lang") == "so"
    notice = page.locator(".language-notice")
    assert notice.is_visible()
    assert notice.get_attribute("lang") == "so"
    assert notice.locator('a[href="tel:020521010"]').is_visible()  # Terrafem answers in Somali
    assert page.locator("article.support-content").get_attribute("lang") == "sv"
    assert wcag_violations(page) == []


@pytest.mark.parametrize("code", ["sv", "ar", "pl"])  # pl: the mirrored (alias) section
def test_support_and_brochure_pages_have_no_wcag_violations(page, live_server, support_site, code):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in [
        f"/{code}/stod/utsatt-for-vald/",
        f"/{code}/stod/broschyrer/",
        f"/{code}/stod/broschyrer/stod-vid-vald/",
        f"/{code}/stod/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert wcag_violations(page) == [], path
    assert all(url.startswith(live_server.url) for url in requested), requested
    assert page.context.cookies() == []
