"""Behind a load balancer every login comes from the balancer's address: a stranger's
wrong passwords must not lock an editor out, and the lock page says, in Swedish, for how long."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

BALANCER = "10.0.0.5"
RIGHT = "the-right-passphrase"


def login(client, password, visitor, balancer=BALANCER, **headers):
    """A login posted through the load balancer, which adds the visitor's address."""
    return client.post(
        "/admin/login/",
        {"username": "redaktor", "password": password},
        REMOTE_ADDR=balancer,
        HTTP_X_FORWARDED_FOR=visitor,
        HTTP_ACCEPT_LANGUAGE="sv",
        **headers,
    )


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redaktor", "r@example.org", RIGHT)


@pytest.mark.parametrize(
    "trusted", [{"TRUSTED_PROXY_COUNT": 1}, {"TRUSTED_PROXIES": ["10.0.0.0/24"]}]
)
def test_a_strangers_wrong_passwords_do_not_lock_out_the_editor_behind_the_balancer(
    client, editor, settings, trusted
):
    settings.AXES_ENABLED = True
    for name, value in trusted.items():
        setattr(settings, name, value)
    statuses = [login(client, "wrong", "198.51.100.66").status_code for _ in range(5)]
    assert statuses[-1] == 429  # the stranger is locked out
    assert login(client, RIGHT, "203.0.113.7").status_code == 302  # the editor is not


@override_settings(AXES_ENABLED=True, TRUSTED_PROXY_COUNT=1)
def test_a_forged_forwarded_address_does_not_escape_the_lock(client, editor):
    """A visitor may write anything into X-Forwarded-For; the balancer appends the real address."""
    for n in range(5):
        response = login(client, "wrong", f"192.0.2.{n}, 198.51.100.66")
    assert response.status_code == 429
    assert login(client, RIGHT, "192.0.2.99, 198.51.100.66").status_code == 429


@override_settings(AXES_ENABLED=True, TRUSTED_PROXIES=["10.0.0.0/24"])
def test_a_request_not_from_a_trusted_proxy_is_known_by_its_own_address(client, editor):
    for _ in range(5):
        response = login(client, "wrong", "203.0.113.7", balancer="198.51.100.66")
    assert response.status_code == 429
    # The editor's real address came in the forged header only: the lock is on 198.51.100.66.
    assert login(client, RIGHT, "198.51.100.1").status_code == 302


@override_settings(AXES_ENABLED=True, TRUSTED_PROXY_COUNT=1)
def test_the_lock_page_is_swedish_and_says_for_how_long(client, editor):
    for _ in range(5):
        response = login(client, "wrong", "198.51.100.66")
    assert response.status_code == 429
    html = response.content.decode()
    assert 'lang="sv"' in html
    assert "Försök igen om 15 minuter" in html
