"""Every admin listing can be searched, on SQLite as on PostgreSQL, and finds parts of words.

An editor looks for "Kvinnofridslinjen" in the helplines or "nämnd" in the organisations:
the listing (and its results fragment, which the search box fetches as one types) answers
200 with the row, never a server error.
"""

import pytest
from django.db import transaction
from wagtail.models import Locale

from tests.helpers.search import build_search_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture(scope="module")
def searchable_content(django_db_setup, django_db_blocker):
    """The demo support section and one row of every snippet the admin lists, loaded once
    for the module and rolled back at its end (the tests only read)."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            _load()
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _load():
    from information.models import Brochure, GlossaryTerm
    from plans.models import Organisation
    from website.demo import information, site

    site.load()
    information.load()
    swedish = Locale.objects.get(language_code="sv")
    Organisation.objects.create(key="sn", name="Socialnämnden", short_name="SN", locale=swedish)
    Organisation.objects.create(key="kf", name="Kommunfullmäktige", locale=swedish)
    if not GlossaryTerm.objects.filter(term="Kontaktförbud").exists():
        GlossaryTerm.objects.create(term="Kontaktförbud", slug="kontaktforbud", definition="<p>Ett förbud.</p>", locale=swedish)
    if not Brochure.objects.filter(title__startswith="Stöd").exists():
        Brochure.objects.create(title="Stöd vid våld", slug="stod-vid-vald", locale=swedish)
    build_search_index()  # the tests only read: no need to keep it up to date


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
def test_searching_a_snippet_listing_finds_the_row(searchable_content, admin_client, listing, query, expected, unexpected, results_only):
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


def test_the_organisation_chooser_finds_part_of_a_compound_word(searchable_content, admin_client):
    response = admin_client.get("/admin/snippets/choose/plans/organisation/", {"q": "nämnd", "locale": "sv"})
    assert response.status_code == 200
    html = response.json()["html"]
    assert "Socialnämnden" in html
    assert "Kommunfullmäktige" not in html
