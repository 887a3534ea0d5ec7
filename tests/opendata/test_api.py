"""The versioned plan API (v1): its JSON is what its published schemas say."""

import jsonschema
import pytest
from django.test import Client

from plans.planfile import validate

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor():
    return Client(HTTP_HOST="localhost")


@pytest.fixture
def plan(import_generated):
    return import_generated(6, key="oppen-plan")


def test_the_plan_list_is_what_its_schema_says(plan, visitor):
    data = visitor.get("/data/v1/plans.json").json()
    schema_response = visitor.get("/data/v1/plans.schema.json")
    assert schema_response["Content-Type"].startswith("application/schema+json")
    schema = schema_response.json()
    assert data["$schema"] == schema["$id"] == "http://localhost/data/v1/plans.schema.json"
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(
        data
    )
    assert [p["key"] for p in data["plans"]] == ["oppen-plan"]
    assert data["plans"][0]["languages"] == ["sv"]
    assert visitor.get(data["plans"][0]["plan"].removeprefix("http://localhost")).status_code == 200


def test_the_whole_plan_is_a_plan_file_that_its_schema_and_the_importer_accept(plan, visitor):
    response = visitor.get("/data/v1/plans/oppen-plan.json")
    assert response["Content-Type"].startswith("application/json")
    assert (
        response["Access-Control-Allow-Origin"] == "*"
        and response["ETag"]
        and response["Last-Modified"]
    )
    data = response.json()
    schema = visitor.get(data["$schema"].removeprefix("http://localhost")).json()
    assert schema["$id"] == data["$schema"] == "http://localhost/data/v1/plan.schema.json"
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["format"] == 1 and data["plan"]["key"] == "oppen-plan"
    assert (
        sum(
            len(a["measures"]) + sum(len(g["measures"]) for g in a.get("goals", []))
            for a in data["plan"]["focus_areas"]
        )
        == 6
    )
    assert validate(data) == []  # the importer reads it back as it is


def test_the_measure_list_is_the_plan_pages_json_export(plan, visitor):
    api = visitor.get("/data/v1/plans/oppen-plan/measures.json")
    page = visitor.get(plan.url + "atgarder/json/")
    assert api.status_code == page.status_code == 200
    assert api.json() == page.json()
    assert api.json()["count"] == 6


def test_a_host_that_includes_the_urls_gets_the_addresses_documented(settings):
    from django.urls import reverse

    assert reverse("opendata:catalogue", kwargs={"suffix": "jsonld"}) == "/data/catalog.jsonld"
    assert reverse("opendata:plan", kwargs={"version": "v1", "key": "k"}) == "/data/v1/plans/k.json"


def test_a_translation_adds_its_title_and_language_and_the_catalogue_still_conforms(plan, visitor):
    from pathlib import Path

    from pyshacl import validate
    from rdflib import Graph, Literal, URIRef
    from rdflib import namespace as ns

    from tests.helpers.plans import translate_plan

    translate_plan(plan, "en", "Generated plan in English")
    assert visitor.get("/data/v1/plans.json").json()["plans"][0]["languages"] == ["sv", "en"]
    graph = Graph().parse(data=visitor.get("/data/catalog.ttl").content, format="turtle")
    dataset = URIRef(plan.get_full_url() + "#dataset")
    assert Literal("Generated plan in English", lang="en") in set(
        graph.objects(dataset, ns.DCTERMS.title)
    )
    assert URIRef("http://publications.europa.eu/resource/authority/language/ENG") in set(
        graph.objects(dataset, ns.DCTERMS.language)
    )
    shapes = Graph().parse(
        Path(__file__).resolve().parents[2] / "opendata" / "shapes" / "dcat-ap-se.ttl"
    )
    conforms, _graph, report = validate(graph, shacl_graph=shapes, inference="none")
    assert conforms, report


def test_publishing_a_focus_area_changes_the_plans_modified_and_etag(plan, visitor):
    from plans.models import FocusAreaPage

    before = visitor.get("/data/v1/plans/oppen-plan.json")
    listed = visitor.get("/data/v1/plans.json").json()["plans"][0]["modified"]
    area = FocusAreaPage.objects.child_of(plan).first().specific
    area.title = "Ett ändrat område"
    area.save_revision().publish()
    after = visitor.get("/data/v1/plans/oppen-plan.json")
    assert after["ETag"] != before["ETag"]
    assert "Ett ändrat område" in after.content.decode()
    assert visitor.get("/data/v1/plans.json").json()["plans"][0]["modified"] > listed


def test_a_host_whose_root_page_is_english_lists_the_plans_under_its_swedish_translation(
    plan, visitor, home_page
):
    """In a host made by ``wagtail start`` the site's root is the English home page and the
    Swedish plans are under its Swedish translation (docs/install.md)."""
    from wagtail.models import Locale, Site

    english_home = home_page.copy_for_translation(Locale.objects.get(language_code="en"))
    english_home.save_revision().publish()
    Site.objects.filter(is_default_site=True).update(root_page=english_home)
    assert [p["key"] for p in visitor.get("/data/v1/plans.json").json()["plans"]] == ["oppen-plan"]
    assert visitor.get("/data/v1/plans/oppen-plan.json").status_code == 200
