"""One source of truth for a measure's status: the latest dated follow-up entry.

Issue 9, finding 4: after a follow-up "Pågående" dated 2026-11-27 was added in the admin,
the follow-up report said Pågående while the focus-area page, the plan page and the
admin list still said "Ej påbörjad". Every view and export now reads the same status.
"""

import json

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from plans.models import FocusAreaPage, Measure, StatusUpdate
from plans.planfile import PlanFileError, export_plan, import_plan, parse, validate
from tests.helpers.html import one, select, text, words
from tests.helpers.plans import make_plan_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    client.force_login(get_user_model().objects.create_superuser("redaktor", "r@example.com", "pw"))
    return client


def focus_area_form(measure_status, updates, ids=None):
    ids = ids or {}
    return nested_form_data(
        {
            "title": "Stöd på flera språk",
            "slug": "stod-pa-flera-sprak",
            "label": "Fokusområde",
            "number": "7",
            "introduction": "",
            "conditions": "",
            "goals": inline_formset([]),
            "measures": inline_formset(
                initial=1 if ids else 0,
                items=[
                    {
                        **({"id": ids["measure"]} if ids else {}),
                        "identifier": "7:1",
                        "title": "Översätta informationen om skyddat boende",
                        "status": measure_status,
                        "goal_key": "",
                        "activities": "",
                        "time_frame": "2026",
                        "due_date": "",
                        "follow_up": "",
                        "note": "",
                        "responsible_as_written": "",
                        "responsibilities": inline_formset(
                            [
                                {
                                    **({"id": ids["responsibility"]} if ids else {}),
                                    "organisation": "",
                                    "text": "Samordnaren",
                                    "role": "lead",
                                }
                            ],
                            initial=1 if ids else 0,
                        ),
                        "status_updates": inline_formset(updates),
                    }
                ],
            ),
            "action-publish": "publish",
        }
    )


def add_focus_area_in_admin(client, plan, measure_status, updates):
    return client.post(
        f"/admin/pages/add/plans/focusareapage/{plan.pk}/", focus_area_form(measure_status, updates)
    )


