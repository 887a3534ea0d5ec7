"""A translator works from Swedish into their own language only (issue 21, finding 2).

"Översättare – العربية" opened "Översätt den här sidan" on an Arabic page, was offered 11
languages, ticked Persiska and so made Persian drafts of the page and of every helpline,
service, brochure and term it uses, from the Arabic text. docs/roles.md: a translator never
works outside their language. Each way into a translation is tried here through the admin:
submitting (and its subtree), syncing, PO upload (the project's address and
wagtail-localize's), for pages and snippets. Kommunikatör keeps what roles.md gives.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from editorial.roles import COMMUNICATORS, translator_group_name
from tests.helpers.admin import make_user
from tests.helpers.translation import locale, page_submit_url

pytestmark = pytest.mark.django_db


def login(group, username):
    client = Client()
    client.force_login(make_user(group, username=username))
    return client


def offered_locales(html):
    """The language checkboxes of wagtail-localize's submit form, as locale codes."""
    return {
        code
        for code in Locale.objects.values_list("language_code", flat=True)
        if f'value="{locale(code).pk}"' in html
    }


def page_exists(page, code):
    """A translation in that language (the support section's aliases of the Swedish page do not count)."""
    return Page.objects.filter(
        translation_key=page.translation_key, locale__language_code=code, alias_of__isnull=True
    ).exists()


# Submitting a page ----------------------------------------------------------------------


def test_the_submit_form_offers_a_translator_only_their_language(arabic_translator, support_page):
    response = arabic_translator.get(page_submit_url(support_page))
    assert response.status_code == 200
    assert offered_locales(response.content.decode()) == {"ar"}


def test_a_translator_translates_a_swedish_page_into_their_language(
    arabic_translator, support_page
):
    response = arabic_translator.post(page_submit_url(support_page), {"locales": [locale("ar").pk]})
    assert response.status_code == 302
    assert page_exists(support_page, "ar")


def test_a_translator_cannot_translate_a_swedish_page_into_another_language(
    arabic_translator, support_page
):
    response = arabic_translator.post(page_submit_url(support_page), {"locales": [locale("fa").pk]})
    assert response.status_code != 302
    assert not page_exists(support_page, "fa")
    assert not Translation.objects.filter(target_locale=locale("fa")).exists()


def test_a_translator_cannot_translate_an_arabic_page_into_persian(arabic_translator, arabic_page):
    """The finding: from the Arabic page, into Persian, with its helplines."""
    assert arabic_translator.get(page_submit_url(arabic_page)).status_code == 403
    response = arabic_translator.post(page_submit_url(arabic_page), {"locales": [locale("fa").pk]})
    assert response.status_code == 403
    assert "Du översätter bara från svenska" in response.content.decode()
    assert not page_exists(arabic_page, "fa")
    assert not Translation.objects.filter(target_locale=locale("fa")).exists()


def test_a_translator_cannot_submit_a_subtree_into_another_language(
    arabic_translator, support_page
):
    index = support_page.get_parent()
    response = arabic_translator.post(
        page_submit_url(index), {"locales": [locale("en").pk], "include_subtree": "on"}
    )
    assert response.status_code != 302
    assert not page_exists(support_page, "en")


def test_a_translator_submits_a_subtree_into_their_language(arabic_translator, support_page):
    index = support_page.get_parent()
    # The index exists in Arabic already (the fixture), so the subtree is what is new.
    Page.objects.filter(translation_key=index.translation_key, locale__language_code="ar").delete()
    response = arabic_translator.post(
        page_submit_url(index), {"locales": [locale("ar").pk], "include_subtree": "on"}
    )
    assert response.status_code == 302
    assert page_exists(support_page, "ar")


def test_a_communicator_still_translates_an_arabic_page_into_persian(demo_site, arabic_page):
    """roles.md gives Kommunikatör "submit for translation" without a language limit."""
    communicator = login(COMMUNICATORS, "kommunikator")
    assert len(offered_locales(communicator.get(page_submit_url(arabic_page)).content.decode())) > 1
    response = communicator.post(page_submit_url(arabic_page), {"locales": [locale("fa").pk]})
    assert response.status_code == 302
    assert page_exists(arabic_page, "fa")


# Syncing --------------------------------------------------------------------------------


def source_of(instance):
    return TranslationSource.objects.get(object_id=instance.translation_key, locale=instance.locale)


def sync_url(source):
    return reverse("wagtail_localize:update_translations", args=[source.pk])


def test_a_translator_cannot_sync_translations_made_from_an_arabic_page(
    arabic_translator, arabic_page
):
    admin = login(COMMUNICATORS, "kommunikator")
    assert (
        admin.post(page_submit_url(arabic_page), {"locales": [locale("fa").pk]}).status_code == 302
    )
    url = sync_url(source_of(arabic_page))
    assert arabic_translator.get(url).status_code == 403
    assert arabic_translator.post(url, {}).status_code == 403


