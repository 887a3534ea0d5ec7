"""What the benchmarks share: a throwaway test database and one way to time a URL."""

import statistics
import time
from contextlib import contextmanager


@contextmanager
def test_database():
    """Django set up on a fresh test database that is dropped afterwards."""
    import django

    django.setup()
    from django.test.runner import DiscoverRunner

    runner = DiscoverRunner(verbosity=0)
    old = runner.setup_databases()
    try:
        yield
    finally:
        runner.teardown_databases(old)


def measure(client, url, runs=10):
    """``(status, queries, median ms, bytes)`` for GET ``url``: one warm-up request first."""
    from django.db import connection

    client.get(url)  # warm caches
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        response = client.get(url)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    return response.status_code, len(queries), statistics.median(times), len(response.content)
