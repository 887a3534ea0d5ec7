"""The admin shows when each number was last checked and warns when it is stale."""

from datetime import timedelta

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktor", "redaktor@example.org", "pw")
    client.force_login(user)
    return client


def _helplines(demo_site):
    from information.models import Helpline

    lines = Helpline.objects.filter(locale__language_code="sv")
    fresh = lines.get(name="Kvinnofridslinjen")
    fresh.last_verified = timezone.localdate() - timedelta(days=10)
    fresh.save()
    stale = lines.get(name="BRIS – för barn och unga")
    stale.last_verified = timezone.localdate() - timedelta(days=200)
    stale.save()
    never = lines.get(name="Terrafem")
    return fresh, stale, never


def test_listing_shows_last_verified_and_flags_old_or_missing_dates(demo_site, editor_client):
    fresh, stale, never = _helplines(demo_site)
    html = editor_client.get("/admin/snippets/information/helpline/?locale=sv").content.decode()
    assert "Senast kontrollerad" in html
    assert fresh.last_verified.isoformat() in html
    assert f"⚠ {stale.last_verified.isoformat()} – äldre än sex månader" in html
    assert "⚠ aldrig kontrollerad" in html
    assert f"⚠ {fresh.last_verified.isoformat()}" not in html


def test_edit_form_warns_about_a_stale_number(demo_site, editor_client):
    fresh, stale, never = _helplines(demo_site)
    stale_html = editor_client.get(f"/admin/snippets/information/helpline/edit/{stale.pk}/").content.decode()
    assert "för över sex månader sedan" in stale_html
    never_html = editor_client.get(f"/admin/snippets/information/helpline/edit/{never.pk}/").content.decode()
    assert "Numret har aldrig kontrollerats" in never_html
    fresh_html = editor_client.get(f"/admin/snippets/information/helpline/edit/{fresh.pk}/").content.decode()
    assert "data-needs-verification" not in fresh_html


def test_other_information_snippets_have_admin_listings(shared_support_site, editor_client):
    for model in ["localservice", "brochure", "glossaryterm"]:
        response = editor_client.get(f"/admin/snippets/information/{model}/")
        assert response.status_code == 200, model
