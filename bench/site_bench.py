"""Home page: SQL queries and render time per language, on the demo content."""

import statistics
import time


def main():
    import django

    django.setup()
    from django.db import connection
    from django.test.runner import DiscoverRunner

    runner = DiscoverRunner(verbosity=0)
    old = runner.setup_databases()
    try:
        from django.test import Client

        from website.demo import site

        site.load()
        client = Client()
        for code in ("sv", "ar"):
            client.get(f"/{code}/")  # warm caches
            queries = []
            with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
                client.get(f"/{code}/")
            times = []
            for _ in range(30):
                start = time.perf_counter()
                client.get(f"/{code}/")
                times.append((time.perf_counter() - start) * 1000)
            print(
                f"home /{code}/: {len(queries)} queries, median {statistics.median(times):.1f} ms, "
                f"p90 {sorted(times)[int(len(times) * 0.9)]:.1f} ms (30 requests, test client)"
            )
    finally:
        runner.teardown_databases(old)
