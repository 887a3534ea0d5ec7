"""Import and export read one table of plan-file fields: every field in it comes back from
an export exactly as the file gave it, so a field added to the table is imported and
exported, and the two cannot drift apart."""

import copy

import pytest

from plans import planfile
from tests.helpers.plans import make_plan_data

pytestmark = pytest.mark.django_db

EXAMPLES = {
    "text": "Ett värde",
    "lines": ["Första raden", "Andra raden"],
    "date": "2025-03-01",
    "flag": False,
}  # true would contradict valid_until
CHOICES = {
    "scope": ["VINR", "HRV"],
    "prevention_levels": ["universal", "indicated"],
    "target_groups": ["children"],
}


def example(field):
    return CHOICES[field.key] if field.kind == "choices" else EXAMPLES[field.kind]


TABLES = {
    "plan": planfile.PLAN_FACTS + planfile.PLAN_TEXTS,
    "focus_area": planfile.FOCUS_AREA_FIELDS,
    "measure": planfile.MEASURE_HEAD + planfile.MEASURE_TAIL,
}


def where(data, level):
    plan = data["plan"]
    return {
        "plan": plan,
        "focus_area": plan["focus_areas"][0],
        "measure": plan["focus_areas"][0]["measures"][0],
    }[level]


def test_every_field_of_the_table_survives_import_and_export(plan_index):
    data = make_plan_data(3, key="table")
    for level, table in TABLES.items():
        for field in table:
            if field.key != "identifier":
                where(data, level)[field.key] = example(field)
    plan, _ = planfile.import_plan(copy.deepcopy(data), publish=True)
    exported = planfile.export_data(plan)
    for level, table in TABLES.items():
        for field in table:
            assert where(exported, level)[field.key] == where(data, level)[field.key], (
                level,
                field.key,
            )
