"""Machine translation is off unless configured; when on, its output is a draft to review."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from tests.helpers.translation import SWEDISH, submit_for_translation
from website.machine_translation import machine_translator_from_env


def test_machine_translation_is_off_by_default():
    from django.conf import settings

    assert machine_translator_from_env({}) is None
    assert machine_translator_from_env({"MACHINE_TRANSLATOR": ""}) is None
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR is None


def test_libretranslate_is_configured_from_the_environment():
    config = machine_translator_from_env(
        {
            "MACHINE_TRANSLATOR": "libretranslate",
            "LIBRETRANSLATE_URL": "http://mt.kommun.internal:5000/",
            "LIBRETRANSLATE_API_KEY": "k",
        }
    )
    assert config["CLASS"].endswith("LibreTranslator")
    assert config["OPTIONS"]["LIBRETRANSLATE_URL"] == "http://mt.kommun.internal:5000"
    assert config["OPTIONS"]["API_KEY"] == "k"


def test_deepl_is_configured_from_the_environment():
    config = machine_translator_from_env(
        {
            "MACHINE_TRANSLATOR": "DeepL",
            "DEEPL_AUTH_KEY": "abc:fx",
            "DEEPL_FORMALITY": "prefer_less",
        }
    )
    assert config["CLASS"].endswith("DeepLTranslator")
    assert config["OPTIONS"]["AUTH_KEY"] == "abc:fx"
    assert config["OPTIONS"]["FORMALITY"] == "prefer_less"


@pytest.mark.parametrize(
    "environ, message",
    [
        ({"MACHINE_TRANSLATOR": "google"}, "one of"),
        ({"MACHINE_TRANSLATOR": "libretranslate"}, "LIBRETRANSLATE_URL"),
        ({"MACHINE_TRANSLATOR": "deepl"}, "DEEPL_AUTH_KEY"),
    ],
)
def test_incomplete_configuration_stops_the_site_with_a_clear_message(environ, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        machine_translator_from_env(environ)


@pytest.mark.django_db
def test_without_a_machine_translator_the_button_leads_nowhere(admin_client, support_page):
    arabic = submit_for_translation(admin_client, support_page, "ar")["ar"]
    response = admin_client.post(reverse("wagtail_localize:machine_translate", args=[arabic.pk]))
    # wagtail-localize answers 404; Django's LocaleMiddleware turns an unprefixed 404 into a
    # redirect to /sv/..., which is a 404 as well.
    if response.status_code == 302:
        response = admin_client.get(response["Location"])
    assert response.status_code == 404
    assert not StringTranslation.objects.filter(locale=arabic.target_locale).exists()


@pytest.mark.django_db
def test_dummy_machine_translation_fills_strings_and_leaves_a_draft(admin_client, support_page):
    arabic = submit_for_translation(admin_client, support_page, "ar")["ar"]
    with override_settings(
        WAGTAILLOCALIZE_MACHINE_TRANSLATOR=machine_translator_from_env(
            {"MACHINE_TRANSLATOR": "dummy"}
        )
    ):
        response = admin_client.post(
            reverse("wagtail_localize:machine_translate", args=[arabic.pk]), {"next": "/admin/"}
        )
    assert response.status_code == 302
    texts = dict(
        StringTranslation.objects.filter(locale=arabic.target_locale).values_list(
            "translation_of__data", "data"
        )
    )
    # The dummy translator reverses the words: "Utsatt för våld" -> "våld för Utsatt".
    assert texts[SWEDISH["title"]] == "våld för Utsatt"
    assert StringTranslation.objects.filter(
        locale=arabic.target_locale, translation_type="machine"
    ).exists()
    page = arabic.get_target_instance()
    assert page.live is False  # a person reads it through and publishes it
