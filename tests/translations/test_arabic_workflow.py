"""A Swedish support page translated into Arabic the way an editor does it in the admin."""

import pytest
from django.urls import reverse

from tests.helpers.translation import (
    SWEDISH,
    publish_translation,
    submit_for_translation,
    translate_strings,
)
from translations.overview import translation_overview

pytestmark = pytest.mark.django_db

ARABIC = {
    SWEDISH["title"]: "التعرض للعنف",
    "Du är inte ensam. Det finns hjälp.": "لست وحدك. هناك مساعدة.",
    "utsatt-for-vald": "altaarud-lilunf",
}
NEW_ARABIC = "لست وحدك. هناك مساعدة على مدار الساعة."


def arabic_cell(title):
    rows, _codes = translation_overview(languages=["ar"])
    return next(row for row in rows if row.title == title).cells["ar"]


def test_arabic_translation_is_a_draft_until_published_then_renders_right_to_left(
    admin_client, support_page, django_capture_on_commit_callbacks
):
    translations = submit_for_translation(admin_client, support_page, "ar")
    arabic = translations["ar"].get_target_instance()
    # The Swedish page is live, but its translation waits for a person to publish it.
    assert arabic.live is False
    assert admin_client.get("/ar/stod-och-hjalp/utsatt-for-vald/").status_code in (200, 404)
    assert (
        "لست وحدك" not in admin_client.get("/ar/stod-och-hjalp/utsatt-for-vald/").content.decode()
    )
    cell = arabic_cell(SWEDISH["title"])
    assert cell.percent == 0 and cell.live is False

    translate_strings(translations["ar"], ARABIC)
    assert arabic_cell(SWEDISH["title"]).percent == 100
    response = publish_translation(
        admin_client, translations["ar"], django_capture_on_commit_callbacks
    )
    assert response.status_code == 302

    arabic.refresh_from_db()
    assert arabic.live
    html = admin_client.get(arabic.url).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "التعرض للعنف" in html
    assert "لست وحدك. هناك مساعدة." in html
    assert "Du är inte ensam" not in html
    assert arabic_cell(SWEDISH["title"]).state == "done"


def test_changing_the_swedish_page_marks_the_arabic_translation_out_of_date(
    admin_client, support_page, django_capture_on_commit_callbacks
):
    translations = submit_for_translation(admin_client, support_page, "ar")
    translate_strings(translations["ar"], ARABIC)
    publish_translation(admin_client, translations["ar"], django_capture_on_commit_callbacks)
    assert arabic_cell(SWEDISH["title"]).out_of_date is False

    # A save that changes no text is not a change.
    support_page.save_revision().publish()
    assert arabic_cell(SWEDISH["title"]).out_of_date is False

    support_page.easy_read = "<p>Du är inte ensam. Det finns hjälp dygnet runt.</p>"
    support_page.save_revision().publish()
    cell = arabic_cell(SWEDISH["title"])
    assert cell.out_of_date is True
    assert cell.state == "out_of_date"

    # The overview in the admin says so.
    html = admin_client.get(reverse("translations_overview")).content.decode()
    assert "Inaktuell" in html
    assert 'data-language="ar" data-state="out_of_date"' in html
    sync_url = reverse("wagtail_localize:update_translations", args=[translations["ar"].source_id])
    assert f'href="{sync_url}"' in html

    # "Sync translated pages": the new sentence comes in, the rest stays translated.
    response = admin_client.post(
        reverse("wagtail_localize:update_translations", args=[translations["ar"].source_id]), {}
    )
    assert response.status_code == 302
    cell = arabic_cell(SWEDISH["title"])
    assert 0 < cell.percent < 100
    # Syncing did not publish anything: the Arabic visitor still reads the old, whole
    # translation, without the new sentence, so it is still out of date.
    arabic = translations["ar"].get_target_instance()
    assert "لست وحدك. هناك مساعدة." in admin_client.get(arabic.url).content.decode()
    assert cell.state == "out_of_date"
    assert (
        'data-language="ar" data-state="out_of_date"'
        in admin_client.get(reverse("translations_overview")).content.decode()
    )

    # Translated, but not yet published: visitors still lack it.
    translate_strings(
        translations["ar"], {**ARABIC, "Du är inte ensam. Det finns hjälp dygnet runt.": NEW_ARABIC}
    )
    cell = arabic_cell(SWEDISH["title"])
    assert cell.percent == 100 and cell.state == "out_of_date"

    publish_translation(admin_client, translations["ar"], django_capture_on_commit_callbacks)
    assert NEW_ARABIC in admin_client.get(arabic.url).content.decode()
    assert arabic_cell(SWEDISH["title"]).state == "done"


def test_overview_lists_pages_and_snippets_for_every_language(admin_client, support_page):
    response = admin_client.get(reverse("translations_overview"))
    assert response.status_code == 200
    html = response.content.decode()
    assert SWEDISH["title"] in html
    assert "Kvinnofridslinjen" in html  # a helpline snippet
    for local_name in ("العربية", "کوردی", "Українська", "Español"):
        assert local_name in html
    # The demo's Arabic helpline exists; the Somali one does not.
    rows, _codes = translation_overview()
    row = next(r for r in rows if r.title.startswith("Kvinnofridslinjen"))
    assert row.cells["ar"].exists and not row.cells["so"].exists
    assert row.cells["so"].state == "missing"


def test_overview_filters_by_language_and_pending(admin_client, support_page):
    html = admin_client.get(
        reverse("translations_overview"), {"language": "fa", "pending": "1"}
    ).content.decode()
    assert 'data-language="fa"' in html
    assert 'data-language="ar"' not in html
    assert SWEDISH["title"] in html  # not translated into Persian: pending


def test_a_translation_made_by_hand_is_out_of_date_when_the_swedish_page_is_published_later(
    support_page,
):
    from wagtail.models import Locale

    english = support_page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Subjected to violence"
    english.save_revision().publish()
    rows, _codes = translation_overview(languages=["en"])
    row = next(row for row in rows if row.title == SWEDISH["title"])
    assert row.cells["en"].state == "done" and row.cells["en"].percent is None

    support_page.easy_read = "<p>Ny text.</p>"
    support_page.save_revision().publish()
    rows, _codes = translation_overview(languages=["en"])
    row = next(row for row in rows if row.title == SWEDISH["title"])
    assert row.cells["en"].out_of_date


def test_the_overview_makes_no_more_queries_with_three_languages_translated_than_with_one(
    admin_client, support_page, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    translations = submit_for_translation(admin_client, support_page, "ar")
    translate_strings(translations["ar"], ARABIC)
    publish_translation(admin_client, translations["ar"], django_capture_on_commit_callbacks)
    with CaptureQueriesContext(connection) as one_language:
        translation_overview()

    more = submit_for_translation(admin_client, support_page, "en", "fa")
    translate_strings(more["en"], {text: text for text in ARABIC})
    publish_translation(admin_client, more["en"], django_capture_on_commit_callbacks)
    with CaptureQueriesContext(connection) as three_languages:
        rows, _codes = translation_overview()
    row = next(row for row in rows if row.title == SWEDISH["title"])
    assert (row.cells["ar"].state, row.cells["en"].state, row.cells["fa"].state) == (
        "done",
        "done",
        "incomplete",
    )
    print(
        f"overview queries: {len(one_language)} with one language, {len(three_languages)} with three"
    )
    assert len(three_languages) <= len(one_language)
