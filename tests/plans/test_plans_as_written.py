"""Plans as written (issue 11): two shapes other municipalities use import with their
measure titles and statuses left out and their own words in ``plan.labels``, and the site
shows each goal once, in the plan's words, without inventing a status.

Both plans are made up for these tests (plausible Swedish, not taken from any real plan).
"""

import csv
import html as markup
import io
import json
import subprocess

import pytest

from plans.models import FocusAreaPage, Measure, PlanPage
from plans.planfile import export_plan, import_plan, parse, schema
from plans.vocabulary import PLAN_LABELS
from tests.helpers.html import one, select, text, texts, words

pytestmark = pytest.mark.django_db

# "Område / Mål / Aktiviteter / Tid / Ansvar / Uppföljning"
OMRADEN = {
    "format": 1,
    "plan": {
        "key": "aspvik-vald",
        "title": "Handlingsplan mot våld i nära relationer, Aspviks kommun",
        "municipality": "Aspviks kommun",
        "scope": ["VINR", "HRV"],
        "deciding_body": "Kommunfullmäktige",
        "decision_date": "2025-03-17",
        "until_further_notice": True,
        "document_owner": "Socialchef",
        "registration_number": "KS 2025/041",
        "labels": {
            "focus_areas": "Områden",
            "goal": "Mål",
            "activities": "Aktiviteter",
            "time_frame": "Tid",
            "responsible": "Ansvar",
            "follow_up": "Uppföljning",
        },
        "organisations": [
            {"key": "son", "name": "Socialnämnden", "kind": "committee"},
            {"key": "aspbo", "name": "Aspviksbostäder AB", "kind": "company"},
        ],
        "focus_areas": [
            {
                "label": "Område",
                "title": "Upptäcka våld tidigt",
                "goals": [
                    {
                        "title": "Personal inom hemtjänsten känner igen tecken på våld mot äldre",
                        "measures": [
                            {
                                "activities": [
                                    "Halvdagsutbildning för alla gruppledare",
                                    "Checklista i verksamhetssystemet",
                                ],
                                "responsible": [
                                    {"organisation": "son", "role": "lead"},
                                    {"text": "Kvalitetsteamet", "role": "support"},
                                ],
                                "responsible_as_written": "Socialnämnden med stöd av kvalitetsteamet",
                                "time_frame": "Våren 2026",
                                "follow_up": "Andel utbildade gruppledare i årsredovisningen",
                            }
                        ],
                    },
                    {
                        "title": "Hyresgäster vet vart de kan vända sig",
                        "measures": [
                            {
                                "activities": ["Affischer i trapphus på fem språk"],
                                "responsible": [
                                    {"organisation": "aspbo", "role": "lead"},
                                    {"organisation": "son", "role": "co"},
                                ],
                                "responsible_as_written": "Aspviksbostäder i samarbete med socialnämnden",
                                "time_frame": "Löpande",
                                "follow_up": "Rapport till trygghetsrådet",
                            }
                        ],
                    },
                ],
            },
            {
                "label": "Område",
                "title": "Stöd som håller över tid",
                "goals": [
                    {
                        "title": "Den som lämnar en våldsam relation får ett eget boende",
                        "measures": [
                            {
                                "activities": ["Överenskommelse om förtur till lägenhet"],
                                "responsible": [{"organisation": "aspbo", "role": "lead"}],
                                "time_frame": "2026–2027",
                                "follow_up": "Antal förturer per år",
                            }
                        ],
                    }
                ],
            },
        ],
    },
}

