"""Plans in a real browser: filtering the measure list, and WCAG 2.1 A/AA (axe-core) on
the plan page, a focus area page and the measure list, in Swedish and in Arabic."""

import pytest

from plans.models import FocusAreaPage
from tests.a11y import wcag_violations
from tests.helpers.plans import all_measures, demo_plan_data, translate_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KEY = "sodertalje-vinr-hrv-pom"


def test_filtering_the_measure_list_in_the_browser(page, live_server, demo_plans):
    plan = demo_plans[KEY]
    page.goto(f"{live_server.url}{plan.url}atgarder/")
    total = page.locator("article.measure").count()
    assert total == 33

    page.locator(".measure-filter__toggle").click()  # the filters are behind one button
    page.locator("#id_prevention_level").select_option("selective")
    page.locator("#id_organisation").select_option(label="Socialnämnden")
    page.locator(".measure-filter button[type=submit]").click()
    page.wait_for_url("**prevention_level=selective**")

    data = demo_plan_data()[KEY]
    expected = [
        m["identifier"]
        for _a, m in all_measures(data)
        if "selective" in (m.get("prevention_levels") or [])
        and any(r.get("organisation") == "sn" for r in m.get("responsible") or [])
    ]
    shown = [
        text.split()[-1] for text in page.locator("article.measure .measure__id").all_inner_texts()
    ]
    assert shown == expected
    assert page.locator("#results-heading").inner_text().startswith(str(len(expected)))
    # The filters stay chosen, and the shared URL gives the same list.
    assert page.locator("#id_prevention_level").input_value() == "selective"
    page.goto(page.url)
    assert page.locator("article.measure").count() == len(expected)
    # The download links carry the same filters.
    href = page.locator(".downloads a").first.get_attribute("href")
    assert "prevention_level=selective" in href and "organisation=sn" in href
    assert page.context.cookies() == []


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_plan_pages_have_no_wcag_violations(page, live_server, demo_plans, code):
    plan = demo_plans[KEY]
    if code == "ar":
        plan = translate_plan(plan, "ar", "خطة العمل ضد العنف في العلاقات القريبة")
    area = FocusAreaPage.objects.child_of(plan).order_by("path").first()
    measure = area.measures.first()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for url in (
        plan.url,
        area.url,
        f"{plan.url}atgarder/",
        f"{plan.url}atgarder/?organisation=sn",
        f"{plan.url}uppfoljning/",
        f"{plan.url}atgarder/{measure.pk}/",
        f"{plan.get_parent().url}organisationer/sn/",
    ):
        page.goto(f"{live_server.url}{url}")
        assert page.locator("html").get_attribute("lang") == code
        assert page.locator("html").get_attribute("dir") == ("rtl" if code == "ar" else "ltr")
        assert wcag_violations(page) == [], url
    assert all(url.startswith(live_server.url) for url in requested), requested
