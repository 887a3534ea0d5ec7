"""The three seed plans are loaded by load_demo from the plan files, and every measure
appears on the site with its identifier, responsible bodies and time frame as written."""

import pytest
from django.utils.html import escape

from plans.models import FocusAreaPage, Measure, Organisation, PlanPage
from tests.helpers.html import one, select, texts, words
from tests.helpers.plans import all_measures, demo_plan_data

pytestmark = pytest.mark.django_db


def responsible_names(plan_data, measure):
    names = {org["key"]: org["name"] for org in plan_data["plan"].get("organisations") or []}
    return [
        names[r["organisation"]] if r.get("organisation") else r["text"]
        for r in measure.get("responsible") or []
    ]


def articles(response):
    """The measure cards of a page, in order."""
    return select(response, "article.measure")


def said(written):
    """A text as a visitor reads it (whitespace normalised)."""
    return " ".join(written.split())


def test_every_seed_measure_is_listed_as_written(client, demo_plans):
    for _stem, data in demo_plan_data().items():
        plan = demo_plans[data["plan"]["key"]]
        response = client.get(plan.url + "atgarder/")
        assert response.status_code == 200
        cards = [words(card) for card in articles(response)]
        measures = list(all_measures(data))
        assert len(cards) == len(measures), plan.plan_key
        for card, (_area, measure) in zip(cards, measures, strict=True):
            assert said(measure["title"]) in card
            if measure.get("identifier"):
                assert (
                    f"Measure {measure['identifier']}" in card
                    or f"Åtgärd {measure['identifier']}" in card
                )
            for name in responsible_names(data, measure):
                assert said(name) in card, (measure["title"], name)
            if measure.get("time_frame"):
                assert said(measure["time_frame"]) in card


def test_focus_area_pages_show_their_measures_with_activities(client, demo_plans):
    data = demo_plan_data()["vingaker-hrv"]
    plan = demo_plans["vingaker-hrv"]
    areas = list(FocusAreaPage.objects.child_of(plan).live().order_by("path"))
    assert [a.title for a in areas] == [a["title"] for a in data["plan"]["focus_areas"]]
    first = data["plan"]["focus_areas"][0]
    html = client.get(areas[0].url).content.decode()
    assert escape(first["title"]) in html
    for measure in first["measures"]:
        assert escape(measure["title"]) in html
        for activity in measure.get("activities") or []:
            assert escape(activity) in html
    # Södertälje's conditions "that must be in place" and the label + number as written.
    sodertalje = demo_plans["sodertalje-vinr-hrv-pom"]
    area = FocusAreaPage.objects.child_of(sodertalje).order_by("path").first()
    html = client.get(area.url).content.decode()
    assert "Fokusområde 1" in html
    assert (
        escape(
            demo_plan_data()["sodertalje-vinr-hrv-pom"]["plan"]["focus_areas"][0]["conditions"][0]
        )
        in html
    )


def test_a_measure_has_its_own_page_with_lead_and_co_responsible(client, demo_plans):
    plan = demo_plans["sodertalje-vinr-hrv-pom"]
    measure = Measure.objects.get(identifier="1:6", locale__language_code="sv")
    response = client.get(f"{plan.url}atgarder/{measure.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Orange Week" in html
    facts = [(words(row.dt), words(row.dd)) for row in select(response, "dl.measure-facts > div")]
    terms = [term for term, _value in facts]
    co_row = next(i for i, term in enumerate(terms) if term in ("Co-responsible", "Medansvarig"))
    lead = " ".join(value for _term, value in facts[:co_row])
    co = facts[co_row][1]
    assert "Kommunstyrelsen" in lead
    assert "Socialnämnden" in co and "Arbets- och näringslivsnämnden" in co
    assert "Under handlingsplanens giltighetstid, 2024–2027" in html


def test_unknown_measure_is_404(client, plan_index):
    from tests.helpers.factories import FocusAreaPageFactory, MeasureFactory, PlanPageFactory

    plan, other_plan = PlanPageFactory(parent=plan_index), PlanPageFactory(parent=plan_index)
    own = MeasureFactory(focus_area=FocusAreaPageFactory(parent=plan), title="Utbilda personalen")
    other = MeasureFactory(
        focus_area=FocusAreaPageFactory(parent=other_plan)
    )  # a measure of another plan
    response = client.get(f"{plan.url}atgarder/{own.pk}/")
    assert response.status_code == 200 and "Utbilda personalen" in response.content.decode()
    assert client.get(f"{plan.url}atgarder/{other.pk}/").status_code == 404
    assert client.get(f"{plan.url}atgarder/999999/").status_code == 404


def test_plan_page_has_metadata_contents_and_chart(client, demo_plans):
    plan = demo_plans["sodertalje-vinr-hrv-pom"]
    html = client.get(plan.url).content.decode()
    assert '<nav class="toc"' in html
    assert "Inledning" in html and 'href="#kapitel-0"' in html
    assert 'id="kapitel-0"' in html
    assert "2024-01-01" in html and "2027-12-31" in html
    # Follow-up at a glance: 33 measures, all not started, as text next to the bars.
    chart = one(html, "figure:has(#plan-status-chart)")
    assert "33" in words(chart)
    assert "33" in texts(chart, "span.status-chart__count")
    assert select(chart, '[aria-hidden="true"]')


def test_plan_index_groups_plans_by_their_dates(client, demo_plans):
    from plans.models import PlanIndexPage

    index = PlanIndexPage.objects.get()
    groups = index.plans_by_period(today=__import__("datetime").date(2030, 1, 1))
    assert [p.plan_key for p in groups["archived"]] == ["sodertalje-vinr-hrv-pom"]
    groups = index.plans_by_period(today=__import__("datetime").date(2025, 6, 1))
    assert "sodertalje-vinr-hrv-pom" in [p.plan_key for p in groups["in_force"]]
    assert client.get(index.url).status_code == 200


def test_load_demo_twice_leaves_the_same_plans(load_demo_command):
    load_demo_command()
    first = (
        sorted(PlanPage.objects.values_list("plan_key", "live", "url_path")),
        sorted(Measure.objects.values_list("pk", "identifier", "title")),
        sorted(Organisation.objects.values_list("pk", "key", "name")),
    )
    load_demo_command()
    second = (
        sorted(PlanPage.objects.values_list("plan_key", "live", "url_path")),
        sorted(Measure.objects.values_list("pk", "identifier", "title")),
        sorted(Organisation.objects.values_list("pk", "key", "name")),
    )
    assert second == first
    assert len(first[1]) == sum(len(list(all_measures(d))) for d in demo_plan_data().values())
