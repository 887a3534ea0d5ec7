"""The measure list filters give the right measures, and the same filters drive the CSV
and JSON exports (real seed data)."""

import csv
import io
import json

import pytest

from plans.models import FocusAreaPage, Measure
from tests.helpers.html import select, text
from tests.helpers.plans import all_measures, demo_plan_data

pytestmark = pytest.mark.django_db

KEY = "sodertalje-vinr-hrv-pom"


@pytest.fixture
def plan(demo_plans):
    return demo_plans[KEY]


def expected(predicate):
    data = demo_plan_data()[KEY]
    return [m["identifier"] for _area, m in all_measures(data) if predicate(m)]


def listed(client, plan, query):
    """Identifiers shown by the HTML list, the CSV and the JSON export for one query."""
    html = client.get(f"{plan.url}atgarder/?{query}")
    assert html.status_code == 200
    cards = select(html, "article.measure")
    assert all(card.select(".measure__id") for card in cards), "a card without its identifier"
    shown = [text(card, ".measure__id").split()[-1] for card in cards]
    response = client.get(f"{plan.url}atgarder/csv/?{query}")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    from_csv = [row[0] for row in rows[1:]]
    data = json.loads(client.get(f"{plan.url}atgarder/json/?{query}").content)
    from_json = [m["identifier"] for m in data["measures"]]
    assert shown == from_csv == from_json
    assert data["count"] == len(from_json)
    return shown


def test_filter_by_organisation(client, plan):
    kfn = lambda m: any(r.get("organisation") == "kfn" for r in m.get("responsible") or [])  # noqa: E731
    result = listed(client, plan, "organisation=kfn")
    assert result == expected(kfn)
    assert "1:1" in result and "1:6" in result  # lead in 1:1, co-responsible in 1:6


def test_filter_by_organisation_and_role(client, plan):
    def lead(m):
        return any(
            r.get("organisation") == "kfn" and r["role"] == "lead"
            for r in m.get("responsible") or []
        )

    result = listed(client, plan, "organisation=kfn&role=lead")
    assert result == expected(lead)
    assert "1:6" not in result


def test_filter_by_prevention_level(client, plan):
    result = listed(client, plan, "prevention_level=selective")
    assert result == expected(lambda m: "selective" in (m.get("prevention_levels") or []))
    assert result and "1:1" not in result


def test_filter_by_status(client, plan):
    Measure.objects.filter(identifier__in=["1:3", "4:2"]).update(status="ongoing")
    assert listed(client, plan, "status=ongoing") == ["1:3", "4:2"]
    assert "1:3" not in listed(client, plan, "status=not_started")


def test_filter_by_target_group_focus_area_and_text(client, plan):
    assert listed(client, plan, "target_group=perpetrators") == expected(
        lambda m: "perpetrators" in (m.get("target_groups") or [])
    )
    area = FocusAreaPage.objects.child_of(plan).get(number="2")
    assert listed(client, plan, f"focus_area={area.pk}") == ["2:1", "2:2", "2:3", "2:4", "2:5"]
    assert listed(client, plan, "q=Orange+Week") == ["1:6"]
    assert listed(client, plan, "q=Telge+Bostäder") == expected(
        lambda m: any(r.get("organisation") == "telge-bostader" for r in m.get("responsible") or [])
    )


def test_filters_combine(client, plan):
    result = listed(
        client, plan, "organisation=sn&prevention_level=indicated&target_group=perpetrators"
    )
    assert result == expected(
        lambda m: (
            any(r.get("organisation") == "sn" for r in m.get("responsible") or [])
            and "indicated" in (m.get("prevention_levels") or [])
            and "perpetrators" in (m.get("target_groups") or [])
        )
    )


def test_unknown_filter_values_are_400_not_500(client, plan):
    response = client.get(f"{plan.url}atgarder/?status=finished")
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert client.get(f"{plan.url}atgarder/json/?prevention_level=x").status_code == 400
    assert client.get(f"{plan.url}atgarder/csv/?focus_area=abc").status_code == 400
    assert client.get(f"{plan.url}uppfoljning/?year=soon").status_code == 400


