"""Uncached latency with and without the per-request memos in front of Wagtail's routing.

``python bench/routing_bench.py`` (or ``BENCH_ONLY=routing make bench``). In one process,
on a test database with the demo content and a generated plan, the page cache off: each
page is requested through Django's test client under several middleware lists, the
variants taking turns request by request, so a machine that slows down for a while slows
every variant alike. Prints the median (p50) per page and variant, and each variant's
difference from the first. ``BENCH_RUNS`` (default 200) requests per page and variant;
``BENCH_VARIANTS`` names middleware classes to leave out, ``;`` between variants.
"""

import os
import statistics
import time

from common import import_generated_plan, load_demo_site, page_urls, test_database

RUNS = int(os.environ.get("BENCH_RUNS", "200"))
MEASURES = int(os.environ.get("BENCH_MEASURES", "50"))
#: Each variant: the middleware classes (a part of their dotted path) it leaves out.
VARIANTS = [
    tuple(name for name in variant.split(",") if name)
    for variant in os.environ.get(
        "BENCH_VARIANTS", ";KnownRouteMiddleware;KnownRouteMiddleware,KnownSiteMiddleware"
    ).split(";")
]


def client_without(left_out):
    """A test client whose handler runs the site's middleware minus ``left_out``."""
    from django.conf import settings
    from django.test import Client, override_settings

    middleware = [
        path
        for path in settings.MIDDLEWARE
        if not any(path.endswith("." + name) for name in left_out)
    ]
    client = Client(HTTP_HOST="localhost")
    with override_settings(MIDDLEWARE=middleware):
        client.get("/sv/")  # the handler reads MIDDLEWARE once, at its first request
    return client


def main():
    with test_database():
        from django.conf import settings

        assert not settings.PAGE_CACHE_ENABLED, "uncached figures need the page cache off"
        load_demo_site()
        plan = import_generated_plan(MEASURES, key=f"bench-{MEASURES}")
        urls = page_urls(plan)
        clients = [client_without(variant) for variant in VARIANTS]
        names = [
            ("all memos" if not variant else "without " + " and ".join(variant))
            for variant in VARIANTS
        ]
        print(
            f"Uncached p50 in ms, Django test client in one process, {RUNS} requests per page and variant, taking turns; "
            f"plan of {MEASURES} measures; difference against the first column"
        )
        print()
        print("| page | " + " | ".join(names) + " |")
        print("|---|" + "---|" * len(names))
        totals = [0.0] * len(clients)
        for name, url in urls.items():
            times = [[] for _ in clients]
            for client in clients:  # warm: the first request after start works the memos out
                for _ in range(3):
                    response = client.get(url)
                    if response.status_code != 200:
                        raise SystemExit(f"{name} {url}: HTTP {response.status_code}")
            for _ in range(RUNS):
                for index, client in enumerate(clients):
                    start = time.perf_counter()
                    client.get(url)
                    times[index].append((time.perf_counter() - start) * 1000)
            p50 = [statistics.median(t) for t in times]
            for index, value in enumerate(p50):
                totals[index] += value
            cells = [f"{p50[0]:.2f}"] + [
                f"{value:.2f} ({(value - p50[0]) / p50[0]:+.0%})" for value in p50[1:]
            ]
            print(f"| {name} | " + " | ".join(cells) + " |")
        cells = [f"{totals[0]:.1f}"] + [
            f"{value:.1f} ({(value - totals[0]) / totals[0]:+.0%})" for value in totals[1:]
        ]
        print("| **sum of the p50s** | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
