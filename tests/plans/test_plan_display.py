"""What the plan pages say about a plan's period, its cards and its scope, and the CSV's
safety in a spreadsheet: nothing claimed that the plan does not say, nothing empty."""

import csv
import io

import pytest

from plans.models import Measure
from plans.planfile import import_plan
from tests.helpers.html import one, select, text, texts, words
from tests.helpers.plans import make_plan_data

pytestmark = pytest.mark.django_db


def plan_with(key, **fields):
    data = make_plan_data(2, key=key)
    for name in ("valid_from", "valid_until", "municipality"):
        data["plan"].pop(name, None)
    data["plan"].update(fields)
    plan, _ = import_plan(data, publish=True)
    return plan


def main(client, url):
    return one(client.get(url), "main")


def fact(page, term):
    """The ``<dd>`` that follows the ``<dt>`` saying ``term`` (a plan's facts list)."""
    terms = [dt for dt in select(page, "dt") if words(dt) == term]
    assert terms, f"No <dt>{term}</dt> on the page"
    return terms[0].find_next_sibling("dd")


def test_a_plan_valid_until_further_notice_without_a_start_has_no_dash(client, plan_index):
    plan = plan_with(
        "tillsvidare", until_further_notice=True, municipality="Ekby kommun", scope=["HRV"]
    )
    html = main(client, plan.url)
    assert words(fact(html, "Gäller")) == "tills vidare"
    assert "– tills vidare" not in words(html)
    index = main(client, plan_index.url)
    assert "Gäller tills vidare" in words(index)


def test_a_plan_valid_from_a_date_until_further_notice_says_both(client, plan_index):
    plan = plan_with("fran-och-tillsvidare", valid_from="2024-01-01", until_further_notice=True)
    html = main(client, plan.url)
    valid = fact(html, "Gäller")
    assert words(valid) == "från 1 januari 2024 och tills vidare"
    assert text(valid, 'time[datetime="2024-01-01"]') == "1 januari 2024"


def test_a_plan_without_dates_is_listed_apart_not_as_in_force(client, plan_index):
    plan_with("odaterad", municipality="Ekby kommun")
    plan_with("gallande", valid_from="2024-01-01", valid_until="2099-12-31")
    index = main(client, plan_index.url)
    in_force = one(index, 'section[aria-labelledby="plans-in-force"]')
    undated = one(index, 'section[aria-labelledby="plans-undated"]')
    assert "Giltighetstid anges inte" in words(index)
    assert "gallande" not in str(undated) and "Genererad plan" in words(in_force)
    assert len(select(in_force, ".plan-card")) == 1 and len(select(undated, ".plan-card")) == 1
    plan = main(client, plan_index.url + "odaterad/")
    assert words(fact(plan, "Gäller")) == "Giltighetstid anges inte"


def test_plan_cards_have_no_empty_separators(client, plan_index):
    plan_with("bara-kommun", municipality="Ekby kommun", scope=["HRV"])
    plan_with("inget-alls")
    index = main(client, plan_index.url)
    metas = texts(index, ".plan-card__meta")
    assert metas, index
    for meta in metas:
        assert "· ·" not in meta and not meta.startswith("·") and not meta.endswith("·"), meta
    assert any("Ekby kommun · HRV" in meta for meta in metas)


def test_the_pom_scope_names_sexual_exploitation_of_children(client, plan_index):
    plan = plan_with("pom", scope=["POM"], valid_from="2024-01-01", valid_until="2099-12-31")
    assert "Prostitution, människohandel och sexuell exploatering av barn" in words(
        main(client, plan.url)
    )
    from plans.vocabulary import SCOPES

    assert "sexuell exploatering av barn" in dict(SCOPES.choices)["POM"]


def test_csv_cells_that_a_spreadsheet_would_run_are_escaped(client, import_generated):
    plan = import_generated(4, key="csv-injektion")
    hostile = {
        "1:1": '=HYPERLINK("http://example.com","Klicka")',
        "2:1": "+46 8 123 45",
        "1:2": "@SUM(A1:A2)",
        "2:2": "-1+1",
    }
    for identifier, title in hostile.items():
        Measure.objects.filter(identifier=identifier).update(
            title=title, note="\tTabb först", time_frame="\rVagn först"
        )
    text = client.get(f"{plan.url}atgarder/csv/").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    cells = [cell for row in rows[1:] for cell in row]
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells), cells
    titles = {row[0]: row[1] for row in rows[1:]}
    assert titles["1:1"] == "'" + hostile["1:1"]
    assert titles["2:1"] == "'+46 8 123 45"
    assert "'\tTabb först" in cells
