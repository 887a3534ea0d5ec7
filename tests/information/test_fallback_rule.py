"""The fallback rule (information/visitors.py, the tree in information/fallback.py): one decision for routing, links, the
synchronised tree and both the creation and the deletion of a page, in the admin or in code."""

import re

import pytest
from django.utils import translation
from wagtail.actions import ConvertAliasPageAction
from wagtail.models import Locale, Page

from information import visitors
from information.models import SupportIndexPage, SupportPage, url_for_visitor
from multilingual.languages import SITE_LANGUAGES

pytestmark = pytest.mark.django_db

ALL_CODES = sorted(code for code, *_rest in SITE_LANGUAGES)


def locale(code):
    return Locale.objects.get(language_code=code)


def swedish_page(slug):
    return SupportPage.objects.get(locale__language_code="sv", slug=slug)


def test_a_support_page_created_in_code_gets_an_alias_in_every_language(
    shared_support_site, client_for
):
    """Before, only the admin's "after_create_page" hook made the aliases: a page made by
    a script or an import was missing from every other language's tree in the admin."""
    index = SupportIndexPage.objects.get(locale__language_code="sv")
    page = SupportPage(
        title="Stöd för äldre",
        slug="stod-for-aldre",
        locale=index.locale,
        easy_read="<p>Du som är äldre kan få hjälp.</p>",
    )
    index.add_child(instance=page)
    page.save_revision().publish()

    versions = Page.objects.filter(translation_key=page.translation_key)
    assert sorted(versions.values_list("locale__language_code", flat=True)) == ALL_CODES
    assert all(
        version.alias_of_id == page.pk and version.live for version in versions.exclude(pk=page.pk)
    )
    html = client_for.get("/so/stod/stod-for-aldre/").content.decode()
    assert "Du som är äldre kan få hjälp." in html and 'class="language-notice" lang="so"' in html


def test_a_translated_page_is_shown_as_it_is(shared_support_site):
    shown = visitors.for_visitor(swedish_page("barn-och-unga"), "ar")
    assert shown.page.locale.language_code == "ar" and not shown.is_fallback
    assert shown.url() == shown.page.url and shown.url().startswith("/ar/")


def test_an_alias_shows_the_swedish_page_at_the_visitors_own_address(shared_support_site):
    somali_alias = swedish_page("barn-och-unga").get_translation(locale("so"))
    shown = visitors.for_visitor(somali_alias, "so")
    assert shown.page.pk == swedish_page("barn-och-unga").pk
    assert shown.fallback_from == "so"
    assert shown.url() == "/so/stod/barn-och-unga/"


def test_a_draft_translation_counts_as_missing_and_keeps_the_address(
    shared_support_site, client_for
):
    somali = swedish_page("barn-och-unga").get_translation(locale("so"))
    ConvertAliasPageAction(somali).execute(skip_permission_checks=True)
    draft = Page.objects.get(pk=somali.pk)
    assert not draft.live and not draft.alias_of_id

    shown = visitors.for_visitor(draft, "so")
    assert shown.page.locale.language_code == "sv" and shown.fallback_from == "so"
    with translation.override("so"):
        assert url_for_visitor(swedish_page("barn-och-unga")) == "/so/stod/barn-och-unga/"
    html = client_for.get("/so/stod/barn-och-unga/").content.decode()
    assert re.search(r'<article class="support-content" lang="sv"', html)


def test_a_link_leads_under_the_visitors_prefix_even_without_an_alias(shared_support_site):
    """The address is built from the visitor's own section page, not by rewriting /sv/."""
    page = swedish_page("anhoriga")
    Page.objects.filter(translation_key=page.translation_key, locale=locale("pl")).delete()
    with translation.override("pl"):
        assert url_for_visitor(page) == "/pl/stod/anhoriga/"


def test_english_is_shown_when_the_swedish_page_is_gone(shared_support_site):
    page = swedish_page("utovar-du-vald")
    english = page.get_translation(locale("en"))
    page.delete()
    shown = visitors.for_visitor(english, "pl")
    assert shown.page.pk == english.pk and shown.fallback_from == "pl"
    with translation.override("pl"):
        assert url_for_visitor(english) == "/pl/stod/utovar-du-vald/"


def test_nothing_is_shown_for_a_page_that_is_live_in_no_language(shared_support_site):
    page = swedish_page("anhoriga")
    Page.objects.filter(translation_key=page.translation_key).update(live=False)
    assert visitors.for_visitor(page, "so") is None


def test_translating_a_page_in_code_takes_over_its_alias(shared_support_site, client_for):
    """Every language has the page (an alias) from the start, so a script that translates
    it with Wagtail's ``copy_for_translation`` gets that page as a draft, as an editor's
    "Translate this page" does, instead of a clash with the alias."""
    index = SupportIndexPage.objects.get(locale__language_code="sv")
    page = SupportPage(title="Stöd för äldre", slug="stod-for-aldre", locale=index.locale)
    index.add_child(instance=page)
    page.save_revision().publish()
    somali_alias = page.get_translation(locale("so"))

    somali = page.copy_for_translation(locale("so"))
    assert isinstance(somali, SupportPage)
    assert somali.pk == somali_alias.pk and somali.alias_of_id is None and not somali.live
    somali.title = "Taageero loogu talagalay waayeelka"
    somali.save_revision().publish()
    html = client_for.get("/so/stod/stod-for-aldre/").content.decode()
    assert "Taageero loogu talagalay waayeelka" in html and "language-notice" not in html
