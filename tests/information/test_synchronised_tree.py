"""The support section mirrors the Swedish structure in every language (information/fallback.py).

A page without a translation is an alias of the Swedish page: visitors get the Swedish
text with a notice in their language, editors see it in that language's tree and can
translate it; a translation made from an alias stays a draft until somebody publishes it.
"""

import re

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.actions import ConvertAliasPageAction
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import querydict_from_html, rich_text
from wagtail_localize.models import StringSegment

from information.models import SupportIndexPage, SupportPage
from multilingual.languages import SITE_LANGUAGES
from tests.helpers.translation import publish_translation, submit_for_translation, translate_strings

pytestmark = pytest.mark.django_db

ALL_CODES = [code for code, *_rest in SITE_LANGUAGES]


def section(code):
    return SupportIndexPage.objects.get(locale__language_code=code)


def language_nav(html):
    match = re.search(r'<nav class="page-languages".*?</nav>', html, re.S)
    return match.group(0) if match else ""


def test_every_language_has_every_page_of_the_swedish_section(support_site):
    swedish = section("sv")
    wanted = {
        swedish.translation_key,
        *swedish.get_descendants().values_list("translation_key", flat=True),
    }
    for code in ALL_CODES:
        index = section(code)
        have = {
            index.translation_key,
            *index.get_descendants().values_list("translation_key", flat=True),
        }
        assert have == wanted, code
    # Arabic is written; Polish mirrors the Swedish pages, Finnish has its own section page.
    assert not Page.objects.filter(locale__language_code="ar", alias_of__isnull=False).exists()
    polish = section("pl").get_descendants()
    assert polish.count() == len(wanted) - 1
    assert all(page.alias_of_id for page in [section("pl"), *polish])
    assert section("fi").alias_of_id is None
    assert all(page.alias_of_id for page in section("fi").get_descendants())


