"""A measure belongs to its goal, not to a place in the list of goals: an editor who
reorders the goals with the admin's drag handle and publishes keeps every measure under
the goal it was written under (the export shows it), and so do revisions and translations."""

import copy

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import querydict_from_html

from plans.models import FocusAreaPage, Measure
from plans.planfile import export_data, import_plan
from tests.helpers.plans import translate_plan

pytestmark = pytest.mark.django_db


def _row(activity, responsible, when):
    return {
        "activities": [activity],
        "responsible": [{"text": responsible, "role": "lead"}],
        "time_frame": when,
    }


# "Delmål / Aktiviteter / Ansvarig / Tidplan": one focus area, four goals, ten rows that
# have no measure column of their own (each row is its goal's), unevenly spread.
DELMAL_ROWS = {
    "1.1": [
        _row("Kartlägga kunskapsläget", "Samordnaren", "HT 2025"),
        _row("Utbilda elevhälsan", "Rektorerna", "VT 2026"),
        _row("Rutin för orosanmälan", "IFO-chef", "2025"),
    ],
    "1.2": [
        _row("Föräldraträffar med tolk", "Familjeenheten", "Varje termin"),
        _row("Broschyr på sex språk", "Kommunikatören", "2026"),
    ],
    "1.3": [
        _row("Gemensam kontaktlista", "Polisen", "Kvartalsvis"),
        _row("Samverkansmöte", "Socialchefen", "Två gånger per år"),
        _row("Gemensam utbildningsdag", "Samordnaren", "2026"),
        _row("Uppföljning av ärenden", "IFO-chef", "2027"),
    ],
    "1.4": [_row("Årlig rapport till nämnden", "Socialchefen", "Varje år")],
}
GOAL_TITLES = {
    "1.1": "Elever som lever med hedersnormer fångas upp",
    "1.2": "Föräldrar känner till stödet",
    "1.3": "Socialtjänst och polis har en gemensam ingång",
    "1.4": "Planen följs upp varje år",
}
DELMAL_PLAN = {
    "format": 1,
    "plan": {
        "key": "delmal-ordning",
        "title": "Plan mot hedersrelaterat våld i Björkby",
        "scope": ["HRV"],
        "labels": {"goal": "Delmål", "responsible": "Ansvarig", "time_frame": "Tidplan"},
        "focus_areas": [
            {
                "number": "1",
                "label": "Fokusområde",
                "title": "Skolan som skyddsfaktor",
                "goals": [
                    {"identifier": key, "title": GOAL_TITLES[key], "measures": rows}
                    for key, rows in DELMAL_ROWS.items()
                ],
            }
        ],
    },
}


def rows_under_goals(plan):
    """{goal identifier: [activity of each row under it]} as the export writes the plan."""
    area = export_data(plan)["plan"]["focus_areas"][0]
    return {
        goal["identifier"]: [m["activities"][0] for m in goal["measures"]] for goal in area["goals"]
    }


def admin(client):
    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.com", "pw"))
    return client


def edit_form(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="page-edit-form")


def post_edit_form(client, page, data, action="action-publish"):
    data[action] = action
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), dict(data.lists()))


def reverse_goals(data):
    """What the drag handle does: the goals' ORDER fields say the new order."""
    count = int(data["goals-TOTAL_FORMS"])
    for i in range(count):
        data[f"goals-{i}-ORDER"] = str(count - i)
    return data


@pytest.fixture
def delmal_plan(plan_index):
    plan, _ = import_plan(copy.deepcopy(DELMAL_PLAN), publish=True)
    return plan


def test_reversing_the_goals_in_the_admin_keeps_every_row_under_its_goal(client, delmal_plan):
    before = rows_under_goals(delmal_plan)
    assert sum(len(rows) for rows in before.values()) == 10
    area = FocusAreaPage.objects.child_of(delmal_plan).get()

    response = post_edit_form(admin(client), area, reverse_goals(edit_form(client, area)))
    assert response.status_code == 302, response.content.decode()[:3000]

    after = rows_under_goals(delmal_plan)
    assert list(after) == ["1.4", "1.3", "1.2", "1.1"]  # the goals did move
    assert after == before
    public = client.get(FocusAreaPage.objects.get(pk=area.pk).url).content.decode()
    assert public.index("Årlig rapport till nämnden") < public.index("Kartlägga kunskapsläget")


