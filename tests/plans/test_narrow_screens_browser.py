"""No plan page scrolls sideways on a 320 px wide phone, even with a long address or a
long word in the plan's text (WCAG 1.4.10 Reflow)."""

import pytest

from plans.models import FocusAreaPage, Measure
from plans.planfile import import_plan
from tests.helpers.plans import make_plan_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_URL = "https://www.ekby.se/omsorg-och-stod/vald-i-nara-relationer/stod-till-dig-som-ar-utsatt/skyddat-boende-och-radgivning.html"
LONG_WORD = "Våldsutsatthetskartläggningsinstrumentsutbildningstillfällen"


def test_no_plan_page_scrolls_sideways_at_320_px(browser, live_server, plan_index):
    data = make_plan_data(6, key="smal-skarm")
    data["plan"]["sections"][0]["body"] = f"Läs mer på {LONG_URL}\n\n- {LONG_WORD}\n"
    area = data["plan"]["focus_areas"][0]
    area["introduction"] = f"Se {LONG_URL}"
    first = area["measures"][0]
    first["note"] = f"Mer information: {LONG_URL}"
    first["activities"].append(LONG_WORD)
    first["responsible_as_written"] = f"{LONG_WORD} med stöd av kvalitetsteamet"
    first["time_frame"] = LONG_URL
    plan, _ = import_plan(data, publish=True)
    focus_area = FocusAreaPage.objects.child_of(plan).order_by("path").first()
    measure = Measure.objects.get(identifier=first["identifier"])

    context = browser.new_context(viewport={"width": 320, "height": 640}, service_workers="block")
    page = context.new_page()
    try:
        for url in (
            plan_index.url,
            plan.url,
            focus_area.url,
            f"{plan.url}atgarder/",
            f"{plan.url}atgarder/{measure.pk}/",
            f"{plan.url}uppfoljning/?year=2025",
            f"{plan.url}utskrift/",
            f"{plan_index.url}organisationer/org0/",
        ):
            page.goto(f"{live_server.url}{url}")
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, (url, overflow)
    finally:
        context.close()
