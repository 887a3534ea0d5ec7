"""Support pages as a visitor meets them: the right number first, in their language."""

import re

import pytest

from tests.privacy import foreign_resources

pytestmark = pytest.mark.django_db

PAGES = [
    "/sv/stod/",
    "/sv/stod/utsatt-for-vald/",
    "/ar/stod/utsatt-for-vald/",
    "/so/stod/utsatt-for-vald/",
    "/sv/stod/dolj-ditt-besok/",
    "/sv/stod/broschyrer/",
    "/ar/stod/broschyrer/",
    "/sv/stod/broschyrer/stod-vid-vald/",
    "/ar/stod/broschyrer/stod-vid-vald/",
    "/sv/stod/ordlista/",
]


def test_support_index_lists_a_page_per_situation(shared_support_site, client_for):
    html = client_for.get("/sv/stod/").content.decode()
    for title in [
        "Om du utsätts för våld",
        "För barn och unga",
        "För anhöriga och vänner",
        "Hedersrelaterat våld och förtryck",
        "Prostitution, människohandel och sexuell exploatering",
        "Använder du våld?",
        "För dig som arbetar med barn eller vuxna",
        "Dölj ditt besök",
    ]:
        assert title in html


def test_support_index_is_in_the_home_page_menu(shared_support_site, client_for):
    html = client_for.get("/sv/").content.decode()
    assert 'href="/sv/stod/"' in html
    assert "Stöd och hjälp" in html


def test_support_page_shows_the_helpline_as_a_tel_link_with_its_hours_in_arabic(
    shared_support_site, client_for
):
    response = client_for.get("/ar/stod/utsatt-for-vald/")
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'href="tel:020505050"' in html
    assert "على مدار الساعة" in html or "مفتوح على مدار الساعة" in html
    # The helpline is shown in Arabic: the snippet chosen on the Swedish page is localized.
    assert "خط كفينوفريدس" in html


def test_easy_read_summary_comes_before_the_body(shared_support_site, client_for):
    html = client_for.get("/sv/stod/utsatt-for-vald/").content.decode()
    assert html.index('class="easy-read"') < html.index('class="support-body"')


def test_questions_open_without_javascript(shared_support_site, client_for):
    html = client_for.get("/sv/stod/utsatt-for-vald/").content.decode()
    assert "<details" in html and "<summary>Måste jag polisanmäla?</summary>" in html


def test_emergency_callout_takes_the_number_from_the_emergency_helpline(
    shared_support_site, client_for
):
    from information.models import Helpline

    Helpline.objects.filter(is_emergency=True).update(phone_number="999")
    html = client_for.get("/sv/stod/utsatt-for-vald/").content.decode()
    callout = re.search(r'<div class="emergency-callout".*?</div>', html, re.S).group(0)
    assert 'href="tel:999"' in callout
    assert "112" not in callout


def test_local_service_shows_walk_in_and_contact(shared_support_site, client_for):
    html = client_for.get("/en/stod/utsatt-for-vald/").content.decode()
    assert "Social services reception" in html
    assert 'href="tel:0123456700"' in html
    assert "You can come without an appointment." in html


def test_page_lists_the_languages_it_exists_in(shared_support_site, client_for):
    html = client_for.get("/sv/stod/utsatt-for-vald/").content.decode()
    nav = re.search(r'<nav class="page-languages".*?</nav>', html, re.S).group(0)
    assert 'href="/en/stod/utsatt-for-vald/"' in nav
    assert 'href="/ar/stod/utsatt-for-vald/"' in nav and "العربية" in nav
    assert "Soomaali" not in nav


