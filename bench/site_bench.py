"""Home page: SQL queries and render time per language, on the demo content."""

from common import measure, test_database


def main():
    with test_database():
        from django.test import Client

        from website.demo import site

        site.load()
        client = Client()
        for code in ("sv", "ar"):
            _status, queries, median, _size = measure(client, f"/{code}/", runs=30)
            print(f"home /{code}/: {queries} queries, median {median:.1f} ms (30 requests, test client)")
