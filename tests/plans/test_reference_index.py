"""A focus area's references (organisations, documents) are indexed once per save, by
Wagtail's public API only: the page keeps working when Wagtail changes its internals, and
the admin's usage view finds the organisations a focus area's measures name."""

import ast
from pathlib import Path

import pytest
from wagtail.models import ReferenceIndex

import plans
from plans.models import FocusAreaPage, Organisation

pytestmark = pytest.mark.django_db


# Names Wagtail keeps for itself: module state behind its public context managers.
WAGTAIL_INTERNALS = {"reference_index_auto_update_disabled"}


def test_plans_reads_no_wagtail_internal():
    used = set()
    for path in Path(plans.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("wagtail"):
                used |= {
                    (path.name, a.name)
                    for a in node.names
                    if a.name.startswith("_") or a.name in WAGTAIL_INTERNALS
                }
    assert used == set()


def test_a_focus_area_saved_in_the_admin_way_is_indexed_once_after_its_measures(import_generated):
    plan = import_generated(4, key="refs")
    area = FocusAreaPage.objects.child_of(plan).first().specific
    ReferenceIndex.objects.filter(object_id=str(area.pk)).delete()
    area.save_revision().publish()
    organisation = Organisation.objects.get(key="org0")
    assert ReferenceIndex.get_references_to(organisation).filter(object_id=str(area.pk)).exists()


def test_organisations_named_by_measures_are_in_the_reference_index_after_an_import(
    import_generated,
):
    plan = import_generated(4, key="refs")
    area = FocusAreaPage.objects.child_of(plan).first()
    organisation = Organisation.objects.get(key="org0")
    assert ReferenceIndex.get_references_to(organisation).filter(object_id=str(area.pk)).exists()
