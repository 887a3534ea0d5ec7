"""Property-based: no address or parameter a visitor can send makes a public page answer 500.

Hypothesis draws paths, language prefixes, filter and search parameters and export
addresses (HTML, CSV, JSON, PDF) against the demo site, at least 500 examples per
strategy. Every response must be below 500; a server error would raise in the test
client and fail with the example that caused it. PDF strategies aim mostly at the cheap
error paths (unknown plan, language, extra segments): rendering a PDF takes seconds, and
``test_plan_pdf_ignores_hostile_query_parameters`` covers the rendering once.
"""

import pytest
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from multilingual.languages import LANGUAGES

pytestmark = pytest.mark.django_db

EXAMPLES = settings(
    max_examples=500,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
CODES = [code for code, _name in LANGUAGES]
#: Language prefixes: the real ones, near misses and nonsense.
prefixes = st.one_of(
    st.sampled_from(CODES),
    st.sampled_from(["", "SV", "sv-se", "xx", "zh-hans", "ar-", "..", "%2e%2e", "en_GB"]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=6),
)
#: A path segment: words of the site, numbers, traversal, unicode, percent escapes.
segments = st.one_of(
    st.sampled_from(
        [
            "stod",
            "planer",
            "atgarder",
            "csv",
            "json",
            "pdf",
            "utskrift",
            "uppfoljning",
            "broschyrer",
            "organisationer",
            "..",
            ".",
            "%00",
            "%2F",
            "-1",
            "0",
            "999999999999999999999",
        ]
    ),
    st.from_regex(r"[a-z0-9\-]{1,30}", fullmatch=True),
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]),
        min_size=1,
        max_size=20,
    ),
)
#: Values of query parameters: empty, long, unicode, control characters, numbers.
values = st.one_of(
    st.just(""),
    st.text(max_size=300, alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"])),
    st.integers().map(str),
    st.sampled_from(
        [
            "universal",
            "selective",
            "indicated",
            "ongoing",
            "done",
            "lead",
            "co",
            "children",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "%",
            "\x00",
            "1e309",
            "NaN",
        ]
    ),
)
FILTER_NAMES = [
    "q",
    "organisation",
    "role",
    "prevention_level",
    "status",
    "target_group",
    "focus_area",
    "year",
    "page",
    "format",
    "lang",
]
params = st.dictionaries(
    st.one_of(st.sampled_from(FILTER_NAMES), st.text(max_size=10)), values, max_size=6
)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, request):
    """The whole demo (plans and support pages, what ``load_demo`` makes, copied from its
    template in tests/helpers/demo_template.py), put in once and rolled back at the end."""
    from plans.models import PlanPage
    from tests.helpers import demo_template

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            demo_template.use("load_demo", request)
            plans = [
                page.url
                for page in PlanPage.objects.live().filter(
                    locale__language_code__in=["sv", "en", "ar"]
                )
            ]
            yield {"plans": plans}
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _get(path, query=None):
    response = Client(HTTP_HOST="localhost").get(path, query or {})
    assert response.status_code < 500, (path, query)
    return response


@EXAMPLES
@given(prefix=prefixes, parts=st.lists(segments, max_size=5), query=params, slash=st.booleans())
def test_any_path_under_any_language_prefix_answers_below_500(demo, prefix, parts, query, slash):
    path = "/" + "/".join([prefix, *parts]) + ("/" if slash else "")
    _get(path, query)


@EXAMPLES
@given(
    data=st.data(),
    query=params,
    view=st.sampled_from(["", "atgarder/", "uppfoljning/", "organisationer/"]),
)
def test_plan_pages_with_any_filter_or_search_answer_below_500(demo, data, query, view):
    plan = data.draw(st.sampled_from(demo["plans"]))
    if view == "organisationer/":
        plan = plan.rstrip("/").rsplit("/", 1)[0] + "/"
    _get(plan + view, query)


@EXAMPLES
@given(data=st.data(), query=params, export=st.sampled_from(["atgarder/csv/", "atgarder/json/"]))
def test_csv_and_json_exports_with_any_filter_answer_below_500(demo, data, query, export):
    plan = data.draw(st.sampled_from(demo["plans"]))
    response = _get(plan + export, query)
    if response.status_code == 200:
        assert response["Content-Type"].split(";")[0] in {"text/csv", "application/json"}


@EXAMPLES
@given(
    data=st.data(),
    plan_suffix=st.one_of(st.sampled_from(["x", "-", "%20", "/..", "2"]), segments),
    tail=st.lists(segments, min_size=1, max_size=3),
    query=params,
)
def test_pdf_addresses_answer_below_500(demo, data, plan_suffix, tail, query):
    """Plan and brochure PDF addresses with an unknown plan, language or extra segment."""
    which = data.draw(st.sampled_from(["plan", "brochure"]))
    if which == "plan":
        plan = data.draw(st.sampled_from(demo["plans"]))
        path = (
            plan.rstrip("/") + plan_suffix + "/pdf/"
            if data.draw(st.booleans())
            else plan + "pdf/" + "/".join(tail) + "/"
        )
    else:
        code = data.draw(st.one_of(st.sampled_from(["xx", "SV", "", "..", "sv-x"]), segments))
        path = f"/sv/stod/broschyrer/{data.draw(segments)}/pdf/{code}/"
    _get(path, query)


@settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(query=params)
def test_plan_pdf_ignores_hostile_query_parameters(demo, query):
    response = _get(demo["plans"][0] + "pdf/", query)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
