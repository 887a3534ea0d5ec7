"""Fixtures for the translation workflow: a translator logged in. ``support_page`` is in
tests/fixtures/translation.py (the website tests use it too); the editor's steps are plain
helpers in tests/helpers/translation.py and tests/helpers/snippets.py."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from editorial.roles import TRANSLATORS as TRANSLATORS_GROUP
from editorial.roles import translator_group_name
from tests.helpers.admin import make_user
from tests.helpers.translation import locale


@pytest.fixture
def translator(client, shared_support_site):
    """The test client logged in as a translator (Översättare), on the demo support section."""
    user = get_user_model().objects.create_user(username="oversattare", password="x")
    user.groups.add(Group.objects.get(name=TRANSLATORS_GROUP))
    client.force_login(user)
    return client


@pytest.fixture
def arabic_translator(demo_site):
    client = Client()
    client.force_login(make_user(translator_group_name("ar"), username="arabiska"))
    return client


@pytest.fixture
def arabic_page(support_page):
    """The support page in Arabic, made by an editor (a translation that exists)."""
    arabic = support_page.copy_for_translation(locale("ar"))
    arabic.title = "التعرض للعنف"
    arabic.save_revision().publish()
    return arabic
