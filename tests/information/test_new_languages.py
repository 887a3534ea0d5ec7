"""A language added to the site (issue 22, finding 1): the support section is mirrored into
it at once, and Swedish shown under its prefix is marked and said to be Swedish."""

import re

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page, Site

from tests.information.visitor_trees import build, small_site

pytestmark = pytest.mark.django_db


def test_adding_a_language_mirrors_the_support_section_at_once(migrated_roots, client):
    """Before: the new language got no alias until someone translated its home page."""
    client.defaults["HTTP_HOST"] = "localhost"
    index = small_site()
    [(slug, key)] = build(index, [("live", {"en": "translated", "pl": "alias"})])
    arabic = Locale.objects.create(language_code="ar")
    assert Page.objects.filter(translation_key=key, locale=arabic, alias_of__isnull=False).exists()
    call_command("sync_support_tree", "ar")  # nothing left to do

    response = client.get(f"/ar/stod/{slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Svensk sida 0" in html and re.search(r'class="language-notice" lang="ar"', html)
    # The home page is the Swedish one's alias: marked as Swedish, and said to be.
    home = client.get("/ar/").content.decode()
    assert re.search(r'<main id="main" tabindex="-1" lang="sv" dir="ltr">', home)
    assert re.search(r'<section class="language-notice" lang="ar" dir="rtl">', home)


def test_swedish_under_a_language_without_a_home_page_is_marked(migrated_roots, client):
    """Before: /ckb/handlingsplaner/ showed the Swedish page under lang="ckb" dir="rtl"
    with no notice."""
    from plans.models import PlanIndexPage
    from website.demo.action_plans import INDEX
    from website.demo.utils import ensure_child_page, ensure_locales
    from website.models import HomePage

    locales = ensure_locales()
    home = HomePage(title="Hem", slug="hem", locale=locales["sv"])
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    ensure_child_page(home, PlanIndexPage, "page:plans", **INDEX)

    html = client.get("/ckb/handlingsplaner/", HTTP_HOST="localhost").content.decode()
    assert '<html lang="ckb" dir="rtl">' in html
    assert re.search(r'<main id="main" tabindex="-1" lang="sv" dir="ltr">', html)
    assert re.search(r'<section class="language-notice" lang="ckb" dir="rtl">', html)
    # A Swedish visitor gets no notice.
    assert (
        "language-notice"
        not in client.get("/sv/handlingsplaner/", HTTP_HOST="localhost").content.decode()
    )
