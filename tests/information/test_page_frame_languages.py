"""The language switcher and hreflang on the extension's pages in a host's unchanged base
template (issue 22, finding 2): ``information.frame`` adds them, with the rules of
``information.visitors``: a private page is in no hreflang, and a language whose page is
a fallback (the Swedish text at ``/pl/…``) is not announced as that language.

The host's base template here is the one Wagtail 8's ``wagtail start`` writes, made from
Wagtail's own project template as ``wagtail start`` makes it."""

from pathlib import Path

import pytest
import wagtail
from wagtail.models import PageViewRestriction

from tests.helpers.html import one, positions, select
from tests.information.visitor_trees import build, small_site

pytestmark = pytest.mark.django_db

WAGTAIL_START_BASE = (
    Path(wagtail.__file__).parent / "project_template" / "project_name" / "templates" / "base.html"
)


@pytest.fixture
def pages(migrated_roots, host_base, client):
    """A support section in sv (translated into en, an alias in pl) with a page translated
    into English and an alias in Polish, and a page translated into both."""
    client.defaults["HTTP_HOST"] = "localhost"
    index = small_site()
    made = build(
        index,
        [
            ("live", {"en": "translated", "pl": "alias"}),
            ("live", {"en": "translated", "pl": "translated"}),
        ],
    )
    return [slug for slug, _key in made]


def hreflang(html):
    return {
        link["hreflang"]: link["href"]
        for link in select(html, "head link[rel~=alternate][hreflang]")
    }


def switcher(html):
    """The switcher's languages: {code: address}, the current one with None."""
    nav = one(html, "nav.language-switcher")
    links = {link["hreflang"]: link["href"] for link in select(nav, "a[href][hreflang]")}
    links.update({span["lang"]: None for span in select(nav, 'span[aria-current="true"][lang]')})
    return links


def test_a_support_page_in_a_host_names_its_language_versions_in_head_and_in_a_switcher(
    pages, client
):
    html = client.get(f"/sv/stod/{pages[1]}/").content.decode()
    assert "css/hostsite.css" in html, "framed by the host's own base template"
    assert hreflang(html) == {
        "sv": f"http://localhost/sv/stod/{pages[1]}/",
        "en": f"http://localhost/en/stod/{pages[1]}/",
        "pl": f"http://localhost/pl/stod/{pages[1]}/",
        "x-default": f"http://localhost/sv/stod/{pages[1]}/",
    }
    assert switcher(html) == {
        "sv": None,
        "en": f"/en/stod/{pages[1]}/",
        "pl": f"/pl/stod/{pages[1]}/",
    }
    order = positions(html, "body [data-quick-exit]", "body nav.language-switcher", "body h1")
    assert order == sorted(order), "the quick exit first, then the switcher, then the page"
    assert html.count('class="language-switcher"') == 1 and html.count('hreflang="x-default"') == 1


def test_a_language_that_shows_the_swedish_page_as_a_fallback_is_not_announced_as_that_language(
    pages, client
):
    html = client.get(f"/pl/stod/{pages[0]}/").content.decode()
    assert "Svensk sida 0" in html and '<html lang="pl" dir="ltr">' in html
    assert set(hreflang(html)) == {"sv", "en", "x-default"}
    assert hreflang(html)["sv"] == f"http://localhost/sv/stod/{pages[0]}/"
    # The visitor reads Polish prefixes: the switcher offers the two real versions, and
    # none as the current one (the text is not Polish).
    assert switcher(html) == {"sv": f"/sv/stod/{pages[0]}/", "en": f"/en/stod/{pages[0]}/"}


def test_a_private_page_in_a_host_is_in_no_hreflang(pages, client):
    from information.models import SupportPage

    page = SupportPage.objects.get(slug=pages[1], locale__language_code="sv")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    client.post(
        f"/en/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": "hemligt", "return_url": f"/en/stod/{pages[1]}/"},
    )
    html = client.get(f"/en/stod/{pages[1]}/").content.decode()
    assert "EN sida 1" in html
    assert hreflang(html) == {}


def test_the_section_page_in_a_host_has_the_switcher_and_hreflang(pages, client):
    html = client.get("/en/stod/").content.decode()
    assert "css/hostsite.css" in html
    assert set(hreflang(html)) == {"sv", "en", "x-default"}, "pl is an alias: the Swedish section"
    assert switcher(html) == {"en": None, "sv": "/sv/stod/"}
