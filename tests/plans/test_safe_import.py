"""An import does what it says: without ``--publish`` nothing live changes, ``--dry-run``
writes nothing and lists what would change, a file that removes more than it keeps is
refused without ``--allow-removals``, and a removed focus area can be brought back."""

import io

import pytest
import yaml
from django.core.management import call_command

from plans.models import FocusAreaPage, FocusAreaRemoval, Measure, PlanPage
from plans.planfile import export_plan
from tests.helpers.plan_import import run_import
from tests.helpers.plans import make_plan_data

pytestmark = pytest.mark.django_db


def write(tmp_path, data):
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def import_file(tmp_path, data, *args):
    out = io.StringIO()
    call_command("import_plan", str(write(tmp_path, data)), *args, stdout=out)
    return out.getvalue()


def state():
    """Everything an import could change, to compare before and after."""
    return (
        [
            (p.pk, p.live, p.revisions.count(), p.has_unpublished_changes)
            for p in PlanPage.objects.order_by("pk")
        ],
        [
            (p.pk, p.live, p.revisions.count(), p.has_unpublished_changes)
            for p in FocusAreaPage.objects.order_by("pk")
        ],
        sorted(Measure.objects.values_list("pk", "title")),
        FocusAreaRemoval.objects.count(),
    )


@pytest.fixture
def published(tmp_path, plan_index):
    """A published plan of 12 measures in two focus areas; returns (plan, second focus area)."""
    import_file(tmp_path, make_plan_data(12, key="safe"), "--publish")
    return PlanPage.objects.get(plan_key="safe"), FocusAreaPage.objects.get(number="2")


def without_second_area():
    data = make_plan_data(12, key="safe")
    del data["plan"]["focus_areas"][1]
    return data


def test_a_draft_import_leaves_a_removed_focus_area_live(client, tmp_path, published):
    plan, area = published
    revisions = area.revisions.count()
    output = import_file(tmp_path, without_second_area())

    assert "removed: focus area 2 'Område 2'" in output
    assert "saved as draft" in output
    assert client.get(area.url).status_code == 200
    assert FocusAreaPage.objects.get(pk=area.pk).revisions.count() == revisions
    # The draft already is the file: the export no longer has the focus area.
    assert "Område 2" not in export_plan(plan)


def test_publishing_removes_the_focus_area_from_the_site_but_keeps_it(client, tmp_path, published):
    plan, area = published
    url = area.url
    revisions = area.revisions.count()
    import_file(tmp_path, without_second_area())
    import_file(tmp_path, without_second_area(), "--publish")

    assert client.get(url).status_code == 404
    area = FocusAreaPage.objects.get(pk=area.pk)
    assert area.revisions.count() == revisions
    assert area.measures.count() == 6

    # Brought back: an editor publishes the focus area again.
    area.get_latest_revision().publish()
    assert client.get(url).status_code == 200
    assert export_plan(plan) == export_plan(PlanPage.objects.get(pk=plan.pk))
    assert "Område 2" in export_plan(plan)


def test_publishing_the_plan_in_the_admin_applies_a_pending_removal(client, tmp_path, published):
    plan, area = published
    import_file(tmp_path, without_second_area())
    assert client.get(area.url).status_code == 200

    PlanPage.objects.get(pk=plan.pk).save_revision().publish()
    assert client.get(area.url).status_code == 404
    assert FocusAreaPage.objects.filter(pk=area.pk).exists()


def test_a_file_with_no_focus_areas_is_refused_without_allow_removals(
    client, tmp_path, published, capsys
):
    _plan, area = published
    data = make_plan_data(12, key="safe")
    data["plan"]["focus_areas"] = []
    before = state()

    code, err = run_import(write(tmp_path, data), "--publish", capsys=capsys)
    assert code == 1
    assert "removes all 2 focus areas and all 12 measures" in err
    assert "--allow-removals" in err
    assert state() == before
    assert client.get(area.url).status_code == 200


def test_a_file_that_removes_more_measures_than_it_keeps_is_refused(tmp_path, published, capsys):
    data = make_plan_data(12, key="safe")
    for area in data["plan"]["focus_areas"]:
        area["measures"] = area["measures"][:1]
    before = state()
    code, err = run_import(write(tmp_path, data), "--publish", capsys=capsys)
    assert code == 1
    assert "removes 7 of 12 measures" in err
    assert state() == before

    import_file(tmp_path, data, "--publish", "--allow-removals")
    assert Measure.objects.count() == 5  # the goals keep theirs


def test_a_dry_run_lists_the_changes_and_writes_nothing(tmp_path, published):
    data = without_second_area()
    first = data["plan"]["focus_areas"][0]
    first["measures"][0]["title"] = "En ny formulering"
    first["measures"].append(
        {
            "identifier": "1:99",
            "title": "En ny åtgärd",
            "responsible": [{"text": "Alla", "role": "lead"}],
        }
    )
    before = state()

    output = import_file(tmp_path, data, "--dry-run", "--publish")
    assert state() == before
    assert "added: measure 1:99 'En ny åtgärd'" in output
    assert f"changed: measure {first['measures'][0]['identifier']} 'En ny formulering'" in output
    assert "removed: focus area 2 'Område 2'" in output
    assert "removed: measure 2:1 'Åtgärd nummer 1'" in output
    assert "nothing was written" in output


def test_a_dry_run_of_a_new_plan_writes_nothing(tmp_path, plan_index):
    output = import_file(tmp_path, make_plan_data(4, key="new"), "--dry-run")
    assert "added: plan 'new'" in output
    assert not PlanPage.objects.exists()


def test_a_focus_area_the_next_file_has_again_is_never_taken_offline(tmp_path, published):
    from wagtail.models import PageLogEntry

    _plan, area = published
    import_file(tmp_path, without_second_area())
    import_file(tmp_path, make_plan_data(12, key="safe"), "--publish")

    assert FocusAreaPage.objects.get(pk=area.pk).live
    assert not FocusAreaRemoval.objects.exists()
    assert not PageLogEntry.objects.filter(page=area, action="wagtail.unpublish").exists()
