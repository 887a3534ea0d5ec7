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

    UserProfile.get_for_user(user).__class__.objects.filter(user=user).update(preferred_language="sv")
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
    answer = admin_client.post(url(), {"publisher_name": "Exempelkommun", "organisation_number": "2120001234",
                                       "contact_email": "data@example.se", "licence": "cc0"})
    assert answer.status_code == 200
    assert "Skriv organisationsnumret med tio siffror" in answer.content.decode()
    answer = admin_client.post(url(), {"publisher_name": "Exempelkommun", "organisation_number": "212000-1234",
                                       "contact_email": "data@example.se", "licence": "cc-by-4.0"})
    assert answer.status_code == 302
    settings = CatalogueSettings.for_site(Site.objects.get(is_default_site=True))
    assert (settings.organisation_number, settings.licence) == ("212000-1234", "cc-by-4.0")
