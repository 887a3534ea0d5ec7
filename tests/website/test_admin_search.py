"""Every admin listing can be searched, on SQLite as on PostgreSQL, and finds parts of words.

An editor looks for "Kvinnofridslinjen" in the helplines or "nämnd" in the organisations:
the listing (and its results fragment, which the search box fetches as one types) answers
200 with the row, never a server error.
"""

import pytest
from wagtail.models import Locale

from tests.helpers.search import build_search_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture(scope="module")
def searchable_content(shared_support_site, django_db_blocker):
    """The demo support section and one row of every snippet the admin lists, put in once
    for the module, inside the transaction ``shared_support_site`` rolls back at its end
    (the tests only read)."""
    with django_db_blocker.unblock():
        _load()


def _load():
    from information.models import Brochure, GlossaryTerm
    from plans.models import Organisation

    swedish = Locale.objects.get(language_code="sv")
    Organisation.objects.create(key="sn", name="Socialnämnden", short_name="SN", locale=swedish)
    Organisation.objects.create(key="kf", name="Kommunfullmäktige", locale=swedish)
    if not GlossaryTerm.objects.filter(term="Kontaktförbud").exists():
        GlossaryTerm.objects.create(
            term="Kontaktförbud",
            slug="kontaktforbud",
            definition="<p>Ett förbud.</p>",
            locale=swedish,
        )
    if not Brochure.objects.filter(title__startswith="Stöd").exists():
        Brochure.objects.create(title="Stöd vid våld", slug="stod-vid-vald", locale=swedish)
    _pages(swedish)
    build_search_index()  # the tests only read: no need to keep it up to date


def _pages(swedish):
    """A focus area named as the demo plans name theirs, and a support page whose body has a
    word no demo page has ("bankkonto")."""
    from information.models import SupportIndexPage, SupportPage
    from plans.models import FocusAreaPage, PlanIndexPage, PlanPage
    from website.models import HomePage

    home = HomePage.objects.get(locale=swedish)
    plans = home.add_child(
        instance=PlanIndexPage(title="Handlingsplaner", slug="handlingsplaner", locale=swedish)
    )
    plan = plans.add_child(instance=PlanPage(title="Plan mot våld", slug="plan", locale=swedish))
    plan.add_child(
        instance=FocusAreaPage(
            title="Att alla som arbetar i socialnämndens verksamheter ska ha kunskap om våld",
            slug="kunskap",
            locale=swedish,
        )
    )
    section = SupportIndexPage.objects.get(locale=swedish, alias_of__isnull=True)
    section.add_child(
        instance=SupportPage(
            title="Ekonomiskt våld",
            slug="ekonomiskt-vald",
            locale=swedish,
            easy_read="<p>Du har rätt till ett eget bankkonto.</p>",
        )
    )


# (listing, query, a row that must be found, a row that must not)
SNIPPET_SEARCHES = [
    ("information/helpline", "Kvinnofridslinjen", "Kvinnofridslinjen", "Terrafem"),
    ("information/helpline", "kvinnofrid", "Kvinnofridslinjen", "Terrafem"),
    ("information/localservice", "Kvinnojour", "Kvinnojouren", "Ungdomsmottagningen"),
    ("information/brochure", "Stöd", "Stöd", None),
    ("information/glossaryterm", "kontakt", "Kontaktförbud", None),
    ("plans/organisation", "Socialnämnden", "Socialnämnden", "Kommunfullmäktige"),
    ("plans/organisation", "nämnd", "Socialnämnden", "Kommunfullmäktige"),
]


@pytest.mark.parametrize(("listing", "query", "expected", "unexpected"), SNIPPET_SEARCHES)
@pytest.mark.parametrize("results_only", [False, True], ids=["listing", "results"])
def test_searching_a_snippet_listing_finds_the_row(
    searchable_content, admin_client, listing, query, expected, unexpected, results_only
):
    url = f"/admin/snippets/{listing}/{'results/' if results_only else ''}"
    response = admin_client.get(url, {"q": query, "locale": "sv"})
    assert response.status_code == 200
    html = response.content.decode()
    assert expected in html
    if unexpected:
        assert unexpected not in html


def test_every_registered_snippet_listing_is_searchable(searchable_content, admin_client):
    """A snippet added later without a search setup is caught here, not by an editor."""
    from wagtail.snippets.models import get_snippet_models

    for model in get_snippet_models():
        url = f"/admin/snippets/{model._meta.app_label}/{model._meta.model_name}/"
        response = admin_client.get(url, {"q": "a"})
        assert response.status_code == 200, url
        assert 'name="q"' in response.content.decode(), f"{url} has no search box"


