"""Support pages: queries and time for a translated page, a mirrored (alias) page and the
section page, and the cost of mirroring the section into a language (information/fallback.py)."""

import time

from common import measure, test_database


def main():
    with test_database():
        from django.test import Client
        from wagtail.models import Page

        from information.fallback import sync_support_tree
        from website.demo import information, site

        site.load()
        information.load()
        client = Client()
        for url in ("/sv/stod/utsatt-for-vald/", "/ar/stod/utsatt-for-vald/", "/pl/stod/utsatt-for-vald/", "/pl/stod/", "/sv/stod/"):
            status, queries, median, _size = measure(client, url, runs=20)
            print(f"{url}: HTTP {status}, {queries} queries, median {median:.1f} ms (20 requests, test client)")

        Page.objects.filter(locale__language_code="pl", alias_of__isnull=False).delete()
        start = time.perf_counter()
        created = sync_support_tree()
        print(f"sync_support_tree: {created} aliases for one language in {(time.perf_counter() - start) * 1000:.0f} ms")
        start = time.perf_counter()
        again = sync_support_tree()
        print(f"sync_support_tree again (nothing to do, 13 languages): {again} created in {(time.perf_counter() - start) * 1000:.0f} ms")