def test_an_alias_is_served_as_the_swedish_page_with_a_notice(support_site, client_for):
    response = client_for.get("/fi/stod/utsatt-for-vald/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fi"' in html
    assert re.search(r'<section class="language-notice" lang="fi"', html)
    assert re.search(r'<article class="support-content" lang="sv"', html)
    # It is not a Finnish version: neither the switcher nor hreflang offers one.
    assert "Suomi" not in language_nav(html)
    assert 'hreflang="fi"' not in html


def test_the_section_page_marks_the_swedish_cards_in_a_mirrored_language(support_site, client_for):
    html = client_for.get("/pl/stod/").content.decode()
    assert re.search(r'<section class="language-notice" lang="pl"', html)
    assert re.search(
        r'<div class="page-intro" lang="sv" dir="ltr">\s*<h1>Stöd och hjälp</h1>', html
    )
    cards = re.findall(r'<li class="section-card"([^>]*)>\s*<a href="([^"]+)"', html)
    assert "/pl/stod/utsatt-for-vald/" in [href for _attrs, href in cards]
    assert all('lang="sv"' in attrs for attrs, _href in cards)
    # The home page's card for the section is marked as Swedish too.
    home = client_for.get("/pl/").content.decode()
    assert re.search(r'<li class="section-card" lang="sv" dir="ltr">\s*<a href="/pl/stod/">', home)
    # In Arabic the cards are Arabic pages: no language mark needed.
    arabic_html = client_for.get("/ar/stod/").content.decode()
    arabic = re.findall(r'<li class="section-card"([^>]*)>', arabic_html)
    assert arabic and not any("lang=" in attrs for attrs in arabic)
    assert "language-notice" not in arabic_html


def add_support_page_in_admin(client, parent, title, slug, easy_read):
    """What an editor does: open "Add child page", fill in the form, press Publish."""
    url = reverse("wagtailadmin_pages:add", args=["information", "supportpage", parent.pk])
    form = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    form["title"] = title
    form["slug"] = slug
    form["easy_read"] = rich_text(easy_read)
    for name, value in form.items():
        if value == "" and name == "show_in_menus":  # ticked by default; a browser sends "on"
            form[name] = "on"
    form["body-count"] = "0"  # the StreamField widget fills this in with JavaScript
    form["action-publish"] = "action-publish"
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    return SupportPage.objects.get(locale__language_code="sv", slug=slug)


def test_a_new_swedish_page_reaches_every_language_at_once(admin_client, support_site, client_for):
    new = add_support_page_in_admin(
        admin_client,
        section("sv"),
        "Stöd för äldre",
        "stod-for-aldre",
        "<p>Du som är äldre kan få hjälp.</p>",
    )
    versions = Page.objects.filter(translation_key=new.translation_key)
    assert sorted(versions.values_list("locale__language_code", flat=True)) == sorted(ALL_CODES)
    assert all(page.alias_of_id == new.pk and page.live for page in versions.exclude(pk=new.pk))

    html = client_for.get("/so/stod/stod-for-aldre/").content.decode()
    assert "Du som är äldre kan få hjälp." in html and 'class="language-notice" lang="so"' in html
    assert new.show_in_menus, "listed on the section page by default"
    assert "Stöd för äldre" in client_for.get("/ar/stod/").content.decode()

    # Publishing a change in Swedish updates every mirror (Wagtail updates aliases).
    new.easy_read = "<p>Du som är äldre kan få hjälp dygnet runt.</p>"
    new.save_revision().publish()
    assert "dygnet runt" in client_for.get("/so/stod/stod-for-aldre/").content.decode()


def test_translating_an_alias_makes_a_draft_until_somebody_publishes_it(
    admin_client, support_site, client_for, django_capture_on_commit_callbacks
):
    swedish = SupportPage.objects.get(locale__language_code="sv", slug="barn-och-unga")
    somali_alias = swedish.get_translation(Locale.objects.get(language_code="so"))
    assert somali_alias.alias_of_id == swedish.pk

    # Opening the mirror in the admin offers to translate it.
    html = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=[somali_alias.pk])
    ).content.decode()
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[swedish.pk])
    assert f'href="{submit_url}?select_locale=so' in html

    translations = submit_for_translation(admin_client, swedish, "so")
    somali = SupportPage.objects.get(pk=somali_alias.pk)
    assert somali.alias_of_id is None
    assert somali.live is False  # converted, but nobody has translated or checked it yet

    # Meanwhile Somali visitors still get the Swedish page, marked as Swedish, with the notice.
    html = client_for.get("/so/stod/barn-och-unga/").content.decode()
    assert 'class="language-notice" lang="so"' in html
    assert re.search(r'<article class="support-content" lang="sv"', html)
    assert "Soomaali" not in language_nav(html)

    strings = StringSegment.objects.filter(source=translations["so"].source).values_list(
        "string__data", flat=True
    )
    translate_strings(translations["so"], {text: f"[so] {text}" for text in strings})
    response = publish_translation(
        admin_client, translations["so"], django_capture_on_commit_callbacks
    )
    assert response.status_code == 302

    somali.refresh_from_db()
    assert somali.live
    # The translator translated the slug too: the old address leads to the translation.
    response = client_for.get("/so/stod/barn-och-unga/")
    assert (
        response.status_code == 302
        and response["Location"] == somali.url == f"/so/stod/{somali.slug}/"
    )
    html = client_for.get(somali.url).content.decode()
    assert "language-notice" not in html
    assert f"[so] {swedish.title}" in html
    assert "Soomaali" in language_nav(client_for.get("/sv/stod/barn-och-unga/").content.decode())


def test_converting_the_section_alias_keeps_the_section_open(
    admin_client, support_site, client_for
):
    polish = section("pl")
    response = admin_client.post(reverse("wagtailadmin_pages:convert_alias", args=[polish.pk]))
    assert response.status_code == 302
    polish.refresh_from_db()
    assert polish.alias_of_id is None and polish.live is False

    response = client_for.get("/pl/stod/")
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(
        r'<div class="page-intro" lang="sv" dir="ltr">\s*<h1>Stöd och hjälp</h1>', html
    )
    assert "/pl/stod/utsatt-for-vald/" in html
    assert client_for.get("/pl/stod/utsatt-for-vald/").status_code == 200
    # The Polish home page still leads into the section, its card marked as Swedish.
    home = client_for.get("/pl/").content.decode()
    assert re.search(
        r'<li class="section-card" lang="sv" dir="ltr">\s*<a href="/pl/stod/"><span class="section-card__title">Stöd och hjälp<',
        home,
    )


def test_deleting_a_swedish_page_deletes_its_mirrors_but_not_translations(
    admin_client, support_site
):
    swedish = SupportPage.objects.get(locale__language_code="sv", slug="anhoriga")
    key = swedish.translation_key
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[swedish.pk]))
    assert response.status_code == 302
    left = Page.objects.filter(translation_key=key)
    assert sorted(left.values_list("locale__language_code", flat=True)) == ["ar", "en"]
    assert not left.filter(alias_of__isnull=False).exists()


