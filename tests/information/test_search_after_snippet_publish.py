"""Site search reads a page with the helplines, services and glossary terms it shows
(``multilingual.search_words``): when one of them is published with a new name or
number, the pages that show it must be found by the new words at once, not after the next
``update_index``. Only those pages are indexed again: one publish must not index the
whole site."""

import pytest
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from tests.helpers.html import select

pytestmark = pytest.mark.django_db


def _urls(client, code, query):
    response = client.get(f"/{code}/sok/", {"q": query})
    return [link["href"] for link in select(response, "ul.search-results > li > a:first-child")]


@pytest.fixture
def indexed_pages(search_index, monkeypatch):
    """The pages the search backend is asked to index from now on (the real backend still
    indexes them: this only listens)."""
    # The project's backend makes a class per instance (multilingual.search_backend):
    # listen on the database backend's class that defines indexing.
    backend_class = next(cls for cls in type(get_search_backend()).__mro__ if "add" in vars(cls))
    seen = []
    add, add_bulk = vars(backend_class)["add"], backend_class.add_bulk

    def listening_add(self, obj):
        if isinstance(obj, Page):
            seen.append(obj.pk)
        return add(self, obj)

    def listening_add_bulk(self, model, objs):
        objs = list(objs)
        seen.extend(obj.pk for obj in objs if isinstance(obj, Page))
        return add_bulk(self, model, objs)

    monkeypatch.setattr(backend_class, "add", listening_add)
    monkeypatch.setattr(backend_class, "add_bulk", listening_add_bulk)
    return seen


def _terrafem():
    from information.models import Helpline

    return Helpline.objects.get(name="Terrafem", locale__language_code="sv")


def _pages_whose_search_text_has(word, language=None):
    pages = Page.objects.live().specific()
    if language:
        pages = pages.filter(locale__language_code=language)
    return {
        page.pk for page in pages if hasattr(page, "snippet_text") and word in page.snippet_text()
    }


def test_a_somali_search_finds_a_helpline_name_right_after_its_somali_translation_is_published(
    shared_support_site, indexed_pages, client_for
):
    somali = _terrafem().copy_for_translation(Locale.objects.get(language_code="so"))
    somali.name = "Terrafem khadka caawimaadda"
    somali.save()
    assert _urls(client_for, "so", "caawimaadda") == []  # a draft is not shown

    somali.save_revision().publish()

    urls = _urls(client_for, "so", "caawimaadda")
    assert any(url.startswith("/so/stod/") for url in urls), urls
    # Only the Somali pages that show Terrafem were indexed again.
    showing = _pages_whose_search_text_has("caawimaadda")
    assert (
        showing
        and Page.objects.filter(pk__in=showing).exclude(locale__language_code="so").count() == 0
    )
    assert set(indexed_pages) == showing


def test_a_new_swedish_number_is_found_in_somali_at_once_and_only_pages_that_show_it_are_indexed(
    shared_support_site, indexed_pages, client_for
):
    terrafem = _terrafem()
    terrafem.phone_number = "020-52 77 66"
    terrafem.save_revision().publish()

    urls = _urls(client_for, "so", "77")
    assert any(url.startswith("/so/stod/") for url in urls), urls
    showing = _pages_whose_search_text_has("020-52 77 66")
    assert Page.objects.filter(pk__in=showing, locale__language_code="so").exists()
    assert set(indexed_pages) == showing
    assert len(showing) < Page.objects.live().count() / 2  # not the whole site


def test_a_glossary_term_published_in_somali_is_found_on_the_somali_glossary(
    shared_support_site, indexed_pages, client_for
):
    from information.models import GlossaryTerm

    swedish = GlossaryTerm.objects.filter(locale__language_code="sv", live=True).first()
    somali = GlossaryTerm.objects.filter(
        translation_key=swedish.translation_key, locale__language_code="so"
    ).first()
    if somali is None:
        somali = swedish.copy_for_translation(Locale.objects.get(language_code="so"))
    somali.term = "ereyga-cusub-tijaabo"
    somali.save()
    somali.save_revision().publish()

    urls = _urls(client_for, "so", "tijaabo")
    assert any(url.startswith("/so/stod/") for url in urls), urls
    assert all(Page.objects.get(pk=pk).locale.language_code == "so" for pk in indexed_pages)
