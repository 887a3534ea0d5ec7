"""Support pages: queries and time for a translated page, a mirrored (alias) page and the
section page, and the cost of mirroring the section into a language (information/sync.py)."""

import statistics
import time


def _measure(client, connection, url, runs=20):
    client.get(url)  # warm caches
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        status = client.get(url).status_code
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    print(f"{url}: HTTP {status}, {len(queries)} queries, median {statistics.median(times):.1f} ms ({runs} requests, test client)")


def main():
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.runner import DiscoverRunner

    runner = DiscoverRunner(verbosity=0)
    old = runner.setup_databases()
    try:
        from wagtail.models import Page

        from information.sync import sync_support_tree
        from website.demo import information, site

        site.load()
        information.load()
        client = Client()
        for url in ("/sv/stod/utsatt-for-vald/", "/ar/stod/utsatt-for-vald/", "/pl/stod/utsatt-for-vald/", "/pl/stod/", "/sv/stod/"):
            _measure(client, connection, url)

        Page.objects.filter(locale__language_code="pl", alias_of__isnull=False).delete()
        start = time.perf_counter()
        created = sync_support_tree()
        print(f"sync_support_tree: {created} aliases for one language in {(time.perf_counter() - start) * 1000:.0f} ms")
        start = time.perf_counter()
        again = sync_support_tree()
        print(f"sync_support_tree again (nothing to do, 13 languages): {again} created in {(time.perf_counter() - start) * 1000:.0f} ms")
    finally:
        runner.teardown_databases(old)