def test_a_follow_up_entry_sets_the_status_shown_everywhere(editor, import_generated):
    plan = import_generated(2, key="status-plan")
    response = add_focus_area_in_admin(editor, plan, "not_started", [])
    assert response.status_code == 302, response.content.decode()[:2000]
    area = FocusAreaPage.objects.get(slug="stod-pa-flera-sprak")
    measure = Measure.objects.get(identifier="7:1")
    assert measure.status == "not_started"

    # The coordinator adds the year's follow-up and publishes; the status field is left as it was.
    ids = {"measure": measure.pk, "responsibility": measure.responsibilities.get().pk}
    update = {
        "date": "2026-11-27",
        "status": "ongoing",
        "reported_by": "Samordnaren",
        "note": "Översättning beställd.",
    }
    response = editor.post(
        f"/admin/pages/{area.pk}/edit/", focus_area_form("not_started", [update], ids)
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    card = one(editor.get(area.url), f"article#atgard-{measure.pk}")
    assert "Pågående" in words(card) and "Ej påbörjad" not in str(card)
    facts = one(editor.get(f"{plan.url}atgarder/{measure.pk}/"), "dl.measure-facts")
    assert "Pågående" in words(facts) and "Ej påbörjad" not in str(facts)

    # The plan page's chart counts it as ongoing (one generated measure is too).
    chart = one(editor.get(plan.url), "figure:has(#plan-status-chart)")
    counts = {
        text(row, ".status-chart__label"): text(row, ".status-chart__count")
        for row in select(chart, "li.status-chart__row")
    }
    assert counts["Pågående"] == "2"

    assert "7:1" in editor.get(f"{plan.url}atgarder/?status=ongoing").content.decode()
    assert "7:1" not in editor.get(f"{plan.url}atgarder/?status=not_started").content.decode()
    exported = json.loads(editor.get(f"{plan.url}atgarder/json/?q=7:1").content)
    assert [m["status"] for m in exported["measures"]] == ["ongoing"]
    csv_text = editor.get(f"{plan.url}atgarder/csv/?q=7:1").content.decode()
    assert "Pågående" in csv_text.splitlines()[1] and "Ej påbörjad" not in csv_text

    admin_rows = one(editor.get("/admin/plans/atgarder/?q=Översätta"), "tbody")
    assert "Pågående" in words(admin_rows) and "Ej påbörjad" not in str(admin_rows)
    report = editor.get(f"{plan.url}uppfoljning/?year=2026")
    rows = [row for row in select(report, "tr") if "7:1" in words(row)]
    assert rows, "no report row for 7:1"
    assert "Pågående" in words(rows[0])


def test_the_latest_dated_entry_wins_whatever_order_they_were_typed_in(editor, import_generated):
    plan = import_generated(2, key="status-order")
    response = add_focus_area_in_admin(
        editor,
        plan,
        "",
        [
            {"date": "2026-11-27", "status": "done", "reported_by": "", "note": "Klart."},
            {"date": "2025-03-01", "status": "ongoing", "reported_by": "", "note": "Påbörjad."},
        ],
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Measure.objects.get(identifier="7:1").status == "done"


def test_the_status_field_cannot_contradict_the_latest_follow_up_in_the_admin(
    editor, import_generated
):
    plan = import_generated(2, key="status-contradiction")
    response = add_focus_area_in_admin(
        editor,
        plan,
        "done",
        [{"date": "2026-11-27", "status": "ongoing", "reported_by": "", "note": ""}],
    )
    assert response.status_code == 200
    assert "senaste uppföljningen" in response.content.decode()
    assert not Measure.objects.filter(identifier="7:1").exists()


def test_a_follow_up_saved_on_its_own_updates_the_measure(import_generated):
    import_generated(3, key="direct")
    measure = Measure.objects.get(identifier="2:1")  # followed up as ongoing in 2025
    StatusUpdate.objects.create(measure=measure, date="2030-01-15", status="done", note="Klart.")
    measure.refresh_from_db()
    assert measure.status == "done"
    StatusUpdate.objects.filter(measure=measure, date="2030-01-15").delete()
    measure.refresh_from_db()
    assert measure.status == "ongoing"


def test_a_plan_file_whose_status_contradicts_its_latest_follow_up_is_refused(plan_index):
    data = make_plan_data(2, key="contradiction")
    measure = data["plan"]["focus_areas"][1]["measures"][0]
    measure["status"] = "not_started"
    measure["status_updates"] = [{"date": "2026-11-27", "status": "ongoing"}]
    problems = validate(data)
    assert problems == [
        "plan.focus_areas[1].measures[0].status: 'not_started' contradicts the latest follow-up "
        "(2026-11-27: ongoing); the latest follow-up sets the status, so leave 'status' out"
    ]
    with pytest.raises(PlanFileError):
        import_plan(data)


def test_the_exported_file_takes_its_status_from_the_follow_ups_and_round_trips(plan_index):
    data = make_plan_data(3, key="derived")
    for area in data["plan"]["focus_areas"]:
        for measure in area["measures"] + area["goals"][0]["measures"]:
            measure.pop("status")
    plan, _ = import_plan(data, publish=True)
    assert set(Measure.objects.values_list("status", flat=True)) == {"ongoing", "not_started"}
    text = export_plan(plan)
    # Only the follow-up entries carry a status: one beside them would be a second place.
    assert [line.strip() for line in text.splitlines() if "status:" in line] == [
        "status: not_started",
        "status: ongoing",
        "status: ongoing",
    ]
    plan.delete()
    again, _ = import_plan(parse(text), publish=True)
    assert export_plan(again) == text


def test_an_untitled_measure_outside_a_goal_is_refused_in_the_admin(editor, import_generated):
    plan = import_generated(2, key="untitled")
    data = focus_area_form("", [])
    data["measures-0-title"] = ""
    response = editor.post(f"/admin/pages/add/plans/focusareapage/{plan.pk}/", data)
    assert response.status_code == 200
    assert "välj målet som raden hör till" in response.content.decode()
