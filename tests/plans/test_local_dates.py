"""Plan pages write dates the way the reader's language does, and keep ISO for machines."""

import json
from datetime import UTC

import pytest

from plans.models import Measure
from plans.planfile import import_plan
from tests.helpers.plans import make_plan_data, translate_plan

pytestmark = pytest.mark.django_db

ADOPTED = {
    "sv": "31 januari 2025",
    "en": "Jan. 31, 2025",
    "ar": "31 يناير، 2025",
}


@pytest.fixture
def plans(plan_index):
    """A plan adopted on 31 January 2025, in Swedish, English and Arabic."""
    data = make_plan_data(4, key="datum")
    data["plan"]["decision_date"] = "2025-01-31"
    data["plan"]["revisions"] = [{"date": "2025-01-31", "change": "Antagen"}]
    data["plan"]["focus_areas"][0]["goals"][0]["measures"][0]["due_date"] = "2025-01-31"
    swedish, _created = import_plan(data, publish=True)
    return {
        "sv": swedish,
        "en": translate_plan(swedish, "en", "Plan"),
        "ar": translate_plan(swedish, "ar", "خطة"),
    }


@pytest.mark.parametrize("code", ["sv", "en", "ar"])
def test_plan_page_writes_the_adoption_date_in_the_readers_language(client, plans, code):
    html = client.get(plans[code].url).content.decode()
    assert f'<time datetime="2025-01-31">{ADOPTED[code]}</time>' in html
    # The validity period too, and nothing shows the ISO form as text any more.
    assert '<time datetime="2024-01-01">' in html and '<time datetime="2027-12-31">' in html
    assert ">2025-01-31<" not in html


def test_swedish_and_arabic_name_the_month_in_their_own_words(client, plans):
    swedish = client.get(plans["sv"].url).content.decode()
    arabic = client.get(plans["ar"].url).content.decode()
    assert "1 januari 2024" in swedish and "31 december 2027" in swedish
    assert "يناير" in arabic and "ديسمبر" in arabic
    assert "januari" not in arabic


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_measure_page_and_follow_up_report_write_local_dates(client, plans, code):
    plan = plans[code]
    listing = client.get(plan.url + "atgarder/").content.decode()
    assert f'<time datetime="2025-01-31">{ADOPTED[code]}</time>' in listing  # the due date

    measure = Measure.objects.get(locale__language_code=code, due_date="2025-01-31")
    html = client.get(f"{plan.url}atgarder/{measure.pk}/").content.decode()
    # The due date, and the follow-up entry of the same day.
    assert html.count(f'<time datetime="2025-01-31">{ADOPTED[code]}</time>') == 2
    assert ">2025-01-31<" not in html

    report = client.get(plan.url + "uppfoljning/?year=2025").content.decode()
    assert f'<time datetime="2025-01-31">{ADOPTED[code]}</time>' in report
    assert ">2025-01-31<" not in report


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_printable_plan_writes_local_dates(client, plans, code):
    html = client.get(plans[code].url + "utskrift/").content.decode()
    assert f'<time datetime="2025-01-31">{ADOPTED[code]}</time>: Antagen' in html


def test_exports_keep_iso_dates(client, plans):
    plan = plans["ar"]
    csv_text = client.get(plan.url + "atgarder/csv/").content.decode("utf-8-sig")
    assert "2025-01-31" in csv_text and "يناير" not in csv_text
    data = client.get(plan.url + "atgarder/json/").json()
    assert "2025-01-31" in json.dumps(data) and "يناير" not in json.dumps(data, ensure_ascii=False)


def test_a_moment_is_dated_by_the_swedish_day_not_the_utc_one():
    from datetime import datetime

    from django.utils import translation

    from multilingual.templatetags.multilingual_tags import local_date

    late_evening_utc = datetime(2025, 1, 30, 23, 30, tzinfo=UTC)  # 00:30 on 31 January in Stockholm
    with translation.override("sv"):
        assert local_date(late_evening_utc) == '<time datetime="2025-01-31">31 januari 2025</time>'
