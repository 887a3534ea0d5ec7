"""An editor adds a focus area with a measure, its responsible bodies and a follow-up
entry in the admin (nested inline panels), and the public site shows it."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from plans.models import FocusAreaPage, Measure, Organisation

pytestmark = pytest.mark.django_db


def test_editor_adds_a_focus_area_with_a_measure(client, import_generated):
    plan = import_generated(2, key="admin-plan")
    organisation = Organisation.objects.get(key="org1")
    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.com", "pw"))
    data = nested_form_data(
        {
            "title": "Fler når stöd",
            "slug": "fler-nar-stod",
            "label": "Fokusområde",
            "number": "9",
            "introduction": "",
            "conditions": "",
            "goals": inline_formset([]),
            "measures": inline_formset(
                [
                    {
                        "identifier": "9:1",
                        "title": "Informera på flera språk",
                        "status": "ongoing",
                        "goal_key": "",
                        "activities": "Broschyr på arabiska",
                        "time_frame": "Klart ht 2025",
                        "due_date": "2025-12-31",
                        "follow_up": "",
                        "note": "",
                        "responsibilities": inline_formset(
                            [
                                {"organisation": str(organisation.pk), "text": "", "role": "lead"},
                                {"organisation": "", "text": "Alla chefer", "role": "co"},
                            ]
                        ),
                        "status_updates": inline_formset(
                            [
                                {
                                    "date": "2025-03-01",
                                    "status": "ongoing",
                                    "reported_by": "Samordnaren",
                                    "note": "Översättning beställd.",
                                }
                            ]
                        ),
                    }
                ]
            ),
            "action-publish": "publish",
        }
    )
    # Checkbox lists post one value per ticked box (nested_form_data would number them).
    data["measures-0-prevention_levels"] = ["selective"]
    data["measures-0-target_groups"] = ["victims", "children"]
    response = client.post(f"/admin/pages/add/plans/focusareapage/{plan.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    area = FocusAreaPage.objects.get(slug="fler-nar-stod")
    assert area.live
    measure = Measure.objects.get(identifier="9:1")
    assert measure.prevention_levels == ["selective"]
    assert measure.target_groups == ["children", "victims"]  # kept in vocabulary order
    assert [(r.name, r.role) for r in measure.responsibilities.order_by("sort_order")] == [
        (organisation.name, "lead"),
        ("Alla chefer", "co"),
    ]
    html = client.get(f"{plan.url}atgarder/?status=ongoing&q=flera+språk").content.decode()
    assert "Informera på flera språk" in html and "Alla chefer" in html and "Klart ht 2025" in html


def _focus_area_with_one_responsible(organisation_typed):
    data = nested_form_data(
        {
            "title": "Fler når stöd",
            "slug": "fler-nar-stod",
            "label": "Fokusområde",
            "number": "9",
            "introduction": "",
            "conditions": "",
            "goals": inline_formset([]),
            "measures": inline_formset(
                [
                    {
                        "identifier": "9:1",
                        "title": "Informera på flera språk",
                        "status": "ongoing",
                        "goal_key": "",
                        "activities": "",
                        "time_frame": "",
                        "due_date": "",
                        "follow_up": "",
                        "note": "",
                        "responsibilities": inline_formset(
                            [{"organisation": organisation_typed, "text": "", "role": "lead"}]
                        ),
                        "status_updates": inline_formset([]),
                    }
                ]
            ),
            "action-publish": "publish",
        }
    )
    data["measures-0-prevention_levels"] = []
    data["measures-0-target_groups"] = []
    return data


def test_a_responsible_body_is_added_by_typing_part_of_its_name_and_picking_it(
    client, import_generated
):
    """One field instead of a chooser: the form offers the register as suggestions, and the
    name picked from them (what the browser posts) is saved as the organisation."""
    plan = import_generated(2, key="admin-plan")
    organisation = Organisation.objects.get(key="org1")
    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.com", "pw"))
    form = client.get(f"/admin/pages/add/plans/focusareapage/{plan.pk}/").content.decode()
    assert '<datalist id="organisation-register">' in form
    assert f'<option value="{organisation.name}"></option>' in form
    assert 'list="organisation-register"' in form

    response = client.post(
        f"/admin/pages/add/plans/focusareapage/{plan.pk}/",
        _focus_area_with_one_responsible(organisation.name),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    measure = Measure.objects.get(identifier="9:1")
    assert [r.organisation for r in measure.responsibilities.all()] == [organisation]
    edit = client.get(f"/admin/pages/{measure.focus_area_id}/edit/").content.decode()
    assert f'value="{organisation.name}"' in edit  # shown by name, not by number


def test_a_name_not_in_the_register_is_refused_and_nothing_is_saved(client, import_generated):
    plan = import_generated(2, key="admin-plan")
    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.com", "pw"))
    response = client.post(
        f"/admin/pages/add/plans/focusareapage/{plan.pk}/",
        _focus_area_with_one_responsible("Ingen sådan nämnd"),
    )
    assert response.status_code == 200
    assert "Välj ett giltigt alternativ" in response.content.decode()
    assert not FocusAreaPage.objects.filter(slug="fler-nar-stod").exists()