# "Delmål / Aktiviteter / Ansvarig / Tidplan" under numbered focus areas
DELMAL = {
    "format": 1,
    "plan": {
        "key": "bjorkby-hrv",
        "title": "Plan mot hedersrelaterat våld och förtryck i Björkby",
        "municipality": "Björkby kommun",
        "scope": ["HRV"],
        "deciding_body": "Socialnämnden",
        "decision_date": "2024-10-02",
        "valid_from": "2025-01-01",
        "valid_until": "2028-12-31",
        "labels": {"goal": "Delmål", "responsible": "Ansvarig", "time_frame": "Tidplan"},
        "organisations": [
            {"key": "bun", "name": "Barn- och utbildningsnämnden", "kind": "committee"}
        ],
        "focus_areas": [
            {
                "number": "1",
                "label": "Fokusområde",
                "title": "Skolan som skyddsfaktor",
                "goals": [
                    {
                        "identifier": "1.1",
                        "title": "Elever som lever med hedersnormer fångas upp av elevhälsan",
                        "measures": [
                            {
                                "activities": [
                                    "Samtalsstöd för kuratorer",
                                    "Rutin för orosanmälan vid resor",
                                ],
                                "responsible": [{"organisation": "bun", "role": "lead"}],
                                "time_frame": "HT 2025",
                            },
                            {
                                "activities": ["Föräldraträffar med tolk"],
                                "responsible": [{"text": "Rektorerna", "role": "lead"}],
                                "time_frame": "Varje termin",
                            },
                        ],
                    }
                ],
            },
            {
                "number": "2",
                "label": "Fokusområde",
                "title": "Samverkan kring skydd",
                "goals": [
                    {
                        "identifier": "2.1",
                        "title": "Socialtjänst och polis har en gemensam ingång vid akuta ärenden",
                        "measures": [
                            {
                                "activities": ["Gemensam kontaktlista som uppdateras kvartalsvis"],
                                "responsible": [
                                    {"text": "Enhetschef barn och unga", "role": "lead"}
                                ],
                                "time_frame": "2026",
                            }
                        ],
                    }
                ],
            },
        ],
    },
}

GOALS = {
    "aspvik-vald": [
        "Personal inom hemtjänsten känner igen tecken på våld mot äldre",
        "Hyresgäster vet vart de kan vända sig",
        "Den som lämnar en våldsam relation får ett eget boende",
    ],
    "bjorkby-hrv": [
        "Elever som lever med hedersnormer fångas upp av elevhälsan",
        "Socialtjänst och polis har en gemensam ingång vid akuta ärenden",
    ],
}


@pytest.fixture
def plans(plan_index):
    return {data["plan"]["key"]: import_plan(data, publish=True)[0] for data in (OMRADEN, DELMAL)}


def main_content(response):
    return one(response, "main")


@pytest.mark.parametrize("key", ["aspvik-vald", "bjorkby-hrv"])
def test_both_shapes_import_without_titles_or_statuses(plans, key):
    plan = plans[key]
    measures = Measure.objects.filter(focus_area__in=FocusAreaPage.objects.child_of(plan))
    assert measures.count() == 3
    assert set(measures.values_list("title", flat=True)) == {""}
    assert set(measures.values_list("status", flat=True)) == {""}
    assert plan.own_labels() == {
        k: v
        for k, v in ({"aspvik-vald": OMRADEN, "bjorkby-hrv": DELMAL}[key]["plan"]["labels"]).items()
    }


@pytest.mark.parametrize("key", ["aspvik-vald", "bjorkby-hrv"])
def test_focus_area_pages_show_each_goal_once_and_no_invented_status(client, plans, key):
    plan = plans[key]
    for area in FocusAreaPage.objects.child_of(plan):
        html = main_content(client.get(area.url))
        for goal in area.goals.all():
            assert str(html).count(markup.escape(goal.title, quote=False)) == 1, goal.title
        assert "Ej påbörjad" not in str(html)
        # these plans have no measure column
        assert not [label for label in texts(html, ".measure__id") if label.startswith("Åtgärd")]
        assert "Ingen uppgift" in words(html)  # said as such, not as "not started"


def test_the_plans_own_words_head_the_pages(client, plans):
    aspvik = main_content(client.get(plans["aspvik-vald"].url))
    assert text(aspvik, "h2#fokusomraden-heading") == "Områden"
    assert "Fokusområden" not in str(aspvik)
    area = FocusAreaPage.objects.child_of(plans["aspvik-vald"]).first()
    measure = area.measures.first()
    page = main_content(client.get(f"{plans['aspvik-vald'].url}atgarder/{measure.pk}/"))
    assert {"Ansvar", "Tid"} <= set(texts(page, "dt")) and "Uppföljning" in texts(page, "h2")
    assert "Tidsram" not in str(page)

    bjorkby = plans["bjorkby-hrv"]
    area = FocusAreaPage.objects.child_of(bjorkby).first()
    html = main_content(client.get(area.url))
    assert "Fokusområde 1" in words(html)
    assert {"Ansvarig", "Tidplan"} <= set(texts(html, "dt"))
    assert "Tidsram" not in str(html)
    assert text(html, "h2#measures-heading") == "Delmål (1)"
    assert text(html, "h2#measures-heading > span.count") == "(1)"
    measure = area.measures.first()
    page = main_content(client.get(f"{bjorkby.url}atgarder/{measure.pk}/"))
    # The goal is the heading of its row, once, with the plan's word for it.
    assert str(page).count("Elever som lever med hedersnormer fångas upp av elevhälsan") == 1
    assert "Delmål 1.1" in words(page)

    listing = main_content(client.get(f"{bjorkby.url}atgarder/"))
    assert text(listing, 'label[for="id_organisation"]') == "Ansvarig"
    report = main_content(client.get(f"{bjorkby.url}uppfoljning/?year=2026"))
    assert {"Tidplan", "Ansvarig"} <= set(texts(report, 'th[scope="col"]'))


