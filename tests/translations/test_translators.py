"""Translators translate other languages and submit them for review; the Swedish source is
not theirs, and publishing is a Granskare's (docs/roles.md).

Until issue 9 (finding 5) and issue 12 (finding 5) translators published pages in their
languages themselves; these tests were changed deliberately to the new rule: translate,
then *Skicka till granskning*; never publish, unpublish or delete.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringSegment

from editorial.roles import REVIEWERS, translator_group_name
from editorial.roles import TRANSLATORS as TRANSLATORS_GROUP
from tests.helpers.admin import make_user
from tests.helpers.translation import (
    SWEDISH,
    locale,
    publish_translation,
    submit_for_translation,
    translate_strings,
)

pytestmark = pytest.mark.django_db

ARABIC = {
    SWEDISH["title"]: "التعرض للعنف",
    "Du är inte ensam. Det finns hjälp.": "لست وحدك. هناك مساعدة.",
    "utsatt-for-vald": "altaarud",
}


@pytest.fixture
def translator_client(client, demo_site):
    client.force_login(make_user(TRANSLATORS_GROUP))
    return client


def test_translator_cannot_edit_or_publish_the_swedish_page(translator_client, support_page):
    edit_url = reverse("wagtailadmin_pages:edit", args=[support_page.pk])
    assert translator_client.get(edit_url).status_code in (302, 403)
    response = translator_client.post(
        edit_url,
        {"title": "Ändrad av översättare", "slug": "utsatt-for-vald", "action-publish": "publish"},
    )
    assert response.status_code in (302, 403)
    support_page.refresh_from_db()
    assert support_page.title == SWEDISH["title"]
    assert support_page.get_latest_revision().content["title"] == SWEDISH["title"]
    permissions = support_page.permissions_for_user(
        get_user_model().objects.get(username="oversattare")
    )
    assert not permissions.can_edit()
    assert not permissions.can_publish()


def submit_for_review(client, page):
    """ "Skicka till granskning" in the page listing's menu: the confirmation, then the POST."""
    url = reverse("editorial_submit_for_review", args=["wagtailcore", "page", page.pk])
    assert client.get(url).status_code == 200
    return client.post(url)


def approve(client, page):
    """A Granskare's "Godkänn" on the dashboard: Wagtail's workflow action view."""
    state = WorkflowState.objects.for_instance(page).get(status=WorkflowState.STATUS_IN_PROGRESS)
    return client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": ""},
    )


def test_translator_translates_arabic_and_submits_it_for_review_instead_of_publishing(
    translator_client, support_page, django_capture_on_commit_callbacks
):
    translations = submit_for_translation(translator_client, support_page, "ar")
    arabic = translations["ar"].get_target_instance()
    assert arabic.live is False
    # The translation editor opens for the translator, without "Publicera".
    editor = translator_client.get(
        reverse("wagtailadmin_pages:edit", args=[arabic.pk])
    ).content.decode()
    assert "&quot;canPublish&quot;: false" in editor

    translate_strings(translations["ar"], ARABIC)
    # "Publicera på arabiska" posted anyway: refused, nothing goes live.
    publish_translation(translator_client, translations["ar"], django_capture_on_commit_callbacks)
    arabic.refresh_from_db()
    assert arabic.live is False

    # The listing's "Skicka till granskning": a draft with the Arabic texts, in the workflow.
    listing = translator_client.get(
        reverse("wagtailadmin_explore", args=[arabic.get_parent().pk])
    ).content.decode()
    assert (
        reverse("editorial_submit_for_review", args=["wagtailcore", "page", arabic.pk]) in listing
    )
    assert submit_for_review(translator_client, arabic).status_code == 302
    arabic.refresh_from_db()
    assert arabic.live is False and arabic.workflow_in_progress
    assert "لست وحدك. هناك مساعدة." not in Client().get(arabic.url).content.decode()

    # A Granskare approves: the submitted Arabic text is what visitors read.
    reviewer = Client()
    reviewer.force_login(make_user(REVIEWERS, username="granskare"))
    with django_capture_on_commit_callbacks(execute=True):
        assert approve(reviewer, arabic).status_code in (200, 302)
    arabic.refresh_from_db()
    assert arabic.live and not arabic.workflow_in_progress
    assert "لست وحدك. هناك مساعدة." in Client().get(arabic.url).content.decode()
    support_page.refresh_from_db()
    assert support_page.title == SWEDISH["title"]


def test_a_translator_cannot_delete_or_unpublish_a_support_page_in_their_language(
    client, support_page
):
    """Issue 12, finding 5: /ar/stod/utsatt-for-vald/ was deleted by a translator account."""
    arabic = support_page.copy_for_translation(locale("ar"))
    arabic.title = ARABIC[SWEDISH["title"]]
    arabic.save_revision().publish()
    draft = support_page.copy_for_translation(locale("fa"))  # a translator's draft counts too
    client.force_login(make_user(TRANSLATORS_GROUP))
    for page in (arabic, draft):
        response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
        assert response.status_code in (302, 403)
        assert Page.objects.filter(pk=page.pk).exists()
    assert client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk])).status_code == 403
    client.post(reverse("wagtailadmin_pages:unpublish", args=[arabic.pk]))
    arabic.refresh_from_db()
    assert arabic.live
    assert Client().get(arabic.url).status_code == 200


