"""Property-based: no address, query or Accept header under /data/ makes the API answer 500."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

EXAMPLES = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
segments = st.one_of(
    st.sampled_from(
        [
            "catalog",
            "catalog.ttl",
            "catalog.rdf",
            "catalog.jsonld",
            "catalog.xml",
            "v1",
            "v0",
            "v2",
            "plans.json",
            "plans",
            "plan.schema.json",
            "plans.schema.json",
            "oppen",
            "oppen.json",
            "measures.json",
            "..",
            ".",
            "%00",
            "%2F",
            "-1",
            "0",
            "999999999999999999999",
        ]
    ),
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]),
        min_size=1,
        max_size=20,
    ),
)
accepts = st.one_of(
    st.sampled_from(
        ["", "*/*", "text/turtle", "application/ld+json;q=0.1, text/*", "image/png", "\x00", ";;;"]
    ),
    st.text(max_size=60, alphabet=st.characters(codec="latin-1", exclude_categories=["Cc"])),
)
queries = st.dictionaries(
    st.sampled_from(["status", "format", "lang", "q", "page"]), st.text(max_size=20), max_size=3
)


@given(path=st.lists(segments, min_size=1, max_size=4), accept=accepts, query=queries)
@EXAMPLES
def test_no_open_data_address_answers_500(oppen, path, accept, query):
    client = Client(HTTP_HOST="localhost", raise_request_exception=True)
    response = client.get("/data/" + "/".join(path), query, HTTP_ACCEPT=accept)
    assert response.status_code < 500
    assert not response.cookies


@pytest.fixture
def oppen(import_generated):
    return import_generated(2, key="oppen")


@given(
    accept=accepts,
    query=queries,
    suffix=st.sampled_from(
        [
            "v1/plans/oppen.json",
            "v1/plans/oppen/measures.json",
            "catalog",
            "catalog.ttl",
            "v1/plans.json",
        ]
    ),
)
@EXAMPLES
def test_the_real_addresses_never_answer_500_whatever_the_headers_and_query(
    oppen, accept, query, suffix
):
    client = Client(HTTP_HOST="localhost", raise_request_exception=True)
    response = client.get("/data/" + suffix, query, HTTP_ACCEPT=accept)
    assert response.status_code < 500
