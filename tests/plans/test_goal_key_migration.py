"""Migration 0005 turns each measure's goal number (its goal's place in the list) into the
key of the goal that stood at that place, in every language's copy and in every stored
revision, so no measure changes goal by upgrading and reverting to an old revision after
the upgrade still groups its measures as that revision did."""

import importlib
import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from plans.models import FocusAreaPage, Measure

migration = importlib.import_module("plans.migrations.0005_measure_goal_key")

BEFORE = [("plans", "0004_plan_words_optional_status_and_title")]
AFTER = [("plans", "0006_remove_measure_goal_number")]


def test_a_revision_s_goal_numbers_become_the_keys_of_the_goals_at_those_places():
    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    content = {
        # listed out of order: the place is the goal's sort_order, as the page showed it
        "goals": [
            {"sort_order": 1, "translation_key": second},
            {"sort_order": 0, "translation_key": first},
        ],
        "measures": [
            {"title": "a", "goal_number": 2},
            {"title": "b", "goal_number": 1},
            {"title": "c", "goal_number": None},
            {"title": "d", "goal_number": 7},
        ],
    }
    assert migration.convert_revision_content(content)
    assert [(m["title"], m["goal_key"]) for m in content["measures"]] == [
        ("a", second),
        ("b", first),
        ("c", None),
        ("d", None),
    ]
    assert not any("goal_number" in m for m in content["measures"])
    assert not migration.convert_revision_content(content)  # already converted: left alone


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migrating_a_database_keeps_every_measure_and_revision_under_its_goal(migrated_roots):
    # migrated_roots: a transactional test before this one may have flushed the page tree's
    # root, which Wagtail's migrations made and this test builds on.
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        _check_migration(executor)
    finally:  # the next tests need the schema of today, whatever happened
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())


def _check_migration(executor):
    old = executor.loader.project_state(BEFORE).apps
    Locale = old.get_model("wagtailcore", "Locale")
    ContentType = old.get_model("contenttypes", "ContentType")
    Page = old.get_model("wagtailcore", "Page")
    Revision = old.get_model("wagtailcore", "Revision")
    OldArea = old.get_model("plans", "FocusAreaPage")
    OldGoal = old.get_model("plans", "FocusAreaGoal")
    OldMeasure = old.get_model("plans", "Measure")
    content_type, _ = ContentType.objects.get_or_create(app_label="plans", model="focusareapage")
    root = Page.objects.get(depth=1)
    keys = [uuid.uuid4() for _ in range(3)]
    areas = {}
    for n, code in enumerate(["sv", "ar"], start=1):
        locale, _ = Locale.objects.get_or_create(language_code=code)
        area = OldArea.objects.create(
            title=f"Område {code}",
            draft_title=f"Område {code}",
            slug=f"omrade-{code}",
            content_type=content_type,
            path=f"{root.path}{9000 + n:04d}",
            depth=2,
            numchild=0,
            locale=locale,
            translation_key=keys[0],
            url_path=f"/omrade-{code}/",
        )
        # sort_order not in the order of creation: the place is what the page showed
        for order, key in [(2, keys[2]), (0, keys[0]), (1, keys[1])]:
            OldGoal.objects.create(
                focus_area=area,
                sort_order=order,
                title=f"Mål {order + 1} {code}",
                locale=locale,
                translation_key=key,
            )
        for i, number in enumerate([1, 3, None, 2]):
            OldMeasure.objects.create(
                focus_area=area,
                sort_order=i,
                title=f"Åtgärd {i} {code}",
                goal_number=number,
                locale=locale,
                translation_key=uuid.UUID(int=i + 1),
            )
        areas[code] = area.pk
    Revision.objects.create(
        content_type=content_type,
        base_content_type_id=Page.objects.get(pk=root.pk).content_type_id,
        object_id=str(areas["sv"]),
        object_str="Område sv",
        created_at=timezone.now(),
        content={
            "goals": [
                {"sort_order": 0, "translation_key": str(keys[2])},
                {"sort_order": 1, "translation_key": str(keys[0])},
            ],
            "measures": [{"title": "x", "goal_number": 1}],
        },
    )

    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    for code, pk in areas.items():
        area = FocusAreaPage.objects.get(pk=pk)
        goals = {
            m.title.split()[1]: m.goal.title.split()[1] if m.goal else None
            for m in Measure.objects.filter(focus_area=area).select_related("focus_area")
        }
        assert goals == {"0": "1", "1": "3", "2": None, "3": "2"}, code
    from wagtail.models import Revision as CurrentRevision

    revision = CurrentRevision.objects.get(object_id=str(areas["sv"]))
    assert revision.content["measures"] == [{"title": "x", "goal_key": str(keys[2])}]
