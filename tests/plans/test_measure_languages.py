"""A measure page's language switcher and hreflang lead to the same measure in each language."""

import re

import pytest

from plans.models import Measure
from tests.helpers.plans import translate_plan

pytestmark = pytest.mark.django_db

PLAN_KEY = "sodertalje-vinr-hrv-pom"


def switcher_links(html):
    """{language code: address} of the language switcher's links."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    return (
        {
            code: url
            for url, code in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', nav.group(0))
        }
        if nav
        else {}
    )


def switcher_languages(html):
    """The languages listed in the switcher (its list, not its sv/en/ar label)."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    return re.findall(r'lang="([^"]+)" dir=', nav.group(0).split("<ul", 1)[-1]) if nav else []


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


@pytest.fixture
def english_plan(demo_plans):
    plan = translate_plan(demo_plans[PLAN_KEY], "en", "Action plan")
    # The translator's English title of one measure, so the test can tell the languages apart.
    measure = Measure.objects.filter(locale__language_code="en", identifier="1:1").get()
    measure.title = "Every child is asked about violence"
    measure.save()
    return plan


def measure_url(plan, locale_code, identifier):
    measure = Measure.objects.get(
        locale__language_code=locale_code,
        identifier=identifier,
        focus_area__path__startswith=plan.path,
    )
    return f"{plan.url}atgarder/{measure.pk}/", measure


def test_measure_page_offers_the_same_measure_in_each_language_of_the_plan(
    client, demo_plans, english_plan
):
    swedish_plan = demo_plans[PLAN_KEY]
    url, swedish = measure_url(swedish_plan, "sv", "1:1")
    html = client.get(url).content.decode()

    assert switcher_languages(html) == ["sv", "en"]  # only the languages the measure is in
    english_url = switcher_links(html)["en"]
    assert english_url != english_plan.url
    english_html = client.get(english_url).content.decode()
    heading = re.search(r"<h1>(.*?)</h1>", english_html, re.S).group(1)
    assert "1:1" in heading and "Every child is asked about violence" in heading
    english = Measure.objects.get(pk=int(english_url.rstrip("/").rsplit("/", 1)[1]))
    assert (english.translation_key, english.identifier, english.locale.language_code) == (
        swedish.translation_key,
        "1:1",
        "en",
    )

    # And back: the English measure page leads to the Swedish measure.
    assert switcher_links(english_html)["sv"] == url


def test_measure_page_hreflang_names_the_measure_in_each_language(client, demo_plans, english_plan):
    url, _swedish = measure_url(demo_plans[PLAN_KEY], "sv", "1:1")
    english_url, _english = measure_url(english_plan, "en", "1:1")
    links = alternates(client.get(url).content.decode())
    assert links == {
        "sv": f"http://localhost{url}",
        "en": f"http://localhost{english_url}",
        "x-default": f"http://localhost{url}",
    }


def test_a_measure_missing_from_the_translation_is_not_offered_in_that_language(
    client, demo_plans, english_plan
):
    Measure.objects.filter(locale__language_code="en", identifier="1:1").delete()
    url, _swedish = measure_url(demo_plans[PLAN_KEY], "sv", "1:1")
    html = client.get(url).content.decode()
    assert "en" not in switcher_links(html)
    assert "en" not in alternates(html)


@pytest.mark.parametrize("subpath", ["atgarder/", "uppfoljning/", "utskrift/"])
def test_the_plans_other_views_switch_language_to_the_same_view(
    client, demo_plans, english_plan, subpath
):
    swedish_plan = demo_plans[PLAN_KEY]
    html = client.get(f"{swedish_plan.url}{subpath}?status=ongoing").content.decode()
    links = switcher_links(html)
    assert links["en"] == f"{english_plan.url}{subpath}"  # filters are not carried over
    assert client.get(links["en"]).status_code == 200
    assert alternates(html)["en"].endswith(f"{english_plan.url}{subpath}")
