"""Everything a visitor reads can go through wagtail-localize: pages and snippets."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from translations.overview import translation_overview


def test_every_snippet_type_is_translatable():
    assert get_snippet_models()
    assert [
        m._meta.label for m in get_snippet_models() if not issubclass(m, TranslatableMixin)
    ] == []


def test_every_page_type_is_translatable():
    from django.apps import apps

    page_models = [m for m in apps.get_models() if issubclass(m, Page) and m is not Page]
    assert page_models
    assert all(issubclass(m, TranslatableMixin) for m in page_models)


@pytest.mark.django_db
def test_a_helpline_is_translated_into_somali_through_wagtail_localize(admin_client, demo_site):
    from information.models import Helpline

    helpline = Helpline.objects.get(name="Kvinnofridslinjen", locale__language_code="sv")
    somali = Locale.objects.get(language_code="so")
    response = admin_client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["information", "helpline", helpline.pk],
        ),
        {"locales": [somali.pk]},
    )
    assert response.status_code == 302
    source = TranslationSource.objects.get(
        object_id=helpline.translation_key, locale=helpline.locale
    )
    translation = Translation.objects.get(source=source, target_locale=somali)
    somali_texts = {"Dygnet runt": "24 saac maalintii"}
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        if segment.string.data in somali_texts:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=somali,
                context=segment.context,
                data=somali_texts[segment.string.data],
            )
    translation.save_target(publish=True)
    translated = Helpline.objects.get(translation_key=helpline.translation_key, locale=somali)
    assert translated.opening_hours == "24 saac maalintii"
    assert translated.phone_number == helpline.phone_number  # numbers are not translated
    rows, _codes = translation_overview(languages=["so"])
    row = next(r for r in rows if r.title.startswith("Kvinnofridslinjen"))
    assert row.cells["so"].exists and row.cells["so"].managed
    assert 0 < row.cells["so"].percent < 100
