"""The accessibility statement (tillgänglighetsredogörelse) that lag 2018:1937 requires,
reachable from every footer in the visitor's language, with the municipality's logo and
a contact link."""

import pytest

from tests.a11y import wcag_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _gettext(code, message):
    from django.utils import translation

    with translation.override(code):
        return translation.gettext(message)


def test_every_footer_leads_to_the_statement_in_digg_structure(page, live_server, demo_site):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for code in ["sv", "ar", "ti", "pl"]:
        page.goto(f"{live_server.url}/{code}/")
        footer = page.locator("footer")
        footer.get_by_role("link", name=_gettext(code, "Accessibility statement")).click()
        page.wait_for_url(f"{live_server.url}/{code}/tillganglighet/")
        assert page.locator("html").get_attribute("lang") == code
        headings = (
            page.locator("main h2, main h3").all_inner_texts()
        )  # DIGG: "Content that is not accessible" is under the technical information
        for heading in [
            "How accessible is this website?",  # compliance status
            "Content that is not accessible",  # known issues
            "Report accessibility problems",  # how to report
            "Enforcement",  # the enforcement body
        ]:
            assert _gettext(code, heading) in headings, (code, heading)
        digg = page.get_by_role(
            "link", name=_gettext(code, "Report a lack of accessibility to DIGG")
        )
        assert digg.get_attribute("href").startswith("https://www.digg.se/")
        assert page.locator('main a[href^="mailto:"]').count() == 1  # where to report
        if code in ("ti", "pl"):  # the Swedish text, marked, with a notice in their language
            assert page.locator(".language-notice").get_attribute("lang") == code
            assert page.locator("main h1").get_attribute("lang") == "sv"
        if code in ("sv", "ar"):
            assert wcag_violations(page) == [], code
        # Contact, and the municipality's logo linking to its website.
        assert footer.get_by_role("link", name=_gettext(code, "Contact")).count() == 1
        logo = page.locator("header a.site-header__municipality-link img")
        assert logo.get_attribute("alt") == "Exempelkommun"
        assert (
            page.locator("header a.site-header__municipality-link").get_attribute("href")
            == "https://www.exempelkommun.example/"
        )
    assert all(url.startswith(live_server.url) for url in requested), requested