def test_page_search_finds_a_page_by_part_of_a_word(searchable_content, admin_client):
    response = admin_client.get("/admin/pages/search/", {"q": "Broschyr"})
    assert response.status_code == 200
    assert "Broschyrer" in response.content.decode()
    partial = admin_client.get("/admin/pages/search/", {"q": "Brosch"})
    assert partial.status_code == 200
    assert "Broschyrer" in partial.content.decode()


# (query, a title that must be found): part of a word of a title, and words (whole or the
# start or the middle of one) of the text of a page or of a helpline card shown on it.
PAGE_SEARCHES = [
    ("nämnd", "socialnämndens verksamheter"),
    ("socialnämnd", "socialnämndens verksamheter"),
    ("Kvinnofrid", "Om du utsätts för våld"),
    ("tystnadsplikt", "Om du utsätts för våld"),
    ("bankkonto", "Ekonomiskt våld"),
    ("konto", "Ekonomiskt våld"),
]


@pytest.mark.parametrize(("query", "expected"), PAGE_SEARCHES)
@pytest.mark.parametrize("results_only", [False, True], ids=["listing", "results"])
def test_page_search_finds_part_of_a_word_in_titles_and_text(
    searchable_content, admin_client, query, expected, results_only
):
    url = "/admin/pages/search/results/" if results_only else "/admin/pages/search/"
    assert expected in _every_result_page(admin_client, url, query), query


def _every_result_page(admin_client, url, query):
    """The HTML of every page of results (each language's copy of a page is a result)."""
    pages = []
    for number in range(1, 20):
        response = admin_client.get(url, {"q": query, "p": number})
        assert response.status_code == 200
        pages.append(response.content.decode())
        if f"p={number + 1}" not in pages[-1]:
            break
    return "".join(pages)


def test_the_organisation_chooser_finds_part_of_a_compound_word(searchable_content, admin_client):
    response = admin_client.get(
        "/admin/snippets/choose/plans/organisation/", {"q": "nämnd", "locale": "sv"}
    )
    assert response.status_code == 200
    html = response.json()["html"]
    assert "Socialnämnden" in html
    assert "Kommunfullmäktige" not in html


# Listings and choosers an editor searches; a query may start with a double quote
# (copied from a text, or "exact phrase" habits) or hold other signs the full-text
# backends give a meaning.
SEARCHED_URLS = [
    "/admin/snippets/plans/organisation/",
    "/admin/snippets/plans/organisation/results/",
    "/admin/snippets/information/helpline/",
    "/admin/snippets/information/helpline/results/",
    "/admin/snippets/information/localservice/",
    "/admin/snippets/information/localservice/results/",
    "/admin/snippets/information/brochure/",
    "/admin/snippets/information/glossaryterm/",
    "/admin/images/",
    "/admin/images/results/",
    "/admin/documents/",
    "/admin/pages/search/",
    "/admin/pages/search/results/",
    "/admin/snippets/choose/information/helpline/",
    "/admin/snippets/choose/information/helpline/results/",
    "/admin/snippets/choose/plans/organisation/",
    "/admin/choose-page/search/",
    "/admin/images/chooser/results/",
]
AWKWARD_QUERIES = [
    '"Kvinno',
    'Kvinno"',
    '"Kvinno fri',
    "'Kvinno",
    "Kvinno*",
    "(Kvinno",
    "Kvinno OR",
    "NOT",
    "-Kvinno",
    "^Kvinno",
    "Kvinno:",
    "a\\b",
    "{Kvinno}",
]


@pytest.mark.parametrize("url", SEARCHED_URLS)
def test_a_search_with_quotes_or_operators_never_fails(searchable_content, admin_client, url):
    for query in AWKWARD_QUERIES:
        response = admin_client.get(url, {"q": query})
        assert response.status_code == 200, (url, query)


def test_a_search_starting_with_a_quote_still_finds_the_row(searchable_content, admin_client):
    response = admin_client.get(
        "/admin/snippets/information/helpline/", {"q": '"Kvinno', "locale": "sv"}
    )
    assert "Kvinnofridslinjen" in response.content.decode()
    assert "Om du utsätts för våld" in _every_result_page(
        admin_client, "/admin/pages/search/", '"tystnadsplikt"'
    )
