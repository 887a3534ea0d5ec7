"""A translated plan names its responsible organisations in the reader's language."""

import pytest
from wagtail.models import Locale

from plans.models import Organisation
from tests.helpers.plans import translate_plan

pytestmark = pytest.mark.django_db

ARABIC_NAME = "لجنة الشؤون الاجتماعية"


@pytest.fixture
def arabic_plan(demo_plans):
    plan = translate_plan(demo_plans["sodertalje-vinr-hrv-pom"], "ar", "خطة العمل")
    social = Organisation.objects.get(key="sn", locale__language_code="sv")
    arabic = social.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.name = ARABIC_NAME
    arabic.save()
    return plan


def test_measure_list_in_arabic_names_the_organisation_in_arabic(client, arabic_plan):
    html = client.get(arabic_plan.url + "atgarder/").content.decode()
    assert ARABIC_NAME in html
    assert ">Socialnämnden<" not in html
    # The filter offers the Arabic name, and filtering by it still finds its measures.
    assert f'value="sn">{ARABIC_NAME}</option>' in html
    filtered = client.get(arabic_plan.url + "atgarder/csv/?organisation=sn").content.decode()
    assert ARABIC_NAME in filtered


def test_swedish_plan_keeps_the_swedish_name(client, arabic_plan, demo_plans):
    html = client.get(demo_plans["sodertalje-vinr-hrv-pom"].url + "atgarder/").content.decode()
    assert ">Socialnämnden<" in html
    assert ARABIC_NAME not in html