def test_a_translator_cannot_replace_a_translation_with_the_live_swedish_page(
    translator_client, support_page
):
    # wagtail-localize's "Konvertera till alias" publishes the Swedish page at the Arabic address.
    arabic = submit_for_translation(translator_client, support_page, "ar")[
        "ar"
    ].get_target_instance()
    response = translator_client.post(
        reverse("wagtail_localize:convert_to_alias", args=[arabic.pk])
    )
    assert response.status_code == 403
    arabic.refresh_from_db()
    assert arabic.alias_of_id is None and arabic.live is False


def test_a_one_language_translator_edits_only_their_language_and_publishes_none(
    client, admin_client, support_page, django_capture_on_commit_callbacks
):
    user = make_user(translator_group_name("fa"), username="persian")
    # Since issue 21 a Persian translator submits into Persian only: an editor submits both.
    translations = submit_for_translation(admin_client, support_page, "ar", "fa")
    client.force_login(user)
    arabic = translations["ar"].get_target_instance()
    persian = translations["fa"].get_target_instance()
    assert arabic.permissions_for_user(user).can_edit() is False
    assert persian.permissions_for_user(user).can_edit() is True
    assert arabic.permissions_for_user(user).can_publish() is False
    assert persian.permissions_for_user(user).can_publish() is False
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
    assert before[1] == 13 * 4  # add, change, lock, unlock on each of the 13 other languages' trees
    assert not group.page_permissions.filter(page__locale__language_code="sv").exists()
    assert not group.page_permissions.filter(permission__codename="publish_page").exists()
    arabic = Group.objects.get(name=translator_group_name("ar"))
    assert set(arabic.page_permissions.values_list("page__locale__language_code", flat=True)) == {
        "ar"
    }
    with pytest.raises(CommandError, match="xx"):
        call_command("setup_translators", "--language", "xx", verbosity=0)
    with pytest.raises(CommandError, match="sv"):
        call_command("setup_translators", "--language", "sv", verbosity=0)


def test_translator_finds_the_overview_in_the_admin_menu(translator_client, support_page):
    html = translator_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("translations_overview") in html
    assert translator_client.get(reverse("translations_overview")).status_code == 200


def test_a_one_language_translator_cannot_upload_a_po_file_for_another_language(
    client, admin_client, support_page
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    arabic = submit_for_translation(admin_client, support_page, "ar")["ar"]
    client.force_login(make_user(translator_group_name("fa"), username="persian"))
    # Wagtail's admin answers a permission error with a redirect to the dashboard.
    po = client.get(reverse("wagtail_localize:download_pofile", args=[arabic.pk]))
    assert po.status_code == 302 and "Content-Disposition" not in po
    response = client.post(
        reverse("translations_upload_po", args=[arabic.pk]),
        {"file": SimpleUploadedFile("ar.po", b'msgid ""\nmsgstr ""\n')},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def sync(client, source, on_commit, **data):
    """ "Synkronisera översatta sidor" on the Swedish page: one POST to wagtail-localize's form."""
    with on_commit(execute=True):
        return client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), data)


def test_a_one_language_translator_syncs_but_cannot_publish_by_syncing(
    client, admin_client, support_page, django_capture_on_commit_callbacks
):
    translations = submit_for_translation(admin_client, support_page, "ar", "fa")
    client.force_login(make_user(translator_group_name("fa"), username="persian"))
    translate_strings(translations["ar"], ARABIC)
    source = translations["ar"].source
    form = client.get(
        reverse("wagtail_localize:update_translations", args=[source.pk])
    ).content.decode()
    assert 'name="publish_translations"' not in form and "(inte: Arabiska, Persiska)" in form

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
    assert "Du är inte ensam. Ring oss." in StringSegment.objects.filter(source=source).values_list(
        "string__data", flat=True
    )
    for page in (arabic, persian):
        page.refresh_from_db()
        assert page.live is False


def test_a_translator_of_every_language_cannot_publish_pages_by_syncing(
    translator_client, support_page, django_capture_on_commit_callbacks
):
    # Until issue 9/12 this was allowed (translators published their languages); now
    # publishing is the Granskare's, and the sync form does not offer it.
    translations = submit_for_translation(translator_client, support_page, "ar")
    translate_strings(translations["ar"], ARABIC)
    source = translations["ar"].source
    assert (
        'name="publish_translations"'
        not in translator_client.get(
            reverse("wagtail_localize:update_translations", args=[source.pk])
        ).content.decode()
    )
    response = sync(
        translator_client, source, django_capture_on_commit_callbacks, publish_translations="on"
    )
    assert response.status_code == 403
    arabic = translations["ar"].get_target_instance()
    assert arabic.live is False
    assert "لست وحدك. هناك مساعدة." not in Client().get(arabic.url).content.decode()
