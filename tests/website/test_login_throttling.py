"""Guessing the admin password is stopped after a few tries; a weak first password is refused."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings

pytestmark = pytest.mark.django_db


def _login(client, password):
    return client.post(
        "/admin/login/", {"username": "redaktor", "password": password}, REMOTE_ADDR="203.0.113.7"
    )


@override_settings(AXES_ENABLED=True)
def test_after_five_wrong_passwords_even_the_right_one_is_refused(client, django_user_model):
    django_user_model.objects.create_superuser("redaktor", "r@example.org", "the-right-passphrase")
    statuses = [_login(client, "wrong").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the login form again, then locked out
    locked = _login(client, "the-right-passphrase")
    assert locked.status_code == 429
    assert client.get("/admin/").status_code == 302  # not logged in


@override_settings(AXES_ENABLED=True)
def test_a_few_wrong_passwords_do_not_lock_out_the_editor(client, django_user_model):
    django_user_model.objects.create_superuser("redaktor", "r@example.org", "the-right-passphrase")
    for _ in range(3):
        _login(client, "wrong")
    assert _login(client, "the-right-passphrase").status_code == 302
    assert client.get("/admin/").status_code == 200


@override_settings(AXES_ENABLED=True)
def test_login_throttling_sets_no_cookie_for_visitors(demo_site, client):
    response = client.get("/sv/", HTTP_HOST="localhost")
    assert response.status_code == 200
    assert not response.cookies


@pytest.mark.parametrize("password", ["1", "password", "12345678", "admin"])
def test_ensure_admin_refuses_a_weak_password_and_creates_no_account(monkeypatch, password):
    monkeypatch.setenv("ADMIN_PASSWORD", password)
    with pytest.raises(CommandError, match="ADMIN_PASSWORD is not accepted"):
        call_command("ensure_admin")
    assert not get_user_model().objects.exists()


def test_ensure_admin_does_not_reset_an_existing_password_to_a_weak_one(monkeypatch, client):
    monkeypatch.setenv("ADMIN_PASSWORD", "a-long-secret-phrase")
    call_command("ensure_admin")
    monkeypatch.setenv("ADMIN_PASSWORD", "1")
    with pytest.raises(CommandError):
        call_command("ensure_admin")
    assert client.login(username="admin", password="a-long-secret-phrase")
