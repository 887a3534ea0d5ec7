"""A support page or brochure translation with an untranslated part does not go live unnoticed.

Issue 9, finding 3: "Publish" in wagtail-localize's translation editor put the Swedish
sentence on the live Arabic page (inside ``lang="ar"``), with a warning that appeared on
every publish because the URL slug always counted as missing.
"""

import pytest
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation

from tests.helpers.snippets import publish_in_editor, submit_snippet, translate_all
from tests.helpers.translation import (
    SWEDISH,
    publish_translation,
    submit_for_translation,
    translate_strings,
)

pytestmark = pytest.mark.django_db

SENTENCE = "Du är inte ensam. Det finns hjälp."
ARABIC_TITLE = "إذا تعرضت للعنف في البيت"
ARABIC_SENTENCE = "لست وحدك. هناك مساعدة."


def messages_shown_after(client, response):
    """The admin's message area on the page the editor lands on after ``response``."""
    html = client.get(response["Location"]).content.decode()
    start = html.index('class="messages"')
    return html[start : html.index("</ul>", start)]


def test_a_support_page_translation_with_an_untranslated_sentence_is_refused_and_names_the_sentence(
    admin_client, support_page, django_capture_on_commit_callbacks
):
    translation = submit_for_translation(admin_client, support_page, "ar")["ar"]
    # Only the title is translated; the easy-read sentence (and the slug) are not.
    title = StringSegment.objects.get(source=translation.source, context__path="title")
    StringTranslation.objects.create(
        translation_of=title.string,
        locale=translation.target_locale,
        context=title.context,
        data=ARABIC_TITLE,
    )

    response = publish_translation(admin_client, translation, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    arabic = translation.get_target_instance()
    arabic.refresh_from_db()
    assert arabic.live is False
    assert arabic.live_revision_id is None
    text = messages_shown_after(admin_client, response)
    assert '<li class="error' in text
    assert "publicerades inte" in text
    assert "lättläst sammanfattning: ”Du är inte ensam. Det finns hjälp.”" in text
    assert "utsatt-for-vald" not in text  # the slug is not a missing part
    assert reverse("translations_publish_incomplete", args=[translation.pk]) in text
    # The Arabic address still serves the Swedish page marked as Swedish, not a half-Arabic one.
    response = admin_client.get("/ar/stod-och-hjalp/utsatt-for-vald/")
    assert response.status_code == 200
    html = response.content.decode()
    assert ARABIC_TITLE not in html
    assert '<article class="support-content" lang="sv" dir="ltr">' in html
    assert f"<h1>{SWEDISH['title']}</h1>" in html

    # "Publicera ändå": the confirmation names the sentence and needs a tick.
    confirm_url = reverse("translations_publish_incomplete", args=[translation.pk])
    page = admin_client.get(confirm_url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Du är inte ensam. Det finns hjälp." in html and "Publicera ändå" in html
    segments = page.context["form"].initial["segments"]

    refused = admin_client.post(confirm_url, {"segments": segments})
    assert refused.status_code == 400
    assert "Kryssa i rutan" in refused.content.decode()
    arabic.refresh_from_db()
    assert arabic.live is False

    with django_capture_on_commit_callbacks(execute=True):
        confirmed = admin_client.post(confirm_url, {"segments": segments, "confirm": "on"})
    assert confirmed.status_code == 302
    arabic.refresh_from_db()
    assert arabic.live
    html = admin_client.get(arabic.url).content.decode()
    assert ARABIC_TITLE in html and SENTENCE in html  # a person chose this


def test_a_confirmation_for_another_list_of_missing_parts_publishes_nothing(
    admin_client, support_page
):
    translation = submit_for_translation(admin_client, support_page, "ar")["ar"]
    confirm_url = reverse("translations_publish_incomplete", args=[translation.pk])
    shown = admin_client.get(confirm_url).context["form"].initial["segments"]
    translate_strings(
        translation,
        {
            SWEDISH["title"]: ARABIC_TITLE,
            SENTENCE: ARABIC_SENTENCE,
            "utsatt-for-vald": "utsatt-for-vald",
        },
    )
    response = admin_client.post(confirm_url, {"segments": shown, "confirm": "on"})
    assert response.status_code == 400
    assert "har ändrats" in response.content.decode()
    assert translation.get_target_instance().live is False


def test_someone_who_may_not_publish_the_page_cannot_confirm_a_half_translation(
    client, admin_client, support_page
):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    translation = submit_for_translation(admin_client, support_page, "ar")["ar"]
    user = get_user_model().objects.create_user(username="lasare", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    confirm_url = reverse("translations_publish_incomplete", args=[translation.pk])
    # Wagtail's admin answers a refused permission with a redirect to the dashboard.
    for response in (
        client.get(confirm_url),
        client.post(confirm_url, {"confirm": "on", "segments": ""}),
    ):
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert translation.get_target_instance().live is False


def test_a_complete_translation_is_published_without_a_missing_warning_although_the_slug_is_untranslated(
    admin_client, support_page, django_capture_on_commit_callbacks
):
    translation = submit_for_translation(admin_client, support_page, "ar")["ar"]
    translate_strings(
        translation,
        {
            SWEDISH["title"]: ARABIC_TITLE,
            SENTENCE: ARABIC_SENTENCE,
            "utsatt-for-vald": "utsatt-for-vald",
        },
    )
    StringTranslation.objects.filter(
        locale=translation.target_locale, context__path="slug"
    ).delete()

    response = publish_translation(admin_client, translation, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    text = messages_shown_after(admin_client, response)
    assert "publicerades på" in text
    assert '<li class="warning' not in text and '<li class="error' not in text, text
    assert "inte översatt" not in text and "missing translations" not in text
    arabic = translation.get_target_instance()
    assert arabic.live and arabic.slug == "utsatt-for-vald"
    html = admin_client.get(arabic.url).content.decode()
    assert ARABIC_SENTENCE in html and SENTENCE not in html


def test_a_brochure_translation_with_an_untranslated_section_is_refused(
    admin_client, shared_support_site, django_capture_on_commit_callbacks
):
    from information.models import Brochure

    swedish = Brochure.objects.get(slug="stod-vid-vald", locale__language_code="sv")
    translation = submit_snippet(admin_client, swedish, "fa")
    translate_all(translation, {})
    untranslated = StringSegment.objects.filter(
        source=translation.source, context__path__startswith="sections"
    ).first()
    StringTranslation.objects.filter(
        translation_of=untranslated.string,
        context=untranslated.context,
        locale=translation.target_locale,
    ).delete()

    response = publish_in_editor(admin_client, translation, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    persian = translation.get_target_instance()
    persian.refresh_from_db()
    assert persian.live is False
    text = messages_shown_after(admin_client, response)
    assert '<li class="error' in text and "publicerades inte" in text and "avsnitt:" in text


def test_sync_and_publish_immediately_does_not_put_a_new_swedish_sentence_on_the_arabic_page(
    admin_client, support_page, django_capture_on_commit_callbacks
):
    translation = submit_for_translation(admin_client, support_page, "ar")["ar"]
    translate_strings(
        translation,
        {
            SWEDISH["title"]: ARABIC_TITLE,
            SENTENCE: ARABIC_SENTENCE,
            "utsatt-for-vald": "utsatt-for-vald",
        },
    )
    publish_translation(admin_client, translation, django_capture_on_commit_callbacks)
    arabic = translation.get_target_instance()

    support_page.easy_read = "<p>Ring 112 om du är i fara.</p>"
    support_page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:update_translations", args=[translation.source_id]),
            {"publish_translations": "on"},
        )
    assert response.status_code == 302
    text = messages_shown_after(admin_client, response)
    assert '<li class="warning' in text and "publicerades inte på:" in text
    html = admin_client.get(arabic.url).content.decode()
    assert "Ring 112 om du är i fara." not in html
    assert (
        ARABIC_SENTENCE in html
    )  # the last published translation stays until the new sentence is translated


def test_bulk_publishing_in_the_page_explorer_refuses_a_half_translated_support_page(
    admin_client, support_page
):
    translation = submit_for_translation(admin_client, support_page, "ar")["ar"]
    arabic = translation.get_target_instance()
    explorer = reverse("wagtailadmin_explore", args=[arabic.get_parent().pk])
    url = (
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        + f"?id={arabic.pk}&next={explorer}"
    )

    response = admin_client.post(url)
    assert response.status_code == 302 and response["Location"] == explorer
    arabic.refresh_from_db()
    assert arabic.live is False
    text = messages_shown_after(admin_client, response)
    assert "Ingenting publicerades" in text and SWEDISH["title"] in text
