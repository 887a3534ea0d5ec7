"""Rendering a plan page, a focus area page and the measure list takes a number of SQL
queries that does not grow with the number of measures."""

import csv
import io
import re

import pytest

from plans.models import FocusAreaPage

pytestmark = pytest.mark.django_db

# One bound for 10 and for 200 measures: a query per measure would blow it at once.
# plan: the per-body counts of the summary, and every public page's footer links the
# accessibility statement (one query each, not per measure).
MAX_QUERIES = {
    "plan": 20,
    "focus_area": 24,
    "measures": 22,
    "csv": 18,
    "follow_up": 19,
    "organisation": 21,
}


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


def measures_shown(name, content):
    """How many measures a view shows: what the query bound must hold for. A view that
    showed none could not reveal a query per measure, so each is counted exactly."""
    if name == "csv":
        return len(list(csv.reader(io.StringIO(content)))) - 1  # minus the header row
    if name == "plan":
        return int(re.search(r'class="status-chart__total">\((\d+)', content).group(1))
    if name == "follow_up":
        return content.count('<th scope="row">')
    return content.count('<article class="measure"')


def expected_measures(measure_count):
    """What each view shows of ``make_plan_data(measure_count)``'s measures: measure i is in
    focus area i % 2, has the universal level when i is odd, and names org{i % 5}."""
    return {
        "plan": measure_count,
        "focus_area": len(range(0, measure_count, 2)),
        "measures": len(range(1, measure_count, 2)),
        "csv": measure_count,
        "follow_up": measure_count,
        "organisation": len(range(1, measure_count, 5)),
    }


@pytest.mark.parametrize("measure_count", [10, 200])
def test_query_count_does_not_grow_with_measures(
    client, import_generated, django_assert_max_num_queries, measure_count
):
    plan = import_generated(measure_count)
    expected = expected_measures(measure_count)
    for name, url in urls(plan).items():
        # Warm what is kept between requests (site root paths, what is worked out once per
        # publication). Twice: a new site's first request creates its settings row, and
        # saving it is a publication.
        client.get(url)
        client.get(url)
        with django_assert_max_num_queries(MAX_QUERIES[name], info=name):
            response = client.get(url)
        assert response.status_code == 200, name
        assert measures_shown(name, response.content.decode()) == expected[name], name
