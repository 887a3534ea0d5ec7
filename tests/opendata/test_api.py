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
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    assert [p["key"] for p in data["plans"]] == ["oppen-plan"]
    assert data["plans"][0]["languages"] == ["sv"]
    assert visitor.get(data["plans"][0]["plan"].removeprefix("http://localhost")).status_code == 200


def test_the_whole_plan_is_a_plan_file_that_its_schema_and_the_importer_accept(plan, visitor):
    response = visitor.get("/data/v1/plans/oppen-plan.json")
    assert response["Content-Type"].startswith("application/json")
    assert response["Access-Control-Allow-Origin"] == "*" and response["ETag"] and response["Last-Modified"]
    data = response.json()
    schema = visitor.get(data["$schema"].removeprefix("http://localhost")).json()
    assert schema["$id"] == data["$schema"] == "http://localhost/data/v1/plan.schema.json"
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["format"] == 1 and data["plan"]["key"] == "oppen-plan"
    assert sum(len(a["measures"]) + sum(len(g["measures"]) for g in a.get("goals", [])) for a in data["plan"]["focus_areas"]) == 6
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
