"""``ensure_admin`` makes the first account once and tells how to log in."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_generated_password_is_printed_once_and_logs_in(client, capsys, monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    call_command("ensure_admin")
    out = capsys.readouterr().out
    password = out.split("password: ")[1].split()[0]
    assert client.login(username="admin", password=password)

    call_command("ensure_admin")
    again = capsys.readouterr().out
    assert "already exists" in again
    assert password not in again
    assert get_user_model().objects.count() == 1


def test_admin_password_from_environment(client, monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "a-long-secret-phrase")
    call_command("ensure_admin")
    assert client.login(username="admin", password="a-long-secret-phrase")
    response = client.get("/admin/")
    assert response.status_code == 200
