"""A truncated or hand-made admin form POST answers 400 and changes nothing."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("redaktor", "r@example.org", "pw")
    )
    return client


def _support_page():
    from information.models import SupportPage

    return SupportPage.objects.filter(locale__language_code="sv").exclude(body=[]).first()


@pytest.mark.parametrize(
    "extra",
    [{}, {"body-count": "abc"}, {"body-count": "1"}],
    ids=["no body-count", "count not a number", "count without its blocks"],
)
def test_page_edit_post_without_stream_field_data_answers_400(
    shared_support_site, editor_client, extra
):
    page = _support_page()
    revisions = page.revisions.count()
    response = editor_client.post(
        f"/admin/pages/{page.pk}/edit/", {"title": "Ändrad titel", "slug": page.slug, **extra}
    )
    assert response.status_code == 400
    assert "Formuläret kom fram ofullständigt" in response.content.decode()
    page.refresh_from_db()
    assert page.title != "Ändrad titel"
    assert page.revisions.count() == revisions


def test_other_admin_errors_are_not_hidden_as_400(shared_support_site, editor_client):
    page = _support_page()
    response = editor_client.post(
        f"/admin/pages/{page.pk}/edit/", {"title": "", "slug": page.slug, "body-count": "0"}
    )
    assert response.status_code == 200  # the form again, with the missing title marked
