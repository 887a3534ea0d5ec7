"""The catalogue's settings in the admin, in Swedish."""

import pytest
from django.test import Client
from wagtail.models import Site

from opendata.models import CatalogueSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(home_page, django_user_model):
    client = Client(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="sv")
    user = django_user_model.objects.create_superuser("admin", "a@example.org", "pw")
    from wagtail.users.models import UserProfile

    UserProfile.get_for_user(user).__class__.objects.filter(user=user).update(
        preferred_language="sv"
    )
    client.force_login(user)
    return client


def url():
    site = Site.objects.get(is_default_site=True)
    return f"/admin/settings/opendata/cataloguesettings/{site.pk}/"


def test_the_settings_are_in_swedish_and_refuse_a_malformed_organisation_number(admin_client):
    page = admin_client.get(url())
    assert page.status_code == 200
    html = page.content.decode()
    assert "Organisationsnummer" in html or "organisationsnummer" in html
    assert "CC0 1.0 (fri användning, rekommenderas)" in html
    answer = admin_client.post(
        url(),
        {
            "publisher_name": "Exempelkommun",
            "organisation_number": "2120001234",
            "contact_email": "data@example.se",
            "licence": "cc0",
        },
    )
    assert answer.status_code == 200
    assert "Skriv organisationsnumret med tio siffror" in answer.content.decode()
    answer = admin_client.post(
        url(),
        {
            "publisher_name": "Exempelkommun",
            "organisation_number": "212000-1234",
            "contact_email": "data@example.se",
            "licence": "cc-by-4.0",
        },
    )
    assert answer.status_code == 302
    settings = CatalogueSettings.for_site(Site.objects.get(is_default_site=True))
    assert (settings.organisation_number, settings.licence) == ("212000-1234", "cc-by-4.0")


def test_a_plan_left_out_in_the_admin_leaves_the_cached_catalogue_at_once(
    admin_client, import_generated, settings
):
    from django.core.cache import caches

    from website.page_cache import recent_pages

    settings.PAGE_CACHE_ENABLED = True
    caches["pages"].clear()
    recent_pages.clear()
    plan = import_generated(2, key="utelamnad")
    visitor = Client(HTTP_HOST="localhost")
    visitor.get("/data/v1/plans.json")  # makes the site's settings row
    assert [p["key"] for p in visitor.get("/data/v1/plans.json").json()["plans"]] == ["utelamnad"]
    assert visitor.get("/data/v1/plans.json")["X-Page-Cache"] == "hit"
    form = admin_client.get(url()).content.decode()
    assert f'value="{plan.pk}"' in form  # offered, in the source language only
    answer = admin_client.post(
        url(),
        {
            "publisher_name": "",
            "organisation_number": "",
            "contact_email": "",
            "licence": "cc0",
            "left_out": [plan.pk],
        },
    )
    assert answer.status_code == 302
    assert visitor.get("/data/v1/plans.json").json()["plans"] == []
    assert visitor.get("/data/v1/plans/utelamnad.json").status_code == 404
