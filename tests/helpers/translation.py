"""The translation workflow as an editor drives it: submit, translate each string, publish."""

import polib
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

SWEDISH = {
    "index_title": "Stöd och hjälp",
    "title": "Utsatt för våld",
    "easy_read": "<p>Du är inte ensam. Det finns hjälp.</p>",
}
#: The Persian translation an agency sends back for the page of ``SWEDISH``.
PERSIAN = {
    SWEDISH["title"]: "در معرض خشونت",
    "Du är inte ensam. Det finns hjälp.": "شما تنها نیستید. کمک وجود دارد.",
    "utsatt-for-vald": "dar-marz-khoshunat",
}


def locale(code):
    return Locale.objects.get(language_code=code)


def submit_for_translation(client, page, *codes):
    """What an editor does with "Translate this page": one POST to wagtail-localize's view."""
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale(code).pk for code in codes]},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    return {
        code: Translation.objects.get(source=source, target_locale=locale(code)) for code in codes
    }


def translate_strings(translation, texts):
    """Enter a translation for every string of the source, as the editor's text boxes do.

    ``texts`` maps the Swedish string to its translation.
    """
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": texts[segment.string.data], "translation_type": "manual"},
        )


def publish_translation(client, translation, on_commit):
    """The "Publish in Arabic" button of wagtail-localize's editor (a POST to the page's edit view).

    wagtail-localize publishes the new revision when the transaction commits;
    ``on_commit`` is pytest-django's ``django_capture_on_commit_callbacks``.
    """
    target = translation.get_target_instance()
    with on_commit(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"}
        )
    return response


def download_po(client, translation):
    """wagtail-localize's "Download PO file", checked to be one, parsed."""
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    assert ".po" in response["Content-Disposition"]
    return polib.pofile(response.content.decode("utf-8"))


def page_submit_url(page):
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])
