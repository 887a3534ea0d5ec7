"""Measures name their goal by the goal's key instead of its place in the list of goals.

``goal_number`` (1 = the first goal of the focus area) moved measures to another goal when
the goals were reordered. Each measure now keeps the ``translation_key`` of the goal that
was at its number, in every language's copy of a focus area (each copy has its own goals,
in the same order) and in every stored revision of a focus area, so that reverting to an
old revision keeps its measures under their goals. ``goal_number`` is removed by the next
migration (a separate one: PostgreSQL refuses to alter a table with pending updates).
"""

from django.db import migrations, models


def goal_keys_by_position(goals):
    """{position (1-based): key} for goals given as (sort_order, key) in list order."""
    ordered = sorted(
        enumerate(goals), key=lambda item: (item[1][0] is None, item[1][0] or 0, item[0])
    )
    return {number: key for number, (_i, (_order, key)) in enumerate(ordered, start=1)}


def convert_revision_content(content):
    """A focus area's revision content with each measure's ``goal_number`` replaced by
    ``goal_key``: the ``translation_key`` of the revision's goal at that place (None when the
    number named no goal, as the page showed it). Returns whether anything changed."""
    measures = content.get("measures") or []
    if not any("goal_number" in m for m in measures):
        return False
    keys = goal_keys_by_position(
        [(g.get("sort_order"), g.get("translation_key")) for g in content.get("goals") or []]
    )
    for measure in measures:
        number = measure.pop("goal_number", None)
        measure.setdefault("goal_key", keys.get(number) if number else None)
    return True


def link_measures_to_goals(apps, schema_editor):
    FocusAreaGoal = apps.get_model("plans", "FocusAreaGoal")
    Measure = apps.get_model("plans", "Measure")
    keys = {}
    for goal in FocusAreaGoal.objects.order_by("focus_area_id", "sort_order", "pk"):
        keys.setdefault(goal.focus_area_id, []).append((goal.sort_order, goal.translation_key))
    positions = {area: goal_keys_by_position(goals) for area, goals in keys.items()}
    for measure in Measure.objects.exclude(goal_number=None).only(
        "pk", "focus_area_id", "goal_number"
    ):
        key = positions.get(measure.focus_area_id, {}).get(measure.goal_number)
        if key:
            Measure.objects.filter(pk=measure.pk).update(goal_key=key)

    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="plans", model="focusareapage").first()
    if content_type is None:
        return
    for revision in (
        Revision.objects.filter(content_type=content_type).only("pk", "content").iterator()
    ):
        content = revision.content
        if convert_revision_content(content):
            Revision.objects.filter(pk=revision.pk).update(content=content)


def goal_numbers_from_keys(apps, schema_editor):
    """Backwards: the goal's place again, so the previous code finds the same goal."""
    FocusAreaGoal = apps.get_model("plans", "FocusAreaGoal")
    Measure = apps.get_model("plans", "Measure")
    for measure in Measure.objects.exclude(goal_key=None).only("pk", "focus_area_id", "goal_key"):
        keys = list(
            FocusAreaGoal.objects.filter(focus_area_id=measure.focus_area_id)
            .order_by("sort_order", "pk")
            .values_list("translation_key", flat=True)
        )
        if measure.goal_key in keys:
            Measure.objects.filter(pk=measure.pk).update(
                goal_number=keys.index(measure.goal_key) + 1
            )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("plans", "0004_plan_words_optional_status_and_title"),
    ]

    operations = [
        migrations.AddField(
            model_name="measure",
            name="goal_key",
            field=models.UUIDField(
                blank=True,
                null=True,
                verbose_name="hör till mål",
                help_text="Ett av målen ovan. Ett mål som just lagts till går att välja när sidan har sparats. "
                "Tomt om åtgärden inte hör till ett mål.",
            ),
        ),
        migrations.RunPython(link_measures_to_goals, goal_numbers_from_keys),
    ]
