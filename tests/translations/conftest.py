"""Fixtures for the translation workflow: a translator logged in. ``support_page`` is in
tests/fixtures/translation.py (the website tests use it too); the editor's steps are plain
helpers in tests/helpers/translation.py and tests/helpers/snippets.py."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from editorial.roles import TRANSLATORS as TRANSLATORS_GROUP


@pytest.fixture
def translator(client, shared_support_site):
    """The test client logged in as a translator (Översättare), on the demo support section."""
    user = get_user_model().objects.create_user(username="oversattare", password="x")
    user.groups.add(Group.objects.get(name=TRANSLATORS_GROUP))
    client.force_login(user)
    return client
