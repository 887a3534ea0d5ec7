"""Translators translate and publish other languages; the Swedish source is not theirs."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from wagtail_localize.models import StringSegment

from tests.translation.conftest import SWEDISH, publish_translation, submit_for_translation, translate_strings
from website.translation import TRANSLATORS_GROUP

pytestmark = pytest.mark.django_db

ARABIC = {SWEDISH["title"]: "التعرض للعنف", "Du är inte ensam. Det finns hjälp.": "لست وحدك. هناك مساعدة.", "utsatt-for-vald": "altaarud"}


def make_user(group_name, username="oversattare"):
    user = get_user_model().objects.create_user(username=username, password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def translator_client(client, demo_site):
    client.force_login(make_user(TRANSLATORS_GROUP))
    return client


def test_translator_cannot_edit_or_publish_the_swedish_page(translator_client, support_page):
    edit_url = reverse("wagtailadmin_pages:edit", args=[support_page.pk])
    assert translator_client.get(edit_url).status_code in (302, 403)
    response = translator_client.post(
        edit_url, {"title": "Ändrad av översättare", "slug": "utsatt-for-vald", "action-publish": "publish"}
    )
    assert response.status_code in (302, 403)
    support_page.refresh_from_db()
    assert support_page.title == SWEDISH["title"]
    assert support_page.get_latest_revision().content["title"] == SWEDISH["title"]
    permissions = support_page.permissions_for_user(get_user_model().objects.get(username="oversattare"))
    assert not permissions.can_edit()
    assert not permissions.can_publish()


def test_translator_translates_and_publishes_arabic(translator_client, support_page, django_capture_on_commit_callbacks):
    translations = submit_for_translation(translator_client, support_page, "ar")
    arabic = translations["ar"].get_target_instance()
    assert arabic.live is False
    # The translation editor opens for the translator.
    assert translator_client.get(reverse("wagtailadmin_pages:edit", args=[arabic.pk])).status_code == 200

    translate_strings(translations["ar"], ARABIC)
    response = publish_translation(translator_client, translations["ar"], django_capture_on_commit_callbacks)
    assert response.status_code == 302
    arabic.refresh_from_db()
    assert arabic.live
    assert "لست وحدك. هناك مساعدة." in translator_client.get(arabic.url).content.decode()
    support_page.refresh_from_db()
    assert support_page.title == SWEDISH["title"]


def test_a_one_language_translator_cannot_publish_another_language(client, support_page, django_capture_on_commit_callbacks):
    call_command("setup_translators", "--per-language", verbosity=0)
    user = make_user(f"{TRANSLATORS_GROUP} – فارسی", username="persian")
    client.force_login(user)
    translations = submit_for_translation(client, support_page, "ar", "fa")
    arabic = translations["ar"].get_target_instance()
    persian = translations["fa"].get_target_instance()
    assert arabic.permissions_for_user(user).can_publish() is False
    assert persian.permissions_for_user(user).can_publish() is True
    translate_strings(translations["ar"], ARABIC)
    publish_translation(client, translations["ar"], django_capture_on_commit_callbacks)
    arabic.refresh_from_db()
    assert arabic.live is False


def test_setup_translators_is_idempotent_and_refuses_unknown_languages(demo_site):
    call_command("setup_translators", verbosity=0)
    group = Group.objects.get(name=TRANSLATORS_GROUP)
    before = (group.permissions.count(), group.page_permissions.count())
    call_command("setup_translators", verbosity=0)
    assert (group.permissions.count(), group.page_permissions.count()) == before
    assert before[1] == 13 * 5  # five page permissions on each of the 13 other languages' trees
    assert not group.page_permissions.filter(page__locale__language_code="sv").exists()
    with pytest.raises(CommandError, match="xx"):
        call_command("setup_translators", "--language", "xx", verbosity=0)
    with pytest.raises(CommandError, match="sv"):
        call_command("setup_translators", "--language", "sv", verbosity=0)


def test_translator_finds_the_overview_in_the_admin_menu(translator_client, support_page):
    html = translator_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("website_translation_overview") in html
    assert translator_client.get(reverse("website_translation_overview")).status_code == 200


def test_a_one_language_translator_cannot_upload_a_po_file_for_another_language(client, support_page):
    from django.core.files.uploadedfile import SimpleUploadedFile

    call_command("setup_translators", "--per-language", verbosity=0)
    client.force_login(make_user(f"{TRANSLATORS_GROUP} – فارسی", username="persian"))
    arabic = submit_for_translation(client, support_page, "ar")["ar"]
    # Wagtail's admin answers a permission error with a redirect to the dashboard.
    po = client.get(reverse("wagtail_localize:download_pofile", args=[arabic.pk]))
    assert po.status_code == 302 and "Content-Disposition" not in po
    response = client.post(
        reverse("website_translation_upload_po", args=[arabic.pk]),
        {"file": SimpleUploadedFile("ar.po", b'msgid ""\nmsgstr ""\n')},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def sync(client, source, on_commit, **data):
    """"Synkronisera översatta sidor" on the Swedish page: one POST to wagtail-localize's form."""
    with on_commit(execute=True):
        return client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), data)


def test_a_one_language_translator_syncs_but_cannot_publish_by_syncing(client, support_page, django_capture_on_commit_callbacks):
    call_command("setup_translators", "--per-language", verbosity=0)
    client.force_login(make_user(f"{TRANSLATORS_GROUP} – فارسی", username="persian"))
    translations = submit_for_translation(client, support_page, "ar", "fa")
    translate_strings(translations["ar"], ARABIC)
    source = translations["ar"].source
    form = client.get(reverse("wagtail_localize:update_translations", args=[source.pk])).content.decode()
    assert 'name="publish_translations"' not in form and "(inte: Arabiska)" in form

    # "Publicera omgående" ticked anyway: refused, and neither language goes live.
    response = sync(client, source, django_capture_on_commit_callbacks, publish_translations="on")
    assert response.status_code == 403
    assert "Du får inte publicera alla översättningarna" in response.content.decode()
    arabic = translations["ar"].get_target_instance()
    persian = translations["fa"].get_target_instance()
    for page in (arabic, persian):
        page.refresh_from_db()
        assert page.live is False
    # Visitors still get the Swedish page (the support section's fallback), not the draft.
    assert "لست وحدك. هناك مساعدة." not in Client().get(arabic.url).content.decode()

    # Syncing without publishing still brings the changed Swedish text to the translations.
    support_page.easy_read = "<p>Du är inte ensam. Ring oss.</p>"
    support_page.save_revision().publish()
    assert sync(client, source, django_capture_on_commit_callbacks).status_code == 302
    assert "Du är inte ensam. Ring oss." in StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    for page in (arabic, persian):
        page.refresh_from_db()
        assert page.live is False


def test_a_translator_of_every_language_may_publish_pages_by_syncing(translator_client, support_page, django_capture_on_commit_callbacks):
    # Publishing pages in the other languages' trees is the translators' job (rule 2).
    translations = submit_for_translation(translator_client, support_page, "ar")
    translate_strings(translations["ar"], ARABIC)
    source = translations["ar"].source
    assert 'name="publish_translations"' in translator_client.get(
        reverse("wagtail_localize:update_translations", args=[source.pk])
    ).content.decode()
    response = sync(translator_client, source, django_capture_on_commit_callbacks, publish_translations="on")
    assert response.status_code == 302
    arabic = translations["ar"].get_target_instance()
    assert arabic.live
    assert "لست وحدك. هناك مساعدة." in Client().get(arabic.url).content.decode()
