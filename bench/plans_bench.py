"""Plans: import time, SQL queries and render times for a plan of 200 measures.

Standalone: ``DJANGO_SETTINGS_MODULE=website.settings.test python bench/plans_bench.py``
(a throwaway test database), or through ``bench/run.py``.
"""

import os
import sys
import time
from pathlib import Path

from common import measure

ROOT = Path(__file__).resolve().parent.parent


def main():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")
    import django

    django.setup()
    from django.test.runner import DiscoverRunner

    runner = DiscoverRunner(verbosity=0)
    old = runner.setup_databases()
    try:
        from django.test import Client
        from wagtail.models import Page, Site

        from plans.models import FocusAreaPage, PlanIndexPage
        from plans.planfile import export_plan, import_plan
        from tests.helpers.plans import make_plan_data
        from website.demo.utils import ensure_child_page, ensure_locales, stable_key
        from website.models import HomePage

        locales = ensure_locales()
        root = Page.get_first_root_node()
        home = HomePage(
            translation_key=stable_key("page:home"), locale=locales["sv"], slug="hem", title="Hem"
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        Site.objects.all().delete()
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        ensure_child_page(
            home, PlanIndexPage, "page:plans", title="Handlingsplaner", slug="handlingsplaner"
        )

        start = time.perf_counter()
        plan, _created = import_plan(make_plan_data(200, key="bench", focus_areas=5), publish=True)
        print(f"import_plan, 200 measures in 5 focus areas: {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        text = export_plan(plan)
        print(f"export_plan: {time.perf_counter() - start:.2f} s, {len(text.splitlines())} lines")

        area = FocusAreaPage.objects.child_of(plan).first()
        client = Client()
        for name, url, runs in (
            ("plan page", plan.url, 10),
            ("focus area (40 measures)", area.url, 10),
            ("measure list (200)", plan.url + "atgarder/", 10),
            (
                "measure list, filtered",
                plan.url + "atgarder/?prevention_level=selective&organisation=org1",
                10,
            ),
            ("CSV export (200)", plan.url + "atgarder/csv/", 10),
            ("JSON export (200)", plan.url + "atgarder/json/", 10),
            ("follow-up report", plan.url + "uppfoljning/", 10),
        ):
            status, queries, median, size = measure(client, url, runs)
            print(
                f"{name}: HTTP {status}, {queries} queries, median {median:.0f} ms, {size // 1024} KiB ({runs} runs)"
            )

        # The PDF: the first request renders it (once per published revision); every
        # later request is served the stored file.
        from plans.pdf import current_pdf_path

        pdf_url = plan.url + "pdf/"
        current_pdf_path(plan).unlink(missing_ok=True)
        start = time.perf_counter()
        response = client.get(pdf_url)
        print(
            f"PDF (200 measures), first request (renders): HTTP {response.status_code}, "
            f"{(time.perf_counter() - start) * 1000:.0f} ms, {len(response.content) // 1024} KiB"
        )
        status, queries, median, size = measure(client, pdf_url, 20)
        print(
            f"PDF (200 measures), after the first render: HTTP {status}, {queries} queries, median {median:.0f} ms, {size // 1024} KiB (20 runs)"
        )
    finally:
        runner.teardown_databases(old)


if __name__ == "__main__":
    main()