def test_missing_translation_falls_back_to_swedish_with_a_notice_in_the_visitors_language(
    shared_support_site, client_for
):
    response = client_for.get("/so/stod/utsatt-for-vald/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="so" dir="ltr">' in html
    notice = re.search(
        r'<section class="language-notice" lang="so" dir="ltr".*?</section>', html, re.S
    )
    assert notice, "the notice is marked as Somali"
    # Helplines that answer in Somali (Terrafem, 1177) are offered in the notice.
    assert "Terrafem" in notice.group(0) and 'href="tel:1177"' in notice.group(0)
    assert "Kvinnofridslinjen" not in notice.group(0)
    # The Swedish content is marked as Swedish for screen readers and translators.
    assert '<article class="support-content" lang="sv" dir="ltr">' in html
    assert "Om du utsätts för våld" in html


def test_fallback_works_in_a_language_without_a_written_index(shared_support_site, client_for):
    response = client_for.get("/fi/stod/anhoriga/")
    assert response.status_code == 200
    assert 'class="language-notice" lang="fi"' in response.content.decode()


def test_untranslated_pages_are_listed_in_the_visitors_index_under_their_prefix(
    shared_support_site, client_for
):
    html = client_for.get("/so/stod/").content.decode()
    assert 'href="/so/stod/utsatt-for-vald/"' in html
    assert 'lang="sv"' in html


def test_unknown_support_page_is_a_404_in_every_language(shared_support_site, client_for):
    assert client_for.get("/so/stod/finns-inte/").status_code == 404
    assert client_for.get("/sv/stod/finns-inte/").status_code == 404
    assert client_for.get("/so/stod/utsatt-for-vald/extra/").status_code == 404


def test_quick_exit_is_a_plain_link_to_the_neutral_site_with_a_note(
    shared_support_site, client_for
):
    from wagtail.models import Site

    from website.models import SiteSettings

    settings_obj = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_obj.quick_exit_url = "https://www.example.org/weather"
    settings_obj.save()
    for url in ["/sv/stod/utsatt-for-vald/", "/sv/stod/broschyrer/stod-vid-vald/", "/sv/stod/"]:
        html = client_for.get(url).content.decode()
        assert re.search(
            r'<a class="quick-exit" href="https://www.example.org/weather" rel="noreferrer" data-quick-exit>',
            html,
        )
        assert "You can also press Shift three times" in html or "Shift" in html
        assert "information/quick-exit.js" in html


@pytest.mark.parametrize("url", PAGES)
def test_pages_set_no_cookie_load_nothing_from_other_hosts_and_send_no_referrer(
    shared_support_site, client_for, url
):
    response = client_for.get(url)
    assert response.status_code == 200, url
    assert "Set-Cookie" not in response.headers
    assert not response.cookies
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert foreign_resources(response.content.decode()) == []


def test_support_page_query_count_does_not_grow_with_translations(
    shared_support_site, client_for, django_assert_max_num_queries
):
    from information.models import SupportPage

    # Warm what is kept between requests: the site settings and the locale ids, read once
    # per publication (multilingual.published). 42: the footer's accessibility statement
    # link costs one query on every page.
    assert client_for.get("/ar/stod/utsatt-for-vald/").status_code == 200
    arabic = SupportPage.objects.get(slug="utsatt-for-vald", locale__language_code="ar")
    swedish = SupportPage.objects.get(slug="utsatt-for-vald", locale__language_code="sv")
    with django_assert_max_num_queries(42):
        response = client_for.get("/ar/stod/utsatt-for-vald/")
    assert response.status_code == 200
    assert f"<h1>{arabic.title}</h1>" in response.content.decode()
    # Somali has no translation: the fallback serves the Swedish page, in the same count.
    with django_assert_max_num_queries(42):
        response = client_for.get("/so/stod/utsatt-for-vald/")
    assert response.status_code == 200
    assert f"<h1>{swedish.title}</h1>" in response.content.decode()


def test_quick_exit_note_links_to_hide_your_visit_in_the_visitors_language(
    shared_support_site, client_for
):
    for url, expected in [
        ("/ar/stod/utsatt-for-vald/", "/ar/stod/dolj-ditt-besok/"),
        ("/so/stod/utsatt-for-vald/", "/so/stod/dolj-ditt-besok/"),  # served by the fallback
        ("/sv/stod/broschyrer/", "/sv/stod/dolj-ditt-besok/"),
    ]:
        html = client_for.get(url).content.decode()
        note = re.search(r'<p class="quick-exit-note">.*?</p>', html, re.S).group(0)
        assert f'href="{expected}"' in note, url
        assert client_for.get(expected).status_code == 200
    own = client_for.get("/sv/stod/dolj-ditt-besok/").content.decode()
    assert "dolj-ditt-besok" not in re.search(
        r'<p class="quick-exit-note">.*?</p>', own, re.S
    ).group(0)
