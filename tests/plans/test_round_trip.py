"""Export → import into an empty database → export gives the same file; re-importing a
changed file updates the plan in place."""

import io

import pytest
from django.core.management import call_command

from plans.models import FocusAreaPage, Measure, Organisation, PlanPage
from plans.planfile import export_plan, import_plan, parse
from tests.helpers.plans import all_measures, make_plan_data

pytestmark = pytest.mark.django_db


def export(key):
    out = io.StringIO()
    call_command("export_plan", key, stdout=out)
    return out.getvalue()


def test_export_import_export_gives_the_same_file(demo_plans, tmp_path):
    first = {key: export(key) for key in demo_plans}
    # Empty the database of plans and organisations, as on a new installation.
    for plan in PlanPage.objects.all():
        plan.delete()
    Organisation.objects.all().delete()
    assert not Measure.objects.exists()

    for key, text in first.items():
        path = tmp_path / f"{key}.yaml"
        path.write_text(text, encoding="utf-8")
        call_command("import_plan", str(path), "--publish", stdout=io.StringIO())
    for key, text in first.items():
        assert export(key) == text, key


def test_export_keeps_every_measure_of_the_seed_file(demo_plans):
    from tests.helpers.plans import all_measures, demo_plan_data

    for _stem, data in demo_plan_data().items():
        exported = parse(export(data["plan"]["key"]))
        original = [
            (m.get("identifier"), m["title"], m.get("time_frame")) for _a, m in all_measures(data)
        ]
        again = [
            (m.get("identifier"), m["title"], m.get("time_frame"))
            for _a, m in all_measures(exported)
        ]
        assert again == original


def test_reimporting_a_changed_file_updates_the_plan_in_place(import_generated):
    plan = import_generated(12)
    measure_ids = set(Measure.objects.values_list("pk", flat=True))
    area_ids = set(FocusAreaPage.objects.values_list("pk", flat=True))

    data = make_plan_data(12)
    changed = data["plan"]["focus_areas"][1]["measures"][0]
    changed["title"] = "En ny formulering"
    changed["status"] = "done"
    changed["status_updates"].append({"date": "2025-12-01", "status": "done", "note": "Klart."})
    again, created = import_plan(data, publish=True)

    assert not created
    assert again.pk == plan.pk
    assert PlanPage.objects.count() == 1
    assert set(FocusAreaPage.objects.values_list("pk", flat=True)) == area_ids
    assert set(Measure.objects.values_list("pk", flat=True)) == measure_ids
    measure = Measure.objects.get(identifier=changed["identifier"])
    assert measure.title == "En ny formulering"
    assert measure.status == "done"
    assert [u.note for u in measure.status_updates.order_by("sort_order")] == ["Påbörjad", "Klart."]


def test_reimporting_changes_only_the_pages_whose_content_changed(import_generated):
    plan = import_generated(12)
    areas = list(FocusAreaPage.objects.child_of(plan).order_by("path"))

    def revision_counts():
        return [page.revisions.count() for page in [PlanPage.objects.get(pk=plan.pk), *areas]]

    first = revision_counts()
    same = make_plan_data(12)
    for _area, measure in all_measures(same):
        measure["prevention_levels"].reverse()  # the same levels, written in another order
    import_plan(same, publish=True)
    assert revision_counts() == first

    data = make_plan_data(12)
    data["plan"]["focus_areas"][1]["measures"][0]["title"] = "En ny formulering"
    import_plan(data, publish=True)
    # One new revision, of the second focus area; the plan and the first area keep theirs.
    assert revision_counts() == [first[0], first[1], first[2] + 1]
    assert Measure.objects.get(title="En ny formulering").focus_area.live


def test_reimporting_an_unchanged_file_still_publishes_over_a_draft(import_generated):
    plan = import_generated(4)
    draft = PlanPage.objects.get(pk=plan.pk)
    draft.title = "Ett utkast"
    draft.save_revision()

    import_plan(make_plan_data(4), publish=True)
    plan = PlanPage.objects.get(pk=plan.pk)
    assert not plan.has_unpublished_changes
    assert plan.title == make_plan_data(4)["plan"]["title"]


def test_reimport_removes_measures_the_file_no_longer_has(import_generated):
    import_generated(12)
    data = make_plan_data(12)
    removed = data["plan"]["focus_areas"][1]["measures"].pop()
    import_plan(data, publish=True)
    assert not Measure.objects.filter(identifier=removed["identifier"]).exists()
    assert Measure.objects.count() == 11


def test_import_without_publish_leaves_a_draft(plan_index):
    plan, created = import_plan(make_plan_data(4, key="draft"), publish=False)
    assert created
    assert not PlanPage.objects.get(pk=plan.pk).live
    assert export_plan(plan).startswith("format: 1\nplan:\n  key: draft\n")
