"""A measure removed by a plan file comes back, whole, when an editor reverts its focus
area to an earlier revision in the admin: with its responsible bodies and follow-ups."""

import io

import pytest
import yaml
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from plans.models import FocusAreaPage, Measure, Responsibility, StatusUpdate
from tests.helpers.plans import make_plan_data

pytestmark = pytest.mark.django_db


def export(key):
    out = io.StringIO()
    call_command("export_plan", key, stdout=out)
    return out.getvalue()


def import_file(tmp_path, data, *args):
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    call_command("import_plan", str(path), *args, stdout=io.StringIO())


def revert_in_admin(client, page, revision):
    """Open the revision's revert view, post its form back unchanged, and publish."""
    url = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, revision.pk])
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data["action-publish"] = "action-publish"
    return client.post(url, dict(data.lists()))  # every ticked box, not only the last


def test_a_removed_measure_is_restored_with_its_responsibilities_and_follow_ups(
    client, tmp_path, plan_index
):
    data = make_plan_data(12, key="revert")
    import_file(tmp_path, data, "--publish")
    before = export("revert")
    area = FocusAreaPage.objects.get(number="2")
    revision_with_measure = area.get_latest_revision()
    removed = data["plan"]["focus_areas"][1]["measures"].pop(0)
    assert removed["responsible"] and removed["status_updates"]

    import_file(tmp_path, data, "--publish", "--allow-removals")
    assert not Measure.objects.filter(identifier=removed["identifier"]).exists()
    assert export("revert") != before

    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.com", "pw"))
    response = revert_in_admin(client, area, revision_with_measure)
    assert response.status_code == 302, response.content.decode()[:3000]

    measure = Measure.objects.get(identifier=removed["identifier"])
    assert measure.focus_area.live
    assert Responsibility.objects.filter(measure=measure).count() == 2
    assert StatusUpdate.objects.filter(measure=measure).count() == 1
    assert export("revert") == before


def test_publishing_an_old_revision_from_code_keeps_the_measure_s_children(tmp_path, plan_index):
    data = make_plan_data(12, key="revert")
    import_file(tmp_path, data, "--publish")
    area = FocusAreaPage.objects.get(number="2")
    revision_with_measure = area.get_latest_revision()
    removed = data["plan"]["focus_areas"][1]["measures"].pop(0)
    import_file(tmp_path, data, "--publish", "--allow-removals")

    revision_with_measure.publish()
    measure = Measure.objects.get(identifier=removed["identifier"])
    assert [
        r.text or r.organisation.key for r in measure.responsibilities.order_by("sort_order")
    ] == [
        removed["responsible"][0]["organisation"],
        "Alla chefer",
    ]
    assert [u.note for u in measure.status_updates.all()] == ["Påbörjad"]
