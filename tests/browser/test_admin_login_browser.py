"""A communicator can log in to the admin with the credentials ``ensure_admin`` prints."""

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_logs_in_with_the_printed_password(page, live_server, demo_site, capsys, monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    call_command("ensure_admin")
    password = capsys.readouterr().out.split("password: ")[1].split()[0]

    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    assert page.locator("#id_password").count() == 0  # the login form is gone: we are in
    assert page.locator("#wagtail-sidebar, [data-side-panel], .sidebar").count() >= 1
