"""Which page answers an address is worked out once per publication
(``website.middleware.KnownRouteMiddleware``): a second visit does not walk the page tree
again, and whatever a publication changes (an address, a page taken down, a view
restriction) shows on the very next request."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

SUPPORT_PAGE = "/sv/stod/utsatt-for-vald/"
#: Wagtail's routing looks for each level's child by its slug: a query per level.
TREE_WALK = '"wagtailcore_page"."slug" ='


@pytest.fixture
def visitor():
    return Client(HTTP_HOST="localhost")


def visit(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, [q["sql"] for q in captured.captured_queries]


def swedish_page(slug):
    from information.models import SupportPage

    return SupportPage.objects.get(slug=slug, locale__language_code="sv")


@pytest.mark.parametrize(
    "url",
    [
        "/sv/",
        SUPPORT_PAGE,
        "/ar/stod/utsatt-for-vald/",
        "/sv/stod/broschyrer/",
        "/sv/stod/broschyrer/stod-vid-vald/",  # a brochure: a sub-address of a routable page
    ],
)
def test_a_second_visit_finds_the_page_without_walking_the_tree(shared_support_site, visitor, url):
    first, first_queries = visit(visitor, url)
    second, second_queries = visit(visitor, url)
    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert second.context["page"].pk == first.context["page"].pk
    if url != "/sv/":  # the home page is the site's root: no level to walk
        assert any(TREE_WALK in sql for sql in first_queries)
    assert not any(TREE_WALK in sql for sql in second_queries)
    assert len(second_queries) < len(first_queries)


def test_a_page_shown_in_swedish_for_want_of_a_translation_is_routed_afresh(
    shared_support_site, visitor
):
    """The support section's own routing picks the Swedish page for a Somali visitor: it
    is not the page at that address, so nothing is kept and the fallback stays a fallback."""
    url = "/so/stod/barn-och-unga/"
    first, _ = visit(visitor, url)
    second, second_queries = visit(visitor, url)
    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert second.context["page"].pk == swedish_page("barn-och-unga").pk
    assert 'class="language-notice" lang="so"' in second.content.decode()
    assert any(TREE_WALK in sql for sql in second_queries)


def test_a_page_taken_down_is_gone_on_the_next_request(shared_support_site, visitor):
    from information.models import SupportPage

    swedish = swedish_page("utsatt-for-vald")
    assert visitor.get(SUPPORT_PAGE).context["page"].pk == swedish.pk
    assert visitor.get(SUPPORT_PAGE).context["page"].pk == swedish.pk  # now known
    swedish.unpublish()
    # Taken down in Swedish is down at its address (information.visitors, rule 3): the
    # English translation does not stand in, and nothing kept from before answers.
    assert visitor.get(SUPPORT_PAGE).status_code == 404
    assert SupportPage.objects.get(
        translation_key=swedish.translation_key, locale__language_code="en"
    ).live


def test_a_new_address_answers_and_the_old_one_no_longer_shows_the_page(
    shared_support_site, visitor
):
    page = swedish_page("utsatt-for-vald")
    assert visitor.get(SUPPORT_PAGE).status_code == 200
    assert visitor.get(SUPPORT_PAGE).status_code == 200
    page.slug = "vald-i-nara-relationer"
    page.save_revision().publish()

    moved = visitor.get("/sv/stod/vald-i-nara-relationer/")
    assert moved.status_code == 200 and moved.context["page"].pk == page.pk
    old = visitor.get(SUPPORT_PAGE)
    # Wagtail leaves a redirect from the old address, or none: never the page itself.
    assert old.status_code in (301, 302, 404)
    if old.status_code != 404:
        assert old["Location"].endswith("/sv/stod/vald-i-nara-relationer/")


def test_a_password_set_on_a_page_asks_for_it_on_the_next_request(shared_support_site, visitor):
    from django.utils.html import strip_tags
    from wagtail.models import PageViewRestriction

    page = swedish_page("utsatt-for-vald")
    text = strip_tags(page.easy_read).split(".")[0]
    shown = visitor.get(SUPPORT_PAGE)
    assert shown.status_code == 200 and text in shown.content.decode()
    visitor.get(SUPPORT_PAGE)
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )

    html = visitor.get(SUPPORT_PAGE).content.decode()
    assert 'name="password"' in html
    assert text not in html


def test_each_request_gets_its_own_copy_of_the_page(shared_support_site, visitor):
    first = visitor.get(SUPPORT_PAGE).context["page"]
    second = visitor.get(SUPPORT_PAGE).context["page"]
    third = visitor.get(SUPPORT_PAGE).context["page"]
    assert first.pk == second.pk == third.pk
    assert second is not third
    # As Wagtail's routing leaves it: the parent is known without a query.
    with CaptureQueriesContext(connection) as captured:
        parent = third.get_parent()
    assert parent.slug == "stod" and not captured.captured_queries


def test_addresses_that_do_not_exist_are_not_kept_and_pages_are_kept_once(
    shared_support_site, visitor
):
    """A routable page accepts any slug below it (the brochure index: any brochure name),
    so made-up addresses must not fill each process's memory: only an address answered
    200 is kept, and the page once, however many addresses lead to it."""
    from multilingual import published

    for n in range(3):
        assert visitor.get(f"/sv/stod/broschyrer/finns-inte-{n}/").status_code == 404
    assert not [key for key in published._answers if "finns-inte" in repr(key)]

    for url in ("/sv/stod/broschyrer/", "/sv/stod/broschyrer/stod-vid-vald/"):
        assert visitor.get(url).status_code == 200
    index_pk = shared_support_site["brochures"].pk
    kept_pages = [
        key for key in published._answers if key[0] == "wagtail_route_page" and key[3] == index_pk
    ]
    assert len(kept_pages) == 1
