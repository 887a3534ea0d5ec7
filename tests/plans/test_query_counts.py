"""Rendering a plan page, a focus area page and the measure list takes a number of SQL
queries that does not grow with the number of measures."""

import pytest

from plans.models import FocusAreaPage

pytestmark = pytest.mark.django_db

# One bound for 10 and for 200 measures: a query per measure would blow it at once.
# plan: the per-body counts of the summary, and every public page's footer links the
# accessibility statement (one query each, not per measure).
MAX_QUERIES = {"plan": 20, "focus_area": 24, "measures": 22, "csv": 18, "follow_up": 19, "organisation": 21}


def urls(plan):
    area = FocusAreaPage.objects.child_of(plan).order_by("path").first()
    return {
        "plan": plan.url,
        "focus_area": area.url,
        "measures": plan.url + "atgarder/?prevention_level=universal",
        "csv": plan.url + "atgarder/csv/",
        "follow_up": plan.url + "uppfoljning/",
        "organisation": plan.get_parent().url + "organisationer/org1/",
    }


@pytest.mark.parametrize("measure_count", [10, 200])
def test_query_count_does_not_grow_with_measures(client, import_generated, django_assert_max_num_queries, measure_count):
    plan = import_generated(measure_count)
    for name, url in urls(plan).items():
        client.get(url)  # warm caches that are not per request (site root paths)
        with django_assert_max_num_queries(MAX_QUERIES[name], info=name):
            response = client.get(url)
        assert response.status_code == 200, name
        assert response.content.decode().count('<article class="measure"') >= (1 if name not in ("plan", "csv", "follow_up") else 0)
