"""Helplines, services, terms and brochures have drafts: visitors only read what a person
published, in Swedish and in every translation."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse
from django.utils.html import strip_tags

from tests.helpers.demo import kvinnofridslinjen
from tests.helpers.snippets import (
    NEW_NUMBER,
    helpline_form,
    publish_in_editor,
    submit_snippet,
    translate_all,
)
from tests.helpers.translation import locale
from translations.overview import translation_overview

pytestmark = pytest.mark.django_db

ARABIC_NAME = "خط كفينوفريدس لدعم النساء"
ARABIC_AUDIENCE = "لكل امرأة تعرضت للعنف، ولأقاربها."
PERSIAN_TITLE = "کمک وقتی کسی به شما آسیب می‌زند"


def cell(title_start, code):
    rows, _codes = translation_overview(languages=[code])
    return next(row for row in rows if row.title.startswith(title_start)).cells[code]


def test_a_helpline_translated_into_arabic_is_a_draft_until_published(
    admin_client, shared_support_site, django_capture_on_commit_callbacks
):
    swedish = kvinnofridslinjen()
    # The demo ships an Arabic Kvinnofridslinjen; here it is translated in the admin instead.
    kvinnofridslinjen("ar").delete()
    translation = submit_snippet(admin_client, swedish, "ar")
    arabic = translation.get_target_instance()
    assert arabic.live is False

    translate_all(
        translation, {"Kvinnofridslinjen": ARABIC_NAME, swedish.audience: ARABIC_AUDIENCE}
    )
    # Write the Arabic texts into the draft itself (wagtail-localize saving without
    # publishing), so the pages below would show them if a draft ever leaked.
    translation.save_target(publish=False)
    arabic.refresh_from_db()
    assert (arabic.name, arabic.live) == (ARABIC_NAME, False)
    assert cell("Kvinnofridslinjen", "ar").state == "draft"

    support = admin_client.get("/ar/stod/utsatt-for-vald/").content.decode()
    home = admin_client.get("/ar/").content.decode()
    for html in (support, home):
        assert ARABIC_NAME not in html and ARABIC_AUDIENCE not in html
        assert "Kvinnofridslinjen" in html
    # The Arabic page shows the published Swedish helpline, marked as Swedish for screen readers.
    assert (
        'lang="sv" dir="ltr">\n    <a class="helpline__call" href="tel:020505050">\n        <span class="helpline__name">Kvinnofridslinjen</span>'
        in support
    )

    response = publish_in_editor(admin_client, translation, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    arabic.refresh_from_db()
    assert arabic.live and arabic.live_revision is not None
    support = admin_client.get("/ar/stod/utsatt-for-vald/").content.decode()
    home = admin_client.get("/ar/").content.decode()
    for html in (support, home):
        assert ARABIC_NAME in html
    assert (
        f'lang="ar" dir="rtl">\n    <a class="helpline__call" href="tel:020505050">\n        <span class="helpline__name">{ARABIC_NAME}</span>'
        in support
    )
    assert ARABIC_AUDIENCE in support
    assert cell("Kvinnofridslinjen", "ar").state == "done"
    # The translation editor now knows when it was published (it reads live_revision).
    editor = admin_client.get(
        reverse("wagtailsnippets_information_helpline:edit", args=[arabic.pk])
    ).content.decode()
    assert "lastPublishedDate&quot;: null" not in editor and "lastPublishedDate" in editor


# One person publishes a number here; four eyes on that: tests/editorial/test_four_eyes.py.
@override_settings(VINR_FOUR_EYES_FIELDS={})
def test_an_editors_new_number_saved_as_draft_is_not_public_until_published(
    admin_client, shared_support_site
):
    swedish = kvinnofridslinjen()
    old_number = swedish.phone_number
    edit_url = reverse("wagtailsnippets_information_helpline:edit", args=[swedish.pk])

    response = admin_client.post(edit_url, helpline_form(swedish, phone_number=NEW_NUMBER))
    assert response.status_code == 302, response.content.decode()[:3000]
    swedish.refresh_from_db()
    assert swedish.has_unpublished_changes
    assert swedish.latest_revision.content["phone_number"] == NEW_NUMBER
    for url in ("/sv/", "/sv/stod/utsatt-for-vald/", "/sv/stod/broschyrer/stod-vid-vald/"):
        html = admin_client.get(url).content.decode()
        assert old_number in html and NEW_NUMBER not in html, url
    # The editor sees the draft in the form; a draft does not make translations out of date.
    assert NEW_NUMBER in admin_client.get(edit_url).content.decode()
    assert cell("Kvinnofridslinjen", "ar").state == "done"

    response = admin_client.post(
        edit_url, helpline_form(swedish, phone_number=NEW_NUMBER, **{"action-publish": "publish"})
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    for url in ("/sv/", "/sv/stod/utsatt-for-vald/", "/sv/stod/broschyrer/stod-vid-vald/"):
        html = admin_client.get(url).content.decode()
        assert NEW_NUMBER in html and old_number not in html, url
    # The Arabic Kvinnofridslinjen (made by hand, not through wagtail-localize) is now older
    # than the published Swedish one: the overview says so.
    assert cell("Kvinnofridslinjen", "ar").state == "out_of_date"


def test_a_translator_translates_a_snippet_but_cannot_publish_it(
    translator, shared_support_site, django_capture_on_commit_callbacks
):
    from information.models import Helpline

    user = get_user_model().objects.get(username="oversattare")
    assert user.has_perm("information.change_helpline") and user.has_perm(
        "information.change_brochure"
    )
    assert not user.has_perm("information.publish_helpline")
    assert not user.has_perm("information.publish_brochure")

    # A translation: the translator submits it and opens it in the translation editor …
    swedish = kvinnofridslinjen()
    translation = submit_snippet(translator, swedish, "fa")
    persian = translation.get_target_instance()
    assert persian.live is False
    assert (
        translator.get(
            reverse("wagtailsnippets_information_helpline:edit", args=[persian.pk])
        ).status_code
        == 200
    )
    translate_all(translation, {"Kvinnofridslinjen": "خط کوینوفریدس"})
    # … but "Publish" is refused: an editor publishes it.
    response = publish_in_editor(translator, translation, django_capture_on_commit_callbacks)
    assert response.status_code in (302, 403)
    persian.refresh_from_db()
    assert persian.live is False
    assert "خط کوینوفریدس" not in translator.get("/fa/").content.decode()

    # The Swedish number is not the translator's: the change is refused, not even a draft is saved.
    revision = swedish.latest_revision_id
    edit_url = reverse("wagtailsnippets_information_helpline:edit", args=[swedish.pk])
    response = translator.post(
        edit_url, helpline_form(swedish, phone_number=NEW_NUMBER, **{"action-publish": "publish"})
    )
    assert response.status_code == 302 and response["Location"] == reverse(
        "wagtailsnippets_information_helpline:list"
    )
    swedish = Helpline.objects.get(pk=swedish.pk)
    assert swedish.live and swedish.phone_number != NEW_NUMBER
    assert swedish.latest_revision_id == revision and not swedish.has_unpublished_changes
    assert NEW_NUMBER not in translator.get("/sv/").content.decode()


def test_a_brochure_translation_is_offered_only_once_published(
    admin_client, shared_support_site, django_capture_on_commit_callbacks
):
    from information.models import Brochure

    swedish = Brochure.objects.get(slug="stod-vid-vald", locale__language_code="sv")
    translation = submit_snippet(admin_client, swedish, "fa")
    assert translation.get_target_instance().live is False
    translate_all(translation, {swedish.title: PERSIAN_TITLE})
    translation.save_target(publish=False)

    listing = admin_client.get("/sv/stod/broschyrer/").content.decode()
    assert 'hreflang="fa"' not in listing and "فارسی" not in listing
    assert admin_client.get("/sv/stod/broschyrer/stod-vid-vald/pdf/fa/").status_code == 404
    page = admin_client.get("/fa/stod/broschyrer/stod-vid-vald/").content.decode()
    assert (
        PERSIAN_TITLE not in page and swedish.title in page
    )  # the Swedish brochure, with a notice

    publish_in_editor(admin_client, translation, django_capture_on_commit_callbacks)
    listing = admin_client.get("/sv/stod/broschyrer/").content.decode()
    assert 'hreflang="fa"' in listing and "فارسی" in listing
    pdf = admin_client.get("/sv/stod/broschyrer/stod-vid-vald/pdf/fa/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert PERSIAN_TITLE in admin_client.get("/fa/stod/broschyrer/stod-vid-vald/").content.decode()


def test_a_helpline_never_published_is_not_shown_where_a_page_chooses_it(
    admin_client, shared_support_site
):
    from information.models import Helpline, SupportPage
    from website.models import HomePage, HomePageHelpline

    create_url = reverse("wagtailsnippets_information_helpline:add") + "?locale=sv"
    draft = Helpline(
        name="Ny stödlinje under arbete", phone_number="020-99 99 99", languages_offered="sv,ar"
    )
    response = admin_client.post(create_url, helpline_form(draft))  # "Spara utkast"
    assert response.status_code == 302, response.content.decode()[:3000]
    draft = Helpline.objects.get(name="Ny stödlinje under arbete")
    assert draft.live is False

    home = HomePage.objects.get(locale__language_code="sv")
    home.helplines.add(HomePageHelpline(helpline=draft, sort_order=99))
    home.save_revision().publish()
    page = SupportPage.objects.get(slug="utsatt-for-vald", locale__language_code="sv")
    page.body.append(("helpline", draft))
    page.save_revision().publish()

    for url in ("/sv/", "/ar/", "/sv/stod/utsatt-for-vald/", "/so/stod/utsatt-for-vald/"):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "Ny stödlinje under arbete" not in html and "020-99 99 99" not in html, url


def test_an_unpublished_glossary_term_falls_back_to_the_published_swedish_one(
    admin_client, shared_support_site
):
    from information.models import GlossaryTerm

    swedish = GlossaryTerm.objects.get(slug="kontaktforbud", locale__language_code="sv")
    arabic = GlossaryTerm.objects.get(
        translation_key=swedish.translation_key, locale__language_code="ar"
    )
    # As read (the Swedish word inside it carries lang="sv" in its own span).
    assert arabic.term in strip_tags(admin_client.get("/ar/stod/ordlista/").content.decode())

    response = admin_client.post(
        reverse("wagtailsnippets_information_glossaryterm:unpublish", args=[arabic.pk])
    )
    assert response.status_code == 302
    for url in ("/ar/stod/ordlista/", "/ar/stod/utsatt-for-vald/"):
        html = admin_client.get(url).content.decode()
        assert arabic.term not in html, url
        assert swedish.term in html, url


def test_translating_a_page_leaves_the_published_translations_of_its_helplines_published(
    admin_client, shared_support_site
):
    from information.models import SupportIndexPage, SupportPage

    arabic = kvinnofridslinjen("ar")
    revision = arabic.latest_revision_id
    index = SupportIndexPage.objects.get(locale__language_code="sv")
    page = SupportPage(
        title="Stöd i en ny stadsdel", slug="ny-stadsdel", body=[("helpline", kvinnofridslinjen())]
    )
    index.add_child(instance=page)
    page.save_revision().publish()

    # wagtail-localize would submit the helplines a page chooses along with the page
    # itself; one already translated into Arabic is left as it is (no draft either).
    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale("ar").pk]},
    )
    assert response.status_code == 302
    refreshed = type(arabic).objects.get(pk=arabic.pk)
    assert refreshed.live and refreshed.name == arabic.name
    assert refreshed.latest_revision_id == revision and not refreshed.has_unpublished_changes
    assert arabic.name in strip_tags(admin_client.get("/ar/").content.decode())


# One person publishes a number here; four eyes on that: tests/editorial/test_four_eyes.py.
@override_settings(VINR_FOUR_EYES_FIELDS={})
def test_a_published_swedish_number_reaches_every_language_at_once(
    admin_client, shared_support_site
):
    from information.models import Helpline

    swedish = kvinnofridslinjen()
    old_number = swedish.phone_number
    arabic = kvinnofridslinjen("ar")
    # A translator has an unpublished change of the Arabic helpline waiting (older number in it).
    arabic.opening_hours = "على مدار الساعة، كل يوم"
    pending = arabic.save_revision()

    edit_url = reverse("wagtailsnippets_information_helpline:edit", args=[swedish.pk])
    response = admin_client.post(
        edit_url, helpline_form(swedish, phone_number=NEW_NUMBER, **{"action-publish": "publish"})
    )
    assert response.status_code == 302, response.content.decode()[:3000]

    # Nobody re-translated anything, yet Arabic and English visitors get the new number.
    for url in ("/ar/", "/ar/stod/utsatt-for-vald/", "/en/stod/utsatt-for-vald/"):
        html = admin_client.get(url).content.decode()
        assert NEW_NUMBER in html and old_number not in html, url
    assert set(
        Helpline.objects.filter(translation_key=swedish.translation_key).values_list(
            "phone_number", flat=True
        )
    ) == {NEW_NUMBER}

    # Publishing the translator's older draft keeps the new number and brings the new hours.
    pending.refresh_from_db()
    pending.publish()
    arabic.refresh_from_db()
    assert arabic.phone_number == NEW_NUMBER and arabic.opening_hours == "على مدار الساعة، كل يوم"


# One person publishes a number here; four eyes on that: tests/editorial/test_four_eyes.py.
@override_settings(VINR_FOUR_EYES_FIELDS={})
def test_a_translation_published_from_the_editor_keeps_the_new_swedish_number(
    admin_client, shared_support_site, django_capture_on_commit_callbacks
):
    """The translation editor copies facts from its own, older copy of the source: they must not win."""
    swedish = kvinnofridslinjen()
    translation = submit_snippet(
        admin_client, swedish, "fa"
    )  # the editor's copy has the old number
    edit_url = reverse("wagtailsnippets_information_helpline:edit", args=[swedish.pk])
    response = admin_client.post(
        edit_url, helpline_form(swedish, phone_number=NEW_NUMBER, **{"action-publish": "publish"})
    )
    assert response.status_code == 302, response.content.decode()[:3000]

    translate_all(translation, {})
    response = publish_in_editor(admin_client, translation, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    persian = kvinnofridslinjen("fa")
    assert persian.live and persian.phone_number == NEW_NUMBER
    assert NEW_NUMBER in admin_client.get("/fa/stod/utsatt-for-vald/").content.decode()


def test_a_new_snippet_translation_has_no_publishing_record_of_its_own(
    admin_client, shared_support_site
):
    """A fresh draft must not look published in the admin (it would borrow the Swedish record)."""
    swedish = kvinnofridslinjen()
    assert swedish.live_revision_id and swedish.last_published_at
    submit_snippet(admin_client, swedish, "fa")
    persian = kvinnofridslinjen("fa")
    assert (
        persian.live,
        persian.live_revision_id,
        persian.first_published_at,
        persian.last_published_at,
    ) == (False, None, None, None)