def test_the_responsibility_cell_keeps_its_connecting_words(client, plans):
    plan = plans["aspvik-vald"]
    measure = Measure.objects.get(responsible_as_written__startswith="Socialnämnden med stöd")
    page = main_content(client.get(f"{plan.url}atgarder/{measure.pk}/"))
    assert "Socialnämnden med stöd av kvalitetsteamet" in words(page)
    # The structured entries still drive the organisation page and the filters.
    org_page = client.get(f"{plan.get_parent().url}organisationer/aspbo/").content.decode()
    assert "Hyresgäster vet vart de kan vända sig" in org_page
    listed = client.get(f"{plan.url}atgarder/?role=support")
    assert len(select(listed, "article.measure")) == 1
    assert measure.supporting[0].text == "Kvalitetsteamet"


def test_charts_count_no_status_apart_and_never_as_not_started(client, plans):
    chart = one(client.get(plans["bjorkby-hrv"].url), "figure:has(#plan-status-chart)")
    rows = {
        text(row, ".status-chart__label"): int(text(row, ".status-chart__count"))
        for row in select(chart, "li.status-chart__row")
    }
    assert rows["Ingen uppgift"] == 3
    assert "Ej påbörjad" not in rows
    data = json.loads(client.get(f"{plans['bjorkby-hrv'].url}atgarder/json/").content)
    assert {m["status"] for m in data["measures"]} == {None}
    assert {m["title"] for m in data["measures"]} == {None}
    assert (
        client.get(f"{plans['bjorkby-hrv'].url}atgarder/?status=none")
        .content.decode()
        .count('<article class="measure"')
        == 3
    )


def test_csv_headers_are_the_plans_words_in_swedish(client, plans):
    text = client.get(f"{plans['bjorkby-hrv'].url}atgarder/csv/").content.decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    assert header[:7] == [
        "Beteckning",
        "Åtgärd",
        "Fokusområde",
        "Delmål",
        "Aktiviteter",
        "Ansvarig",
        "Medansvarig",
    ]
    assert "Tidplan" in header and "Klart senast" in header
    assert not {"Identifier", "Due date", "Measure", "Time frame"} & set(header)


@pytest.mark.parametrize("data", [OMRADEN, DELMAL], ids=["omraden", "delmal"])
def test_both_shapes_survive_the_round_trip(plan_index, data):
    plan, _ = import_plan(data, publish=True)
    text = export_plan(plan)
    exported = parse(text)["plan"]
    rows = [
        m for area in exported["focus_areas"] for goal in area["goals"] for m in goal["measures"]
    ]
    assert len(rows) == 3 and not any("title" in m or "status" in m for m in rows)
    assert "labels:" in text
    for page in PlanPage.objects.all():
        page.delete()
    again, _ = import_plan(parse(text), publish=True)
    assert export_plan(again) == text


def test_the_schema_lists_the_same_label_keys_as_the_models():
    assert list(schema()["$defs"]["plan"]["properties"]["labels"]["properties"]) == PLAN_LABELS.keys


def test_a_measure_directly_under_a_focus_area_still_needs_a_title(plan_index):
    from plans.planfile import validate

    data = parse(export_plan(import_plan(DELMAL, publish=True)[0]))
    data["plan"]["focus_areas"][0]["measures"] = [{"activities": ["Utan mål och utan titel"]}]
    assert validate(data) == ["plan.focus_areas[0].measures[0]: 'title' is required"]


def test_the_plan_pdf_uses_the_plans_words_and_no_invented_status(client, plans, tmp_path):
    response = client.get(f"{plans['bjorkby-hrv'].url}pdf/")
    path = tmp_path / "plan.pdf"
    path.write_bytes(
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    text = " ".join(
        subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
    )
    assert text.count("Elever som lever med hedersnormer fångas upp av elevhälsan") == 1
    assert "Tidplan" in text and "Tidsram" not in text
    assert "Ej påbörjad" not in text
