"""Site search finds help in every language: the helplines, local services and glossary
terms a page shows, the home page's text, and other forms of a word where the language
has a stemmer (Snowball's, on SQLite and PostgreSQL alike). Nothing behind a password is
ever listed, in any language."""

import pytest

from tests.helpers.html import one, select, texts

pytestmark = pytest.mark.django_db


def _urls(client, code, query):
    response = client.get(f"/{code}/sok/", {"q": query})
    assert response.status_code == 200
    return [link["href"] for link in select(response, "ul.search-results > li > a:first-child")]


@pytest.mark.parametrize(
    ("code", "query", "expected"),
    [
        # A helpline card (a snippet chosen in a block) is part of the page that shows it.
        ("sv", "Terrafem", "/sv/stod/utsatt-for-vald/"),
        ("ar", "Terrafem", "/ar/stod/"),
        ("so", "Terrafem", "/so/stod/"),
        # A glossary term: on the glossary page and on the page that explains it.
        ("sv", "kontaktförbud", "/sv/stod/ordlista/"),
        ("sv", "kontaktförbud", "/sv/stod/utsatt-for-vald/"),
        # The home page's text.
        ("so", "carruurta", "/so/"),
    ],
)
def test_search_finds_what_a_page_shows(shared_search_index, client_for, code, query, expected):
    urls = _urls(client_for, code, query)
    assert any(url.startswith(expected) for url in urls), (code, query, urls)
    assert all(url.startswith(f"/{code}/") for url in urls), urls


@pytest.mark.parametrize(
    ("code", "query", "number"),
    [
        ("sv", "1177", "1177"),
        ("sv", "Terrafem", "020-52 10 10"),
        ("ar", "Terrafem", "020-52 10 10"),
        ("so", "terrafem", "020-52 10 10"),
    ],
)
def test_search_gives_the_number_of_a_helpline_it_names(
    shared_search_index, client_for, code, query, number
):
    response = client_for.get(f"/{code}/sok/", {"q": query})
    helplines = one(response, 'section[aria-labelledby="search-helplines-heading"]')
    assert number in texts(helplines, 'span.helpline__number[dir="ltr"]')


# (language, a word of the demo home page's text in another form than the page writes it
# (or as written where Snowball has no stemmer for the language), the home page's address)
HOME_PAGE_WORDS = [
    ("sv", "handlingsplan"),  # "handlingsplaner"
    ("en", "relationship"),  # "relationships"
    ("ar", "عنف"),  # "العنف": without the article
    ("fa", "کودک"),  # "کودکان"
    ("fi", "väkivalta"),  # "väkivaltaa"
    ("pl", "planami"),  # "plany"
    ("ru", "насилием"),  # "насилию"
    ("tr", "şiddeti"),  # "şiddete"
    ("bs", "osobama"),  # "osobe"
    ("es", "violencias"),  # "violencia"
    ("so", "carruurta"),  # no stemmer: as written
    ("ti", "ዓመጽ"),
    ("ckb", "توندوتیژی"),
    ("uk", "насильства"),
]


@pytest.mark.parametrize(("code", "query"), HOME_PAGE_WORDS)
def test_each_language_finds_its_home_page_by_a_word_in_any_form(
    shared_search_index, client_for, code, query
):
    assert f"/{code}/" in _urls(client_for, code, query), (code, query)


def test_an_arabic_word_without_the_article_finds_what_the_word_with_it_finds(
    shared_search_index, client_for
):
    with_article = set(_urls(client_for, "ar", "العنف"))
    without = set(_urls(client_for, "ar", "عنف"))
    assert with_article
    assert with_article <= without


@pytest.fixture
def restricted_relatives_page(shared_support_site, search_index):
    """The Swedish page for relatives, renamed and behind a password (its aliases in the
    languages without their own pages carry its text)."""
    from wagtail.models import PageViewRestriction

    from information.models import SupportPage

    page = SupportPage.objects.get(locale__language_code="sv", slug="anhoriga")
    page.title = "Anhöriga Privatord"
    page.save_revision().publish()
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    return page


@pytest.mark.parametrize("code", ["sv", "tr", "ti", "pl", "ar", "en"])
def test_search_never_lists_a_page_behind_a_password_in_any_language(
    restricted_relatives_page, client_for, code
):
    assert _urls(client_for, code, "Privatord") == []
    assert not any("/stod/anhoriga/" in url for url in _urls(client_for, code, "Anhöriga anhörig"))
