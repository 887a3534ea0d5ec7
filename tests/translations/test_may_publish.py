"""One answer to "may this person publish this translation?" (issue 21).

The translation editor's "Publish", "Publish anyway" and the sync form's "Publish
immediately" asked two functions that answered differently (a snippet without drafts, a
page still to be created). Both ask ``publish_translations.may_publish`` now; here it is
checked against the *publish* column of docs/roles.md, and through the admin views that
use it.
"""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail_localize.models import Translation, TranslationSource

from editorial.roles import (
    ADMINISTRATORS,
    COMMUNICATORS,
    HELPLINE_EDITORS,
    REVIEWERS,
    TRANSLATORS,
    translator_group_name,
)
from tests.helpers.admin import make_user
from tests.helpers.translation import locale, submit_for_translation
from translations.publish_translations import may_publish

pytestmark = pytest.mark.django_db

#: docs/roles.md, the matrix's *publish* column for translations: only Granskare.
PUBLISHES = {
    COMMUNICATORS: False,
    REVIEWERS: True,
    translator_group_name("ar"): False,
    TRANSLATORS: False,
    HELPLINE_EDITORS: False,
    ADMINISTRATORS: False,
}


@pytest.fixture
def translations(admin_client, support_page):
    """stödsida ar and en, stödlinje ar: translations made with wagtail-localize."""
    from information.models import Helpline

    pages = submit_for_translation(admin_client, support_page, "ar", "en")
    line = Helpline.objects.create(
        name="Kvinnofridslinjen", phone_number="020-50 50 50", locale=locale("sv"), live=True
    )
    response = admin_client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation", args=["information", "helpline", line.pk]
        ),
        {"locales": [locale("ar").pk]},
    )
    assert response.status_code == 302
    source = TranslationSource.objects.get(object_id=line.translation_key, locale=line.locale)
    helpline = Translation.objects.get(source=source, target_locale=locale("ar"))
    return {"stödsida ar": pages["ar"], "stödsida en": pages["en"], "stödlinje ar": helpline}


@pytest.mark.parametrize("group", PUBLISHES)
def test_may_publish_follows_the_roles_table(translations, group):
    user = make_user(group, username="person")
    for content, translation in translations.items():
        assert may_publish(user, translation) is PUBLISHES[group], (group, content)


def test_a_superuser_may_publish_every_translation(translations):
    admin = get_user_model().objects.get(is_superuser=True)
    assert all(may_publish(admin, translation) for translation in translations.values())


@pytest.mark.parametrize("group", [COMMUNICATORS, REVIEWERS, translator_group_name("ar")])
def test_the_admins_publish_doors_agree_with_may_publish(translations, group):
    """ "Publish anyway" opens, and the sync form offers "Publish immediately", exactly when
    may_publish says yes."""
    client = Client()
    user = make_user(group, username="person")
    client.force_login(user)
    page = translations["stödsida ar"]
    expected = may_publish(user, page)
    anyway = client.get(reverse("translations_publish_incomplete", args=[page.pk]))
    assert (anyway.status_code == 200) is expected
    sync = client.get(reverse("wagtail_localize:update_translations", args=[page.source.pk]))
    assert sync.status_code == 200
    assert ('name="publish_translations"' in sync.content.decode()) is expected