def test_sync_command_is_idempotent_and_names_unknown_languages(support_site, capsys):
    call_command("sync_support_tree")
    assert "0 alias page(s) created." in capsys.readouterr().out

    # A language whose pages were removed gets them back.
    Page.objects.filter(
        locale__language_code="pl", alias_of__isnull=False, depth__gt=section("pl").depth
    ).delete()
    call_command("sync_support_tree", "pl")
    created = int(re.search(r"(\d+) alias page", capsys.readouterr().out).group(1))
    assert created == section("sv").get_descendants().count()
    assert section("pl").get_descendants().count() == section("sv").get_descendants().count()

    with pytest.raises(CommandError, match="xx"):
        call_command("sync_support_tree", "pl", "xx")


def test_demo_text_for_a_mirrored_page_replaces_the_mirror(support_site, client_for):
    """When the demo gains a translation for a page that is mirrored, load_demo converts the alias."""
    from website.demo.utils import ensure_translation

    swedish = SupportPage.objects.get(locale__language_code="sv", slug="anhoriga")
    finnish = ensure_translation(
        swedish, Locale.objects.get(language_code="fi"), title="Läheisille"
    )
    finnish.refresh_from_db()
    assert finnish.alias_of_id is None and finnish.live and finnish.title == "Läheisille"
    html = client_for.get("/fi/stod/anhoriga/").content.decode()
    assert "Läheisille" in html and "language-notice" not in html


def test_a_draft_translation_of_the_section_page_is_not_shown_and_does_not_move_it(
    admin_client, support_site, client_for
):
    swedish = section("sv")
    translations = submit_for_translation(admin_client, swedish, "pl")
    strings = StringSegment.objects.filter(source=translations["pl"].source).values_list(
        "string__data", flat=True
    )
    assert "stod" not in strings  # the section's address is not for translation
    translate_strings(translations["pl"], {text: f"SZKIC {text}" for text in strings})
    translations["pl"].save_target(publish=False)  # a draft with every text translated
    polish = section("pl")
    assert not polish.live and polish.title.startswith("SZKIC") and polish.slug == "stod"

    response = client_for.get("/pl/stod/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "SZKIC" not in html  # not in <title>, the description or the page
    assert re.search(r"<title>Stöd och hjälp – ", html)
    assert client_for.get("/pl/stod/utsatt-for-vald/").status_code == 200


def test_an_unpublished_swedish_section_is_not_served_from_another_language(
    admin_client, support_site, client_for
):
    swedish = section("sv")
    swedish.unpublish()
    assert client_for.get("/sv/stod/").status_code == 404
    # English has its own, published section page; Polish only mirrored the Swedish one.
    assert client_for.get("/pl/stod/").status_code == 404


def test_deleting_outside_the_admin_also_takes_the_mirrors(support_site, client_for):
    """However a page goes (shell, import), its aliases must not stay behind as fake translations."""
    swedish = SupportPage.objects.get(locale__language_code="sv", slug="utovar-du-vald")
    key = swedish.translation_key
    swedish.delete()
    assert sorted(
        Page.objects.filter(translation_key=key).values_list("locale__language_code", flat=True)
    ) == ["ar", "en"]
    # A Polish visitor now gets the English translation that remains, with the notice.
    html = client_for.get("/pl/stod/utovar-du-vald/").content.decode()
    assert (
        re.search(r'<article class="support-content" lang="en"', html)
        and 'class="language-notice" lang="pl"' in html
    )


def test_deleting_the_swedish_section_keeps_translations_below_a_mirror(support_site):
    polish_index = section("pl")
    swedish_page = SupportPage.objects.get(locale__language_code="sv", slug="anhoriga")
    polish_alias = swedish_page.get_translation(Locale.objects.get(language_code="pl"))
    ConvertAliasPageAction(polish_alias).execute(
        skip_permission_checks=True
    )  # now a (draft) Polish page

    section("sv").delete()
    # The Polish translation survives; its mirrored section page is kept, offline.
    assert Page.objects.filter(pk=polish_alias.pk).exists()
    polish_index = Page.objects.get(pk=polish_index.pk)
    assert not polish_index.live
    # Everything else that only mirrored Swedish is gone.
    from website.models import AccessibilityStatementPage

    # (The accessibility statement outside the section is mirrored too; it stays.)
    assert (
        not Page.objects.filter(locale__language_code="pl", alias_of__isnull=False)
        .not_type(AccessibilityStatementPage)
        .exists()
    )
    # Real translations (English, Arabic, Finnish section pages) are untouched.
    assert (
        SupportIndexPage.objects.filter(locale__language_code__in=["en", "ar", "fi"]).count() == 3
    )