def test_the_measure_page_names_its_own_goal_after_the_goals_are_reordered(client, delmal_plan):
    area = FocusAreaPage.objects.child_of(delmal_plan).get()
    post_edit_form(admin(client), area, reverse_goals(edit_form(client, area)))
    measure = Measure.objects.get(activities="Broschyr på sex språk")
    assert measure.goal.identifier == "1.2"
    assert measure.goal.title == GOAL_TITLES["1.2"]


def test_reverting_to_the_revision_before_the_reorder_keeps_the_rows_with_their_goals(
    client, delmal_plan
):
    before = rows_under_goals(delmal_plan)
    area = FocusAreaPage.objects.child_of(delmal_plan).get()
    old_revision = area.get_latest_revision()
    post_edit_form(admin(client), area, reverse_goals(edit_form(client, area)))

    url = reverse("wagtailadmin_pages:revisions_revert", args=[area.pk, old_revision.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data["action-publish"] = "action-publish"
    assert client.post(url, dict(data.lists())).status_code == 302

    after = rows_under_goals(delmal_plan)
    assert list(after) == ["1.1", "1.2", "1.3", "1.4"]
    assert after == before


def test_deleting_a_goal_that_still_has_rows_is_refused_with_a_message(client, delmal_plan):
    area = FocusAreaPage.objects.child_of(delmal_plan).get()
    data = edit_form(admin(client), area)
    data["goals-1-DELETE"] = "1"  # 1.2, which two rows belong to
    response = post_edit_form(client, area, data)

    assert response.status_code == 200
    assert (
        "Föräldrar känner till stödet"
        in response.context["form"].formsets["measures"].forms[3].errors["goal_key"][0]
    )
    assert rows_under_goals(delmal_plan)["1.2"] == [
        "Föräldraträffar med tolk",
        "Broschyr på sex språk",
    ]


def test_an_editor_moves_a_row_to_another_goal_by_choosing_it(client, delmal_plan):
    area = FocusAreaPage.objects.child_of(delmal_plan).get()
    data = edit_form(admin(client), area)
    goal_4 = area.goals.get(identifier="1.4")
    data["measures-0-goal_key"] = str(goal_4.translation_key)
    assert post_edit_form(client, area, data).status_code == 302
    assert rows_under_goals(delmal_plan)["1.4"] == [
        "Kartlägga kunskapsläget",
        "Årlig rapport till nämnden",
    ]


def test_a_translated_focus_area_keeps_its_rows_under_the_translated_goals(client, delmal_plan):
    translated = translate_plan(delmal_plan, "en", "Plan against honour-related violence")
    area = FocusAreaPage.objects.child_of(translated).get()
    assert area.locale == Locale.objects.get(language_code="en")
    for measure in area.measures.all():
        source = Measure.objects.get(
            translation_key=measure.translation_key, locale__language_code="sv"
        )
        assert measure.goal.pk != source.goal.pk
        assert measure.goal.focus_area_id == area.pk
        assert measure.goal.translation_key == source.goal.translation_key
    assert rows_under_goals(translated) == rows_under_goals(delmal_plan)


def test_a_copied_focus_area_keeps_its_rows_under_the_copies_of_their_goals(delmal_plan):
    area = FocusAreaPage.objects.child_of(delmal_plan).get()
    copy_of_area = area.copy(update_attrs={"slug": "kopia", "title": "Kopia"}).specific
    assert {g.translation_key for g in copy_of_area.goals.all()}.isdisjoint(
        {g.translation_key for g in area.goals.all()}
    )
    rows = {
        goal.identifier: [m.activities for m in copy_of_area.measures.all() if m.goal == goal]
        for goal in copy_of_area.goals.all()
    }
    assert rows == {key: [r["activities"][0] for r in value] for key, value in DELMAL_ROWS.items()}
