"""Snippets as editors and translators handle them in the admin: the edit forms as the
admin posts them, and a snippet's translation through wagtail-localize."""

from django.urls import reverse
from wagtail.test.utils.form_data import rich_text
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from tests.helpers.translation import locale, translate_strings

NEW_NUMBER = "020-11 22 33"


def swedish(model_name, name):
    """The Swedish ``information`` snippet of that model with that name."""
    from django.apps import apps

    return apps.get_model("information", model_name).objects.get(
        name=name, locale__language_code="sv"
    )


def edit_url(obj):
    return reverse(f"wagtailsnippets_information_{obj._meta.model_name}:edit", args=[obj.pk])


def helpline_form(helpline, **changes):
    """The helpline's edit form as the admin posts it, with ``changes``."""
    data = {
        "name": helpline.name,
        "phone_number": helpline.phone_number,
        "alternative_number": helpline.alternative_number,
        "opening_hours": helpline.opening_hours,
        "languages_offered": helpline.languages_offered,
        "audience": helpline.audience,
        "description": rich_text(helpline.description or "<p></p>"),
        "website": helpline.website,
        "last_verified": helpline.last_verified.isoformat() if helpline.last_verified else "",
    }
    for flag in ("is_emergency", "open_around_the_clock", "free_of_charge", "anonymous"):
        if getattr(helpline, flag):
            data[flag] = "on"
    data.update(changes)
    return data


def service_form(service, **changes):
    """The local service's edit form as the admin posts it, with ``changes``."""
    data = {
        "name": service.name,
        "audience": service.audience,
        "phone_number": service.phone_number,
        "email": service.email,
        "address": service.address,
        "website": service.website,
        "opening_hours": service.opening_hours,
        "languages_offered": service.languages_offered,
        "description": rich_text(service.description or "<p></p>"),
    }
    if service.walk_in:
        data["walk_in"] = "on"
    data.update(changes)
    return data


def form_for(obj, **changes):
    return (helpline_form if obj._meta.model_name == "helpline" else service_form)(obj, **changes)


def submit_snippet(client, snippet, code):
    """ "Translate" on a snippet: one POST to wagtail-localize's form, as in the admin."""
    meta = snippet._meta
    response = client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[meta.app_label, meta.model_name, snippet.pk],
        ),
        {"locales": [locale(code).pk]},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    source = TranslationSource.objects.get(object_id=snippet.translation_key, locale=snippet.locale)
    return Translation.objects.get(source=source, target_locale=locale(code))


def translate_all(translation, texts):
    """Every string of the source translated: ``texts`` where given, else left as it is."""
    strings = StringSegment.objects.filter(source=translation.source).values_list(
        "string__data", flat=True
    )
    translate_strings(translation, {text: texts.get(text, text) for text in strings})


def publish_in_editor(client, translation, on_commit):
    """The translation editor's "Publish" button (a POST to the snippet's edit view)."""
    target = translation.get_target_instance()
    meta = target._meta
    with on_commit(execute=True):
        return client.post(
            reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[target.pk]),
            {"action": "publish"},
        )
