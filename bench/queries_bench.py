"""SQL queries per request for each public page type, at 10 and at 500 measures.

The count must be flat: the same at 500 measures as at 10. Prints one markdown table.
"""

from common import count_queries, import_generated_plan, load_demo_site, page_urls, test_database

SIZES = (10, 500)


def main():
    with test_database():
        from django.test import Client

        load_demo_site()
        client = Client(HTTP_HOST="localhost")
        counts = {}
        for size in SIZES:
            plan = import_generated_plan(size, key=f"bench-{size}")
            for name, url in page_urls(plan).items():
                status, queries = count_queries(client, url)
                if status != 200:
                    raise SystemExit(f"{name} {url}: HTTP {status}")
                counts.setdefault(name, {})[size] = queries
        print("| page | " + " | ".join(f"queries at {size} measures" for size in SIZES) + " |")
        print("|---|" + "---|" * len(SIZES))
        for name, by_size in counts.items():
            flat = "" if len(set(by_size.values())) == 1 else " **(grows)**"
            print(f"| {name} | " + " | ".join(str(by_size[size]) for size in SIZES) + f" |{flat}")


if __name__ == "__main__":
    main()
