"""Taking a Swedish page down takes its fallbacks down (issue 24, finding 8), and a host
site that had pages before the extension can publish them at any time (issue 22, finding 1)."""

import pytest
from wagtail.models import Locale, Page

from tests.information.visitor_trees import build, small_site

pytestmark = pytest.mark.django_db


def test_unpublishing_the_swedish_page_takes_its_fallbacks_down(migrated_roots, client):
    """Before: /sv/stod/sida-0/ went on serving the English translation once the Swedish
    page was unpublished, and every mirrored language with it."""
    from information.models import SupportPage

    client.defaults["HTTP_HOST"] = "localhost"
    index = small_site()
    [(_slug, key)] = build(index, [("live", {"en": "translated", "pl": "alias"})])
    SupportPage.objects.get(translation_key=key, locale__language_code="sv").unpublish()

    assert client.get("/sv/stod/sida-0/").status_code == 404
    assert client.get("/pl/stod/sida-0/").status_code == 404
    assert "sida-0" not in client.get("/pl/stod/").content.decode()
    # The English translation is English editors' own: it stays.
    assert "EN sida 0" in client.get("/en/stod/sida-0/").content.decode()


def test_deleting_the_swedish_page_still_leaves_the_english_one_as_fallback(migrated_roots, client):
    from information.models import SupportPage

    client.defaults["HTTP_HOST"] = "localhost"
    index = small_site()
    [(_slug, key)] = build(index, [("deleted", {"en": "translated", "pl": "alias"})])
    assert not SupportPage.objects.filter(translation_key=key, locale__language_code="sv").exists()
    html = client.get("/pl/stod/sida-0/").content.decode()
    assert "EN sida 0" in html and 'class="language-notice" lang="pl"' in html


def test_a_host_site_whose_only_locale_is_english_publishes_its_own_pages(migrated_roots):
    """Before: publishing any page answered 500 (Locale.DoesNotExist from the
    page_published handler that mirrors the support section into a new language)."""
    english = Locale.objects.create(language_code="en")
    root = Page.get_first_root_node()
    Page.objects.update(locale=english)  # the pages the host had, Wagtail's welcome page included
    Locale.objects.exclude(pk=english.pk).delete()
    root.refresh_from_db()
    home = Page(title="Host home", slug="host-home", locale=english)
    root.add_child(instance=home)
    home.save_revision().publish()
    about = Page(title="About", slug="about", locale=english)
    home.add_child(instance=about)
    about.save_revision().publish()
    assert Page.objects.get(pk=about.pk).live
