"""What the benchmarks share: a throwaway test database, the demo content, one way to
count a URL's queries, and the pages every section measures."""

import os
import resource
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(settings="website.settings.test"):
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)
    import django

    django.setup()


@contextmanager
def test_database():
    """Django set up on a fresh test database that is dropped afterwards."""
    setup_django()
    from django.test.runner import DiscoverRunner

    runner = DiscoverRunner(verbosity=0)
    old = runner.setup_databases()
    try:
        yield
    finally:
        runner.teardown_databases(old)


def load_demo_site():
    """The demo site, its support section and the plan index (not the demo plans: each
    section imports its own)."""
    from plans.models import PlanIndexPage
    from website.demo import information, site
    from website.demo.action_plans import INDEX
    from website.demo.utils import ensure_child_page

    home = site.load()
    information.load()
    ensure_child_page(home, PlanIndexPage, "page:plans", **INDEX)


def import_generated_plan(measures, key):
    """A published plan of ``measures`` measures in 5 focus areas (tests/helpers/plans.py)."""
    from plans.planfile import import_plan
    from tests.helpers.plans import make_plan_data

    plan, _created = import_plan(make_plan_data(measures, key=key, focus_areas=5), publish=True)
    return plan


def page_urls(plan):
    """The pages the benchmarks measure, by name, for a plan."""
    from plans.models import FocusAreaPage

    area = FocusAreaPage.objects.child_of(plan).order_by("path").first()
    return {
        "home": "/sv/",
        "plan page": plan.url,
        "focus area": area.url,
        "measure list": plan.url + "atgarder/",
        "support page": "/sv/stod/utsatt-for-vald/",
        "support page (ar)": "/ar/stod/utsatt-for-vald/",
        "brochures page": "/sv/stod/broschyrer/",
    }


def count_queries(client, url):
    """``(status, queries)`` for GET ``url`` after one warm-up request."""
    from django.db import connection

    client.get(url)  # warm caches that are not per request (site root paths)
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)
    ):
        response = client.get(url)
    return response.status_code, len(queries)


def measure(client, url, runs=10):
    """``(status, queries, median ms, bytes)`` for GET ``url``: one warm-up request first."""
    status, queries = count_queries(client, url)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    return status, queries, statistics.median(times), len(response.content)


def peak_rss_mib():
    """This process's peak resident memory so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
