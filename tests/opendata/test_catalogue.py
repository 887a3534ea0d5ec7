"""The open-data catalogue (DCAT-AP-SE) of the published plans: what Sveriges dataportal
harvests. Checked against the shapes kept in opendata/shapes/ with pySHACL."""

from pathlib import Path

import pytest
from django.core.cache import caches
from django.test import Client
from pyshacl import validate
from rdflib import Graph, URIRef
from rdflib import namespace as ns

from opendata.models import CatalogueSettings

pytestmark = pytest.mark.django_db

SHAPES = Path(__file__).resolve().parents[2] / "opendata" / "shapes" / "dcat-ap-se.ttl"
MEDIA = "https://www.iana.org/assignments/media-types/"


@pytest.fixture
def visitor():
    return Client(HTTP_HOST="localhost")


@pytest.fixture
def page_cache_on(settings):
    from website.page_cache import recent_pages

    settings.PAGE_CACHE_ENABLED = True
    caches["pages"].clear()
    recent_pages.clear()


def catalogue(visitor, suffix="ttl", rdf_format="turtle"):
    response = visitor.get(f"/data/catalog.{suffix}")
    assert response.status_code == 200, response.content[:500]
    return response, Graph().parse(data=response.content, format=rdf_format)


def datasets(graph):
    return set(graph.subjects(ns.RDF.type, ns.DCAT.Dataset))


def test_the_demo_catalogue_has_no_shacl_violation_and_one_dataset_per_published_plan(
    demo_plans, visitor
):
    from plans.models import PlanPage

    response, graph = catalogue(visitor)
    assert response["Content-Type"].startswith("text/turtle")
    conforms, _graph, report = validate(graph, shacl_graph=Graph().parse(SHAPES), inference="none")
    assert conforms, report
    live = PlanPage.objects.live().filter(locale__language_code="sv")
    assert len(datasets(graph)) == live.count() == len(demo_plans)
    for dataset in datasets(graph):
        assert len(list(graph.objects(dataset, ns.DCAT.distribution))) == 3


def test_each_distribution_answers_200_with_its_stated_media_type(demo_plans, visitor):
    _response, graph = catalogue(visitor)
    seen = 0
    for distribution in graph.subjects(ns.RDF.type, ns.DCAT.Distribution):
        url = str(graph.value(distribution, ns.DCAT.downloadURL))
        media_type = str(graph.value(distribution, ns.DCAT.mediaType)).removeprefix(MEDIA)
        answer = visitor.get(url.removeprefix("http://localhost"))
        assert answer.status_code == 200, url
        assert answer["Content-Type"].split(";")[0] == media_type, url
        seen += 1
    assert seen == 3 * len(demo_plans)


def test_the_shapes_catch_a_dataset_without_publisher_or_licence(demo_plans, visitor):
    """The shapes are not a formality: a catalogue missing what DCAT-AP-SE requires fails."""
    _response, graph = catalogue(visitor)
    graph.remove((None, ns.DCTERMS.publisher, None))
    graph.remove((None, ns.DCTERMS.license, None))
    conforms, _graph, report = validate(graph, shacl_graph=Graph().parse(SHAPES), inference="none")
    assert not conforms
    assert "publisher" in report and "license" in report


def test_turtle_rdf_xml_and_json_ld_say_the_same(demo_plans, visitor):
    _r, turtle = catalogue(visitor, "ttl", "turtle")
    _r, xml = catalogue(visitor, "rdf", "xml")
    response, json_ld = catalogue(visitor, "jsonld", "json-ld")
    assert response["Content-Type"].startswith("application/ld+json")
    assert len(turtle) == len(xml) == len(json_ld)
    assert datasets(turtle) == datasets(xml) == datasets(json_ld)


def test_the_settings_name_the_publisher_licence_and_contact(demo_plans, visitor):
    from wagtail.models import Site

    settings = CatalogueSettings.for_site(Site.objects.get(is_default_site=True))
    settings.publisher_name = "Exempelkommun"
    settings.organisation_number = "212000-9999"
    settings.contact_email = "oppnadata@example.se"
    settings.licence = "cc-by-4.0"
    settings.save()
    _response, graph = catalogue(visitor)
    text = graph.serialize(format="turtle")
    assert '"212000-9999"' in text and "mailto:oppnadata@example.se" in text
    licences = set(graph.objects(None, ns.DCTERMS.license))
    assert licences == {URIRef("http://creativecommons.org/licenses/by/4.0/")}
    conforms, _graph, report = validate(graph, shacl_graph=Graph().parse(SHAPES), inference="none")
    assert conforms, report


def test_a_plan_left_out_in_the_settings_is_not_in_the_catalogue_or_the_api(demo_plans, visitor):
    from wagtail.models import Site

    plan = next(iter(demo_plans.values()))
    settings = CatalogueSettings.for_site(Site.objects.get(is_default_site=True))
    settings.left_out.add(plan)
    _response, graph = catalogue(visitor)
    assert len(datasets(graph)) == len(demo_plans) - 1
    assert URIRef(plan.get_full_url() + "#dataset") not in datasets(graph)
    assert visitor.get(f"/data/v1/plans/{plan.plan_key}.json").status_code == 404
    assert plan.plan_key not in [
        p["key"] for p in visitor.get("/data/v1/plans.json").json()["plans"]
    ]
    assert visitor.get(plan.url).status_code == 200  # the page stays public


