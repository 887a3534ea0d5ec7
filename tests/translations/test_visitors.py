"""What a visitor (and a search engine) gets: hreflang, sitemap, switcher, local formats."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import formats, translation
from wagtail.models import Locale

from multilingual.languages import SITE_LANGUAGES
from tests.helpers.html import one, select

pytestmark = pytest.mark.django_db

ALL_CODES = [code for code, *_ in SITE_LANGUAGES]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def translate_page(page, code, title):
    copy = page.copy_for_translation(Locale.objects.get(language_code=code))
    copy.title = title
    copy.save_revision().publish()
    return copy


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def test_every_language_home_page_names_all_its_versions_in_hreflang(client, demo_site):
    for code in ("sv", "ar", "ckb"):
        links = alternates(client.get(f"/{code}/").content.decode())
        assert set(links) == set(ALL_CODES) | {"x-default"}
        assert links["ar"] == "http://localhost/ar/"
        assert links["x-default"] == "http://localhost/sv/"


def test_hreflang_lists_only_languages_the_page_is_published_in(client, support_page):
    translate_page(support_page, "en", "Subjected to violence")
    draft = support_page.copy_for_translation(
        Locale.objects.get(language_code="ar")
    )  # never published
    assert not draft.live
    links = alternates(client.get("/sv/stod-och-hjalp/utsatt-for-vald/").content.decode())
    assert links == {
        "sv": "http://localhost/sv/stod-och-hjalp/utsatt-for-vald/",
        "en": "http://localhost/en/stod-och-hjalp/utsatt-for-vald/",
        "x-default": "http://localhost/sv/stod-och-hjalp/utsatt-for-vald/",
    }


def test_language_switcher_offers_only_the_languages_of_the_page(client, support_page):
    translate_page(support_page, "en", "Subjected to violence")
    translate_page(support_page, "ar", "التعرض للعنف")
    html = client.get("/sv/stod-och-hjalp/utsatt-for-vald/").content.decode()
    switcher = one(html, "nav.language-switcher")
    assert [item["lang"] for item in select(switcher, "ul [lang]")] == ["sv", "en", "ar"]
    assert "Soomaali" not in str(switcher)


def test_sitemap_lists_every_language_version_and_no_drafts(client, support_page):
    translate_page(support_page, "ar", "التعرض للعنف")
    support_page.copy_for_translation(Locale.objects.get(language_code="fa"))  # a draft
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = [url.find(f"{SITEMAP}loc").text for url in root.iter(f"{SITEMAP}url")]
    for code in ALL_CODES:
        assert f"http://localhost/{code}/" in locations
    assert "http://localhost/sv/stod-och-hjalp/utsatt-for-vald/" in locations
    assert "http://localhost/ar/stod-och-hjalp/utsatt-for-vald/" in locations
    assert not any("/fa/stod-och-hjalp/utsatt-for-vald/" in loc for loc in locations)
    assert len(locations) == len(set(locations))
    # Each entry names its other language versions, as hreflang does in the page.
    entry = next(
        u
        for u in root.iter(f"{SITEMAP}url")
        if u.find(f"{SITEMAP}loc").text.endswith("/sv/stod-och-hjalp/utsatt-for-vald/")
    )
    assert {link.get("hreflang") for link in entry.iter(f"{XHTML}link")} == {"sv", "ar"}


def test_sitemap_query_count_does_not_grow_with_languages(
    client, support_page, django_assert_max_num_queries
):
    translate_page(support_page, "ar", "التعرض للعنف")
    with django_assert_max_num_queries(12):
        response = client.get("/sitemap.xml")
    # The count is for the whole sitemap: every language's home page and the support page
    # in both its languages, each entry with its alternates.
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = {url.find(f"{SITEMAP}loc").text for url in root.iter(f"{SITEMAP}url")}
    assert {f"http://localhost/{code}/" for code in ALL_CODES} <= locations
    assert {
        f"http://localhost/{code}/stod-och-hjalp/utsatt-for-vald/" for code in ("sv", "ar")
    } <= locations
    assert len(list(root.iter(f"{XHTML}link"))) >= len(ALL_CODES)


def test_public_page_with_switcher_and_hreflang_keeps_a_flat_query_count(
    client, demo_site, django_assert_max_num_queries
):
    assert client.get("/sv/").status_code == 200
    with django_assert_max_num_queries(25):
        response = client.get("/ar/")
    # The count is for the Arabic home page with all it names: every language in hreflang
    # and in the switcher.
    assert response.status_code == 200
    html = response.content.decode()
    assert set(alternates(html)) == set(ALL_CODES) | {"x-default"}
    switcher = one(html, "nav.language-switcher")
    assert {item["lang"] for item in select(switcher, "ul [lang]")} == set(ALL_CODES)


@pytest.mark.parametrize(
    "code, expected",
    [
        ("sv", "5 mars 2026"),
        ("ar", "مارس"),
        ("ru", "марта"),
        ("es", "de marzo de 2026"),
        ("so", "05/03/2026"),
        ("ti", "05/03/2026"),
        # Django's Sorani names March with the Kurdish solar month that starts on 21 March.
        ("ckb", "05/03/2026"),
        ("bs", "5. mart 2026."),
    ],
)
def test_dates_are_written_the_way_each_language_writes_them(code, expected):
    with translation.override(code):
        assert expected in formats.date_format(datetime.date(2026, 3, 5), "DATE_FORMAT")


@pytest.mark.parametrize(
    "code, expected",
    [("sv", "12\xa0345,5"), ("en", "12,345.5"), ("so", "12,345.5"), ("es", "12\xa0345,5")],
)
def test_numbers_use_each_languages_separators(code, expected):
    with translation.override(code):
        assert formats.number_format(12345.5, 1, force_grouping=True) == expected


def test_a_404_page_claims_no_language_versions(client, demo_site):
    response = client.get("/ar/finns-inte/")
    assert response.status_code == 404
    assert 'hreflang="x-default"' not in response.content.decode()
