"""The admin shows when each number was last checked and warns when it is stale."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktor", "redaktor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def helplines():
    """Three Swedish helplines, checked 10 days ago, 200 days ago and never: all the
    listing and the edit form need (not the demo site's every language)."""
    from tests.helpers.factories import HelplineFactory

    today = timezone.localdate()
    return (
        HelplineFactory(name="Kvinnofridslinjen", last_verified=today - timedelta(days=10)),
        HelplineFactory(name="BRIS – för barn och unga", last_verified=today - timedelta(days=200)),
        HelplineFactory(name="Terrafem", last_verified=None),
    )


def test_listing_shows_last_verified_and_flags_old_or_missing_dates(helplines, editor_client):
    fresh, stale, _never = helplines
    html = editor_client.get("/admin/snippets/information/helpline/?locale=sv").content.decode()
    assert "Senast kontrollerad" in html
    assert fresh.last_verified.isoformat() in html
    assert f"⚠ {stale.last_verified.isoformat()} – äldre än sex månader" in html
    assert "⚠ aldrig kontrollerad" in html
    assert f"⚠ {fresh.last_verified.isoformat()}" not in html


def test_edit_form_warns_about_a_stale_number(helplines, editor_client):
    fresh, stale, never = helplines
    stale_html = editor_client.get(
        f"/admin/snippets/information/helpline/edit/{stale.pk}/"
    ).content.decode()
    assert "för över sex månader sedan" in stale_html
    never_html = editor_client.get(
        f"/admin/snippets/information/helpline/edit/{never.pk}/"
    ).content.decode()
    assert "Numret har aldrig kontrollerats" in never_html
    fresh_html = editor_client.get(
        f"/admin/snippets/information/helpline/edit/{fresh.pk}/"
    ).content.decode()
    assert "data-needs-verification" not in fresh_html


def test_other_information_snippets_have_admin_listings(shared_support_site, editor_client):
    for model in ["localservice", "brochure", "glossaryterm"]:
        response = editor_client.get(f"/admin/snippets/information/{model}/")
        assert response.status_code == 200, model


def _listed_pks(client, url, row_id):
    """Every row id on every page of an admin listing, in the order a person paging sees them."""
    seen, page = [], 1
    while True:
        html = client.get(f"{url}{'&' if '?' in url else '?'}p={page}").content.decode()
        seen += [int(pk) for pk in re.findall(rf'id="snippet_(\d+)_{row_id}"', html)]
        if f"p={page + 1}" not in html:
            return seen
        page += 1


@pytest.mark.parametrize(
    "ordering", ["", "?ordering=last_verified", "?ordering=-last_verified", "?ordering=name"]
)
def test_an_edited_helpline_keeps_its_place_in_the_listing(
    shared_support_site, editor_client, ordering
):
    """The listing shows every language's helplines, more than one page, and every number is
    still unverified. PostgreSQL returned rows that tie in any order and moved the one just
    saved to the end: the Swedish line a communicator had changed left the reviewer's first
    page. Ties are now broken by id, and unverified numbers come first on every engine."""
    from information.models import Helpline

    url = f"/admin/snippets/information/helpline/{ordering}"
    before = _listed_pks(editor_client, url, "title")
    assert len(before) > 20  # more than one page
    assert sorted(before) == sorted(Helpline.objects.values_list("pk", flat=True))
    for line in Helpline.objects.filter(locale__language_code="sv"):
        line.opening_hours = "Dygnet runt"
        line.save()
    assert _listed_pks(editor_client, url, "title") == before
    if ordering in ("", "?ordering=last_verified"):
        assert before[0] in Helpline.objects.filter(last_verified=None).values_list("pk", flat=True)