def test_a_publication_changes_modified_title_and_etag_on_the_next_request_from_the_page_cache(
    demo_plans, visitor, page_cache_on
):
    changed, unchanged = list(demo_plans.values())[:2]

    def read():
        first = visitor.get("/data/catalog.ttl")
        again = visitor.get("/data/catalog.ttl")
        assert again["X-Page-Cache"] == "hit"
        graph = Graph().parse(data=again.content, format="turtle")
        plans = {}
        for plan in (changed, unchanged):
            dataset = URIRef(plan.get_full_url() + "#dataset")
            plans[plan.pk] = (
                str(graph.value(dataset, ns.DCTERMS.modified)),
                {str(t) for t in graph.objects(dataset, ns.DCTERMS.title)},
            )
        api = {
            plan.pk: visitor.get(f"/data/v1/plans/{plan.plan_key}.json")
            for plan in (changed, unchanged)
        }
        return first["ETag"], plans, {pk: (r["ETag"], r["Last-Modified"]) for pk, r in api.items()}

    visitor.get("/data/catalog.ttl")  # the first read makes the site's settings row: a change
    etag, plans, api = read()
    assert read() == (etag, plans, api)  # cached and unchanged
    changed.title = "Ny titel på planen"
    changed.save_revision().publish()
    etag_after, plans_after, api_after = read()
    assert etag_after != etag
    assert plans_after[changed.pk][0] > plans[changed.pk][0]
    assert "Ny titel på planen" in plans_after[changed.pk][1]
    assert api_after[changed.pk] != api[changed.pk]
    assert plans_after[unchanged.pk] == plans[unchanged.pk]
    assert api_after[unchanged.pk] == api[unchanged.pk]


def test_a_draft_is_not_in_the_catalogue_or_the_api(demo_plans, visitor):
    plan = next(iter(demo_plans.values()))
    plan.title = "Utkast som ingen har godkänt"
    plan.save_revision()
    assert "Utkast som ingen" not in visitor.get("/data/catalog.ttl").content.decode()
    assert (
        "Utkast som ingen"
        not in visitor.get(f"/data/v1/plans/{plan.plan_key}.json").content.decode()
    )


def test_a_harvester_that_has_the_catalogue_gets_304(demo_plans, visitor):
    response = visitor.get("/data/catalog.ttl")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public" in response["Cache-Control"]
    assert not response.cookies
    again = visitor.get("/data/catalog.ttl", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    since = visitor.get("/data/catalog.ttl", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert since.status_code == 304


@pytest.mark.parametrize(
    "accept, status, location",
    [
        ("text/turtle", 303, "/data/catalog.ttl"),
        ("application/ld+json", 303, "/data/catalog.jsonld"),
        ("application/rdf+xml;q=1.0", 303, "/data/catalog.rdf"),
        ("*/*", 303, "/data/catalog.ttl"),
        ("image/png", 406, None),
    ],
)
def test_the_catalogue_address_negotiates_the_format(home_page, visitor, accept, status, location):
    response = visitor.get("/data/catalog", HTTP_ACCEPT=accept)
    assert response.status_code == status
    if location:
        assert response["Location"] == location


@pytest.mark.parametrize(
    "url",
    [
        "/data/catalog.xml",
        "/data/catalog.ttl.php",
        "/data/catalog.",
        "/data/v9/plans.json",
        "/data/v1/plans/nej.json",
        "/data/v1/plans/%00.json",
        "/data/v2/plan.schema.json",
        "/data/v1/plans/x/measures.json?status=done",
    ],
)
def test_unknown_formats_versions_and_plans_are_404_not_500(home_page, visitor, url):
    assert visitor.get(url).status_code == 404


def test_the_catalogue_is_linked_from_every_page(plan_index, visitor):
    html = visitor.get("/sv/").content.decode()
    assert 'rel="alternate" type="text/turtle" href="/data/catalog.ttl"' in html


def test_a_harvester_gets_304_from_the_page_cache_too(demo_plans, visitor, page_cache_on):
    visitor.get("/data/catalog.ttl")  # makes the site's settings row
    stored = visitor.get("/data/catalog.ttl")
    assert stored["X-Page-Cache"] == "miss"
    again = visitor.get("/data/catalog.ttl", HTTP_IF_NONE_MATCH=stored["ETag"])
    assert again["X-Page-Cache"] == "hit"
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == stored["ETag"]
    since = visitor.get("/data/catalog.ttl", HTTP_IF_MODIFIED_SINCE=stored["Last-Modified"])
    assert since.status_code == 304
    assert visitor.get("/data/catalog.ttl", HTTP_IF_NONE_MATCH='"other"').status_code == 200
