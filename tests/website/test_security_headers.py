"""Public pages: a strict CSP, no camera/microphone/position, cacheable by a CDN; the admin never cached."""

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def _directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("url", ["/sv/", "/ar/"])
def test_public_page_has_a_strict_content_security_policy(demo_site, client, url):
    response = client.get(url, HTTP_HOST="localhost")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    directives = _directives(policy)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_public_page_denies_camera_microphone_and_position(demo_site, client):
    response = client.get("/sv/", HTTP_HOST="localhost")
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in policy


def test_public_page_may_be_cached_by_a_cdn_and_sets_no_cookie(demo_site, client):
    response = client.get("/sv/", HTTP_HOST="localhost")
    assert response["Cache-Control"] == "public, max-age=300"
    assert not response.cookies


def test_admin_and_pages_for_a_logged_in_editor_are_never_stored(
    demo_site, client, django_user_model
):
    login = client.get("/admin/login/")
    assert "no-store" in login["Cache-Control"] and "public" not in login["Cache-Control"]
    assert "'unsafe-inline'" in _directives(login["Content-Security-Policy"])["style-src"]
    assert login["Permissions-Policy"]

    editor = django_user_model.objects.create_superuser("redaktor", "r@example.org", "pw")
    client.force_login(editor)
    page = client.get("/sv/", HTTP_HOST="localhost")
    assert page.status_code == 200
    assert "private" in page["Cache-Control"] and "no-store" in page["Cache-Control"]


def test_canonical_and_hreflang_use_the_configured_host(demo_site, client, monkeypatch):
    monkeypatch.setenv("SITE_HOSTNAME", "stod.example.se")
    monkeypatch.setenv("SITE_PORT", "443")
    call_command("configure_site", verbosity=0)
    html = client.get("/sv/", HTTP_HOST="stod.example.se").content.decode()
    assert 'hreflang="ar" href="https://stod.example.se/ar/"' in html
    assert "localhost" not in html


@pytest.mark.parametrize(
    "hostname, port",
    [
        ("https://stod.example.se", "443"),
        ("stod.example.se/sv", "443"),
        ("stod.example.se", "https"),
    ],
)
def test_configure_site_refuses_a_url_or_a_bad_port_and_changes_nothing(demo_site, hostname, port):
    from wagtail.models import Site

    with pytest.raises(CommandError):
        call_command("configure_site", hostname=hostname, port=port, verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("localhost", 80)
