"""The home page: in every language, with help a tap away, private by default."""

import pytest
from django.utils import translation

from multilingual.languages import SITE_LANGUAGES
from tests.helpers.html import text
from tests.privacy import foreign_resources

pytestmark = pytest.mark.django_db


def test_home_page_is_served_in_swedish_under_sv(client, demo_site):
    response = client.get("/sv/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="sv" dir="ltr">' in html
    assert "Behöver du hjälp nu?" in html
    assert "Tillsammans mot våld" in html


def test_home_page_is_right_to_left_in_arabic_and_persian(client, demo_site):
    for code, heading in (
        ("ar", "هل تحتاج إلى مساعدة الآن؟"),
        ("fa", "همین حالا به کمک نیاز دارید؟"),
    ):
        html = client.get(f"/{code}/").content.decode()
        assert f'<html lang="{code}" dir="rtl">' in html
        assert heading in html


@pytest.mark.parametrize("code", [code for code, *_ in SITE_LANGUAGES])
def test_every_language_has_a_home_page_with_its_own_title(client, demo_site, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    assert response.context["page"].locale.language_code == code


def test_root_redirects_to_a_language_prefix(client, demo_site):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 302
    assert response["Location"] == "/ar/"


def test_urgent_helplines_are_tel_links_from_editable_data(client, demo_site):
    from information.models import Helpline

    html = client.get("/sv/").content.decode()
    assert 'href="tel:112"' in html
    assert 'href="tel:020505050"' in html
    assert 'href="tel:116016"' in html

    # The numbers are data: a municipality that changes one sees it on the page.
    line = Helpline.objects.get(name="Kvinnofridslinjen", locale__language_code="sv")
    line.phone_number = "020-11 22 33"
    line.save()
    html = client.get("/sv/").content.decode()
    assert 'href="tel:020112233"' in html
    assert 'href="tel:020505050"' not in html


def test_arabic_home_page_shows_the_arabic_helpline_texts(client, demo_site):
    html = client.get("/ar/").content.decode()
    assert "على مدار الساعة" in html  # "around the clock", from the Arabic helpline


def test_language_switcher_names_each_language_in_its_own_script(client, demo_site):
    html = client.get("/sv/").content.decode()
    for name in ("Svenska", "English", "العربية", "فارسی", "Soomaali", "ትግርኛ", "Suomi"):
        assert name in html
    assert 'href="/ar/" hreflang="ar" lang="ar" dir="rtl"' in html


def test_anonymous_visit_sets_no_cookie_and_loads_nothing_from_another_host(client, demo_site):
    for code in ("sv", "ar"):
        response = client.get(f"/{code}/")
        assert response.cookies == {}, response.cookies
        assert "Set-Cookie" not in response.headers
        assert foreign_resources(response.content.decode()) == []
        assert response["Referrer-Policy"] == "no-referrer"


def test_interface_strings_resolve_for_languages_django_does_not_know():
    # Somali and Tigrinya have no catalogue in Django itself: ours must be compiled.
    for code, expected in (
        ("so", "Ma u baahan tahay caawimaad hadda?"),
        ("ti", "ሕጂ ሓገዝ የድልየኩም ድዩ?"),
    ):
        with translation.override(code):
            assert translation.gettext("Need help now?") == expected


def test_admin_keeps_a_same_origin_referrer_so_its_forms_pass_csrf(client, demo_site):
    # With no-referrer, browsers post admin forms with "Origin: null" and login fails.
    response = client.get("/admin/login/")
    assert response["Referrer-Policy"] == "same-origin"


def test_page_not_found_is_friendly_and_in_the_visitors_language(client, demo_site):
    response = client.get("/sv/finns-inte/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="sv" dir="ltr">' in html
    assert 'href="/sv/"' in html


def test_home_page_queries_do_not_grow_with_its_helplines(
    client, demo_site, django_assert_max_num_queries
):
    from information.models import Helpline
    from website.models import HomePageHelpline

    client.get("/sv/")
    # 19: the quick exit's hide-your-visit link and the footer's accessibility statement
    # (one query each group) are on every page, the home page included.
    with django_assert_max_num_queries(19) as few:
        response = client.get("/sv/")
    assert response.status_code == 200
    assert response.context["page"].pk == demo_site.pk
    baseline = len(few.captured_queries)

    home = demo_site
    for helpline in Helpline.objects.filter(locale=home.locale).exclude(is_emergency=True)[:6]:
        home.helplines.add(HomePageHelpline(helpline=helpline))
    home.save_revision().publish()
    assert home.helplines.count() >= 6
    client.get("/sv/")
    with django_assert_max_num_queries(baseline):
        response = client.get("/sv/")
    # The count is for the page with every helpline it now lists.
    assert response.status_code == 200
    html = response.content.decode()
    assert all(row.helpline.name in html for row in home.helplines.all())


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_home_page_title_names_the_site_once(client, demo_site, code):
    title = text(client.get(f"/{code}/"), "head > title")
    with translation.override(code):
        name = translation.gettext("Together against violence")  # the demo home page's title too
    assert title.count(name) == 1, title


def test_server_error_page_offers_the_quick_exit_without_the_database(rf):
    from django.views.defaults import server_error

    html = server_error(rf.get("/sv/")).content.decode()
    assert 'class="quick-exit"' in html and 'href="tel:112"' in html
    assert "<style" not in html  # the Content-Security-Policy allows no inline style


def _urgent_helplines(html):
    """The home page's helplines: ``{name: <li>}``."""
    from bs4 import BeautifulSoup

    items = BeautifulSoup(html, "html.parser").select(".urgent-help li.helpline")
    return {li.select_one(".helpline__name").get_text(strip=True): li for li in items}


def test_home_page_helplines_say_their_language_and_direction(client, demo_site):
    """The home page lists helplines with the one helpline template: each item is marked
    with the helpline's language, the facts line with the visitor's."""
    from information.models import Helpline

    arabic = Helpline.objects.get(locale__language_code="ar", phone_number="020-50 50 50")
    item = _urgent_helplines(client.get("/ar/").content.decode())[arabic.name]
    assert (item["lang"], item["dir"]) == ("ar", "rtl")
    facts = item.select_one(".helpline__facts")
    assert (facts["lang"], facts["dir"]) == ("ar", "rtl")
    assert item.select_one(".helpline__number")["dir"] == "ltr"


def test_home_page_helpline_facts_have_no_dangling_separator(client, demo_site):
    from information.models import Helpline

    line = Helpline.objects.get(name="Kvinnofridslinjen", locale__language_code="sv")
    line.open_around_the_clock, line.opening_hours, line.free_of_charge, line.anonymous = (
        False,
        "",
        True,
        True,
    )
    line.save()
    with translation.override("sv"):
        free, anonymous = (
            translation.gettext("Free of charge"),
            translation.gettext("You can be anonymous"),
        )

    def facts():
        item = _urgent_helplines(client.get("/sv/").content.decode())["Kvinnofridslinjen"]
        found = item.select_one(".helpline__facts")
        return found.get_text() if found else None

    assert facts() == f"{free} · {anonymous}"
    line.free_of_charge = False
    line.save()
    assert facts() == anonymous
    line.anonymous = False
    line.save()
    assert facts() is None  # no empty line either