def test_a_translator_cannot_sync_a_swedish_page_they_have_no_translation_of(
    demo_site, support_page
):
    admin = login(COMMUNICATORS, "kommunikator")
    assert (
        admin.post(page_submit_url(support_page), {"locales": [locale("fa").pk]}).status_code == 302
    )
    arabic_translator = login(translator_group_name("ar"), "arabiska")
    url = sync_url(source_of(support_page))
    assert arabic_translator.get(url).status_code == 403
    assert arabic_translator.post(url, {}).status_code == 403


def test_a_translator_syncs_a_swedish_page_for_their_language(arabic_translator, support_page):
    admin = login(COMMUNICATORS, "kommunikator")
    assert (
        admin.post(
            page_submit_url(support_page), {"locales": [locale("ar").pk, locale("fa").pk]}
        ).status_code
        == 302
    )
    url = sync_url(source_of(support_page))
    html = arabic_translator.get(url).content.decode()
    # The form lists the translations the sync reaches for them: Arabic only.
    assert (
        reverse("wagtailadmin_pages:edit", args=[support_page.get_translation(locale("ar")).pk])
        in html
    )
    assert (
        reverse("wagtailadmin_pages:edit", args=[support_page.get_translation(locale("fa")).pk])
        not in html
    )
    assert arabic_translator.post(url, {}).status_code == 302


# PO upload ------------------------------------------------------------------------------


def po_file(translation):
    text = f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"X-WagtailLocalize-TranslationID: {translation.uuid}\\n"\n'
    return SimpleUploadedFile("x.po", text.encode())


NEXT = "/admin/pages/"
UPLOAD_URLS = ["translations_upload_po", "wagtail_localize:upload_pofile"]


@pytest.mark.parametrize("url_name", UPLOAD_URLS)
def test_a_translator_cannot_upload_a_po_file_into_a_translation_from_arabic(
    demo_site, arabic_page, url_name
):
    admin = login(COMMUNICATORS, "kommunikator")
    assert (
        admin.post(page_submit_url(arabic_page), {"locales": [locale("fa").pk]}).status_code == 302
    )
    persian = Translation.objects.get(source=source_of(arabic_page), target_locale=locale("fa"))
    persian_translator = login(translator_group_name("fa"), "persiska")
    response = persian_translator.post(
        reverse(url_name, args=[persian.pk]), {"file": po_file(persian), "next": NEXT}
    )
    assert response.status_code in (302, 403)
    assert response.get("Location") != NEXT  # the way back after an import


# Snippets -------------------------------------------------------------------------------


@pytest.fixture
def helpline(demo_site):
    from information.models import Helpline

    return Helpline.objects.create(
        name="Kvinnofridslinjen", phone_number="020-50 50 50", locale=locale("sv"), live=True
    )


def snippet_submit_url(snippet):
    return reverse(
        "wagtail_localize:submit_snippet_translation", args=["information", "helpline", snippet.pk]
    )


def snippet_exists(snippet, code):
    return (
        type(snippet)
        .objects.filter(translation_key=snippet.translation_key, locale__language_code=code)
        .exists()
    )


def test_a_translator_translates_a_swedish_helpline_into_their_language_only(
    arabic_translator, helpline
):
    assert offered_locales(
        arabic_translator.get(snippet_submit_url(helpline)).content.decode()
    ) == {"ar"}
    assert (
        arabic_translator.post(
            snippet_submit_url(helpline), {"locales": [locale("fa").pk]}
        ).status_code
        != 302
    )
    assert not snippet_exists(helpline, "fa")
    assert (
        arabic_translator.post(
            snippet_submit_url(helpline), {"locales": [locale("ar").pk]}
        ).status_code
        == 302
    )
    assert snippet_exists(helpline, "ar")


def test_a_translator_cannot_translate_an_arabic_helpline_into_persian(demo_site, helpline):
    arabic = helpline.copy_for_translation(locale("ar"))
    arabic.name = "خط كفينوفريدس"
    arabic.save()
    arabic_translator = login(translator_group_name("ar"), "arabiska")
    assert arabic_translator.get(snippet_submit_url(arabic)).status_code == 403
    assert (
        arabic_translator.post(
            snippet_submit_url(arabic), {"locales": [locale("fa").pk]}
        ).status_code
        == 403
    )
    assert not snippet_exists(helpline, "fa")


@pytest.mark.parametrize("url_name", UPLOAD_URLS)
def test_a_translator_cannot_upload_a_po_file_into_another_languages_helpline(
    demo_site, helpline, url_name
):
    admin = login(COMMUNICATORS, "kommunikator")
    assert (
        admin.post(snippet_submit_url(helpline), {"locales": [locale("ar").pk]}).status_code == 302
    )
    arabic = Translation.objects.get(source=source_of(helpline), target_locale=locale("ar"))
    persian_translator = login(translator_group_name("fa"), "persiska")
    response = persian_translator.post(
        reverse(url_name, args=[arabic.pk]), {"file": po_file(arabic), "next": NEXT}
    )
    assert response.status_code in (302, 403)
    assert response.get("Location") != NEXT
