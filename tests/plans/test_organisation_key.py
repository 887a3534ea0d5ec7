"""Adding an organisation with a key the register already has gives a form error and
keeps what was typed, never a server error (the key is unique per language)."""

import pytest
from wagtail.models import Locale

from plans.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model, migrated_roots):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def social_services(migrated_roots):
    return Organisation.objects.create(
        key="sn", name="Socialnämnden", locale=Locale.objects.get(language_code="sv")
    )


def test_adding_an_organisation_with_a_taken_key_says_so(admin_client, social_services):
    response = admin_client.post(
        "/admin/snippets/plans/organisation/add/?locale=sv",
        {"name": "Socialnämnden i Norrby", "short_name": "SNN", "kind": "committee", "key": "sn"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Socialnämnden i Norrby" in html  # what was typed is still there
    assert "error-message" in html
    assert Organisation.objects.filter(key="sn").count() == 1


def test_changing_an_organisations_key_to_a_taken_one_says_so(admin_client, social_services):
    other = Organisation.objects.create(
        key="kf", name="Kommunfullmäktige", locale=social_services.locale
    )
    response = admin_client.post(
        f"/admin/snippets/plans/organisation/edit/{other.pk}/",
        {"name": "Kommunfullmäktige", "short_name": "", "kind": "committee", "key": "sn"},
    )
    assert response.status_code == 200
    assert "error-message" in response.content.decode()
    other.refresh_from_db()
    assert other.key == "kf"


def test_the_choosers_new_organisation_tab_says_so(admin_client, social_services):
    response = admin_client.post(
        "/admin/snippets/choose/plans/organisation/create/?locale=sv",
        {"name": "Socialnämnden i Norrby", "short_name": "", "kind": "committee", "key": "sn"},
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["step"] == "reshow_creation_form"
    assert "Socialnämnden i Norrby" in answer["htmlFragment"]
    assert "error-message" in answer["htmlFragment"]
    assert Organisation.objects.filter(key="sn").count() == 1


def test_the_same_key_in_another_language_is_allowed(admin_client, social_services):
    english = Locale.objects.create(language_code="en")
    response = admin_client.post(
        "/admin/snippets/plans/organisation/add/?locale=en",
        {"name": "Social services committee", "short_name": "", "kind": "committee", "key": "sn"},
    )
    assert response.status_code == 302
    assert Organisation.objects.get(key="sn", locale=english).name == "Social services committee"
