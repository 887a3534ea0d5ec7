"""One locale cache for the whole extension, emptied whenever a Locale changes."""

import pytest
from django.template import Context, Template
from wagtail.models import Locale

from multilingual.localization import language_code_for, locale_id_for

pytestmark = pytest.mark.django_db


def test_a_changed_locale_is_seen_at_once_by_the_template_filters_and_the_helpers():
    """information_tags kept its own copy of the locales that nothing emptied: a locale
    whose language changed kept marking content with the old ``lang``."""
    locale = Locale.objects.create(language_code="pl")
    page_like = type("Snippet", (), {"locale_id": locale.pk})()
    template = Template("{% load multilingual_tags %}{{ obj|content_lang }} {{ obj|content_dir }}")
    assert template.render(Context({"obj": page_like})) == "pl ltr"

    locale.language_code = "ar"
    locale.save()
    assert template.render(Context({"obj": page_like})) == "ar rtl"
    assert language_code_for(locale.pk) == "ar"
    assert locale_id_for("ar") == locale.pk and locale_id_for("pl") is None


def test_a_deleted_locale_is_forgotten():
    locale = Locale.objects.create(language_code="fi")
    assert locale_id_for("fi") == locale.pk
    locale.delete()
    assert locale_id_for("fi") is None