def test_json_export_carries_responsible_with_roles_and_addresses(client, plan):
    data = json.loads(client.get(f"{plan.url}atgarder/json/?q=Orange").content)
    (measure,) = data["measures"]
    assert measure["identifier"] == "1:6"
    assert measure["responsible"][0] == {
        "name": "Kommunstyrelsen",
        "organisation": "ks",
        "role": "lead",
    }
    assert {"name": "Socialnämnden", "organisation": "sn", "role": "co"} in measure["responsible"]
    assert measure["time_frame"] == "Under handlingsplanens giltighetstid, 2024–2027"
    assert measure["url"].startswith("http://testserver/sv/handlingsplaner/")
    assert client.get(measure["url"]).status_code == 200


def test_organisation_page_lists_measures_it_leads_or_shares(client, plan):
    from plans.models import PlanIndexPage

    index = PlanIndexPage.objects.get()
    html = client.get(f"{index.url}organisationer/kfn/").content.decode()
    for identifier in expected(
        lambda m: any(r.get("organisation") == "kfn" for r in m.get("responsible") or [])
    ):
        assert f" {identifier}</span>" in html
    assert "Kultur- och fritidsnämnderna" in html
    assert client.get(f"{index.url}organisationer/no-such-body/").status_code == 404


def test_every_body_named_on_an_organisation_page_leads_to_its_own_page(client, plan):
    """A reader on one committee's page follows a co-responsible body to its page (the
    links were once relative to the page they were on, and led nowhere)."""
    import re

    from plans.models import PlanIndexPage

    index = PlanIndexPage.objects.get()
    html = client.get(f"{index.url}organisationer/kfn/").content.decode()
    links = set(re.findall(r'<span class="responsible"><a href="([^"]+)"', html))
    assert len(links) > 1, links
    for link in links:
        assert link.startswith(f"{index.url}organisationer/"), link
        response = client.get(link)
        assert response.status_code == 200, link
        assert "<h1>" in response.content.decode()


def test_follow_up_report_shows_the_latest_entry_up_to_the_year(client, plan):
    from plans.planfile import import_plan

    data = demo_plan_data()[KEY]
    measure = data["plan"]["focus_areas"][0]["measures"][0]
    measure.pop("status", None)  # the follow-up entries set it
    measure["status_updates"] = [
        {"date": "2024-11-30", "status": "ongoing", "note": "Utbildning för två enheter."},
        {"date": "2025-10-01", "status": "done", "note": "Alla enheter utbildade."},
    ]
    import_plan(data, publish=True)
    html_2024 = client.get(f"{plan.url}uppfoljning/?year=2024").content.decode()
    html_2025 = client.get(f"{plan.url}uppfoljning/?year=2025").content.decode()
    assert "Utbildning för två enheter." in html_2024 and "Alla enheter utbildade." not in html_2024
    assert "Alla enheter utbildade." in html_2025


def test_follow_up_report_shows_an_entry_dated_in_a_later_year_without_a_filter(client, plan):
    """A follow-up dated next year is the latest news: the report shows it by default,
    and the year filter still narrows to what was known at the end of a year."""
    from datetime import date

    from plans.planfile import import_plan

    this_year, next_year = date.today().year, date.today().year + 1
    data = demo_plan_data()[KEY]
    measure = data["plan"]["focus_areas"][0]["measures"][0]
    measure["status_updates"] = [
        {"date": f"{this_year}-01-15", "status": "ongoing", "note": "Planeringen har börjat."},
        {"date": f"{next_year}-02-01", "status": "done", "note": "Klart enligt plan."},
    ]
    import_plan(data, publish=True)
    html = client.get(f"{plan.url}uppfoljning/").content.decode()
    assert "Klart enligt plan." in html
    assert f'<option value="{next_year}">' in html
    filtered = client.get(f"{plan.url}uppfoljning/?year={this_year}").content.decode()
    assert "Planeringen har börjat." in filtered and "Klart enligt plan." not in filtered
