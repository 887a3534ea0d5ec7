"""The Wagtail site that answers a host name is found once per publication
(``website.middleware.KnownSiteMiddleware``), and a changed site is seen at once."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def site_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, [
        q["sql"] for q in captured.captured_queries if 'FROM "wagtailcore_site"' in q["sql"]
    ]


def test_a_second_visit_does_not_look_for_the_site_again(shared_support_site):
    visitor = Client(HTTP_HOST="localhost")
    response, first = site_queries(visitor, "/sv/")
    assert response.status_code == 200 and first
    response, second = site_queries(visitor, "/sv/")
    assert response.status_code == 200 and not second
    assert (
        response.context["page"].pk == shared_support_site["index"].get_parent().pk
    )  # the home page


def test_a_site_added_for_a_host_name_answers_it_on_the_next_request(shared_support_site):
    from wagtail.models import Page, Site

    visitor = Client(HTTP_HOST="stod.kommun.example")
    assert visitor.get("/sv/stod/").status_code == 200  # the default site answers every host name

    support = Page.objects.get(url_path__endswith="/stod/", locale__language_code="sv")
    Site.objects.create(
        hostname="stod.kommun.example", port=80, root_page=support, site_name="Stöd"
    )

    # The support section is that host name's whole site now: its front page, no /stod/.
    assert visitor.get("/sv/stod/").status_code == 404
    response = visitor.get("/sv/")
    assert response.status_code == 200
    assert response.context["page"].pk == support.pk
    assert Client(HTTP_HOST="localhost").get("/sv/stod/").status_code == 200  # the default site's


def test_each_request_gets_its_own_copy_of_the_site(shared_support_site, rf):
    from website.middleware import KnownSiteMiddleware

    seen = []
    middleware = KnownSiteMiddleware(lambda request: seen.append(request._wagtail_site))
    for _ in range(2):
        middleware(rf.get("/sv/", HTTP_HOST="localhost"))
    first, second = seen
    assert first.pk == second.pk and first is not second
    assert first.root_page is not second.root_page


def test_the_site_settings_are_read_once_per_publication_and_a_change_shows_at_once(
    shared_support_site,
):
    from website.models import SiteSettings

    visitor = Client(HTTP_HOST="localhost")
    visitor.get("/sv/")

    def settings_queries():
        with CaptureQueriesContext(connection) as captured:
            response = visitor.get("/sv/")
        return response, [
            q for q in captured.captured_queries if 'FROM "website_sitesettings"' in q["sql"]
        ]

    response, queries = settings_queries()
    assert response.status_code == 200 and not queries
    site_settings = SiteSettings.objects.get()
    site_settings.municipality_name = "Testvikens kommun"
    site_settings.save()  # the admin's settings form saves it just so

    response, queries = settings_queries()
    assert "Testvikens kommun" in response.content.decode()
    assert queries
