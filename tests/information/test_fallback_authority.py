"""One fallback authority (information/visitors.py): what a section lists is exactly what
it serves, in every language; pages and snippets follow the same language order."""

import re

import pytest

from information.models import SupportPage

pytestmark = pytest.mark.django_db


def cards(html):
    return re.findall(r'<li class="section-card"[^>]*>\s*<a href="([^"]+)"', html)


def test_a_page_served_from_english_is_listed_where_it_is_served(shared_support_site, client_for):
    """Issue 25, finding 1: with the Swedish page gone, /pl/stod/utovar-du-vald/ served the
    English page but /pl/stod/ did not list it (the listing tried Swedish only)."""
    SupportPage.objects.get(locale__language_code="sv", slug="utovar-du-vald").delete()
    assert client_for.get("/pl/stod/utovar-du-vald/").status_code == 200
    assert "/pl/stod/utovar-du-vald/" in cards(client_for.get("/pl/stod/").content.decode())
