"""The translation overview costs the same number of SQL queries however many pages and
snippets have been sent for translation: it lists every one of them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from translations.overview import translation_overview

pytestmark = pytest.mark.django_db


def add_helplines_sent_for_translation(count, start):
    """``count`` new Swedish helplines, each sent for translation into Arabic."""
    from information.models import Helpline

    swedish, arabic = Locale.objects.get(language_code="sv"), Locale.objects.get(language_code="ar")
    for number in range(start, start + count):
        helpline = Helpline(
            locale=swedish,
            name=f"Stödlinje {number}",
            phone_number="020-50 50 50",
            opening_hours="Dygnet runt",
        )
        helpline.save()
        helpline.save_revision().publish()
        source, _created = TranslationSource.get_or_create_from_instance(helpline)
        Translation.objects.create(source=source, target_locale=arabic)


def overview_queries():
    with CaptureQueriesContext(connection) as queries:
        rows, _codes = translation_overview(languages=["ar"])
    return len(queries), rows


def test_the_overview_makes_no_query_per_row(demo_site):
    add_helplines_sent_for_translation(2, start=0)
    few, rows = overview_queries()
    add_helplines_sent_for_translation(8, start=2)
    many, more_rows = overview_queries()
    assert len(more_rows) == len(rows) + 8
    sent = [row for row in more_rows if row.title.startswith("Stödlinje ")]
    assert len(sent) == 10 and all(row.cells["ar"].managed for row in sent)
    assert many == few, f"{few} queries for {len(rows)} rows, {many} for {len(more_rows)}"
