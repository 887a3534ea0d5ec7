"""Swedish text published with "Publicera ändå" on an Arabic page says it is Swedish
(issue 21, finding 6).

wagtail-localize fills an untranslated part with the Swedish text. On the Arabic page it
stood inside ``<html lang="ar" dir="rtl">``, so a screen reader read the Swedish sentence
with an Arabic voice, right to left. The parts without a translation now carry
``lang="sv" dir="ltr"``; the translated ones do not.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation

from tests.helpers.translation import submit_for_translation

pytestmark = pytest.mark.django_db

SENTENCE = "Du är inte ensam. Det finns hjälp."
ARABIC_TITLE = "إذا تعرضت للعنف في البيت"
ARABIC_SENTENCE = "لست وحدك. هناك مساعدة."


def translate(translation, path, text):
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=translation.target_locale,
        context=segment.context,
        data=text,
    )


def swedish_span(text):
    """``<span lang="sv" dir="ltr">text</span>``, the attributes in either order."""
    return re.compile(rf'<span (lang="sv" dir="ltr"|dir="ltr" lang="sv")>{re.escape(text)}</span>')


def publish_anyway(client, translation, on_commit):
    url = reverse("translations_publish_incomplete", args=[translation.pk])
    segments = client.get(url).context["form"].initial["segments"]
    with on_commit(execute=True):
        response = client.post(url, {"confirm": "on", "segments": segments})
    assert response.status_code == 302


def test_the_swedish_sentence_on_the_arabic_page_is_marked_swedish(
    admin_client, support_page, django_capture_on_commit_callbacks
):
    translation = submit_for_translation(admin_client, support_page, "ar")["ar"]
    translate(translation, "title", ARABIC_TITLE)
    publish_anyway(admin_client, translation, django_capture_on_commit_callbacks)

    arabic = translation.get_target_instance()
    arabic.refresh_from_db()
    assert arabic.live
    html = Client().get(arabic.url).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert swedish_span(SENTENCE).search(html)
    assert ARABIC_TITLE in html and not swedish_span(ARABIC_TITLE).search(html)
    # The page's own title (plain text) has no markup in it.
    assert "&lt;span" not in html


def test_a_translated_sentence_is_not_marked(
    admin_client, support_page, django_capture_on_commit_callbacks
):
    translation = submit_for_translation(admin_client, support_page, "ar")["ar"]
    translate(translation, "title", ARABIC_TITLE)
    translate(translation, "easy_read", ARABIC_SENTENCE)
    publish_anyway(admin_client, translation, django_capture_on_commit_callbacks)
    html = Client().get(translation.get_target_instance().url).content.decode()
    assert ARABIC_SENTENCE in html and SENTENCE not in html
    assert not swedish_span(ARABIC_SENTENCE).search(html)
