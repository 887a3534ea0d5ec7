"""The measure list on a phone: results first, filters behind one button, and after
filtering the focus is on the results heading (which says how many match)."""

import pytest

from tests.helpers.plans import translate_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KEY = "sodertalje-vinr-hrv-pom"


@pytest.mark.parametrize("code", ["sv", "ar", "ti", "pl"])
def test_on_a_phone_results_come_first_and_focus_follows_the_filtering(
    page, live_server, demo_plans, code
):
    plan = demo_plans[KEY]
    if code != "sv":  # the plan as a translator has made it in that language
        plan = translate_plan(plan, code, f"Handlingsplan ({code})")
    page.goto(f"{live_server.url}{plan.url}atgarder/")
    heading = page.locator("#results-heading")
    # Results start on the first screen, not 1.3 screens down below seven fields.
    assert heading.bounding_box()["y"] < page.viewport_size["height"]
    assert not page.locator("#id_prevention_level").is_visible()
    toggle = page.locator(".measure-filter__toggle")
    box = toggle.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    toggle.click()
    page.locator("#id_prevention_level").select_option("selective")
    page.locator(".measure-filter button[type=submit]").click()
    page.wait_for_url("**prevention_level=selective**")
    assert f"/{code}/" in page.url  # filtering keeps the reader in their language
    page.wait_for_function(
        "document.activeElement && document.activeElement.id === 'results-heading'"
    )
    assert page.locator("html").get_attribute("lang") == code
    top = page.locator("#results-heading").bounding_box()["y"]
    assert 0 <= top < page.viewport_size["height"]


def test_measure_filters_open_without_javascript(browser, live_server, demo_plans):
    plan = demo_plans[KEY]
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(f"{live_server.url}{plan.url}atgarder/")
        tab.locator(".measure-filter__toggle").click()
        tab.locator("#id_prevention_level").select_option("selective")
        tab.locator(".measure-filter button[type=submit]").click()
        tab.wait_for_url("**prevention_level=selective**")
        assert tab.locator("#results-heading").is_visible()
    finally:
        context.close()
