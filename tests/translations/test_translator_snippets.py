"""Translators translate helplines, services, terms and brochures; the Swedish ones, and
publishing, stay with editors: neither the sync form nor the edit form opens that door."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, Revision
from wagtail_localize.models import StringSegment, TranslationSource

from tests.helpers.demo import kvinnofridslinjen
from tests.helpers.snippets import NEW_NUMBER, helpline_form, submit_snippet, translate_all

pytestmark = pytest.mark.django_db

PERSIAN_NAME = "خط کوینوفریدس"
NEW_AUDIENCE = "För alla kvinnor som utsatts för våld, och för deras närstående och vänner."


def sync_url(snippet):
    source = TranslationSource.objects.get(object_id=snippet.translation_key, locale=snippet.locale)
    return reverse("wagtail_localize:update_translations", args=[source.pk])


def source_strings(snippet):
    source = TranslationSource.objects.get(object_id=snippet.translation_key, locale=snippet.locale)
    return set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))


def persian_draft(client):
    """The Swedish Kvinnofridslinjen submitted for Persian and translated, not published."""
    translation = submit_snippet(client, kvinnofridslinjen(), "fa")
    translate_all(translation, {"Kvinnofridslinjen": PERSIAN_NAME})
    persian = translation.get_target_instance()
    assert persian.live is False
    return persian


def public_html(url):
    return Client().get(url).content.decode()


@pytest.fixture
def editor(shared_support_site):
    """A communicator who edits and publishes everything (not a superuser)."""
    group = Group.objects.create(name="Redaktörer")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="information", codename__regex=r"^(change|publish)_"
        ),
        *Permission.objects.filter(codename__in=["access_admin", "submit_translation"]),
    )
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=Page.get_first_root_node(),
            permission=Permission.objects.get(codename=codename),
        )
    user = get_user_model().objects.create_user(username="redaktor", password="x")
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client


# "Sync translated snippets" --------------------------------------------------------------


def test_a_translator_is_not_offered_publish_when_syncing_a_snippet(
    translator, shared_support_site
):
    persian_draft(translator)
    html = translator.get(sync_url(kvinnofridslinjen())).content.decode()
    assert 'name="publish_translations"' not in html
    assert "Synkroniseringen publicerar ingenting" in html and "(inte: Persiska)" in html


def test_a_translator_cannot_publish_a_snippet_translation_by_syncing(
    translator, shared_support_site, django_capture_on_commit_callbacks
):
    persian = persian_draft(translator)
    swedish = kvinnofridslinjen()
    strings_before = source_strings(swedish)
    swedish.audience = NEW_AUDIENCE
    swedish.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        response = translator.post(sync_url(swedish), {"publish_translations": "on"})
    assert response.status_code == 403
    assert "Du får inte publicera alla översättningarna" in response.content.decode()
    persian.refresh_from_db()
    assert persian.live is False
    assert PERSIAN_NAME not in public_html("/fa/")
    assert PERSIAN_NAME not in public_html("/fa/stod/utsatt-for-vald/")
    # Refused as a whole: the new Swedish text was not synced either.
    assert source_strings(swedish) == strings_before


def test_a_translator_still_syncs_a_snippet_without_publishing(
    translator, shared_support_site, django_capture_on_commit_callbacks
):
    persian = persian_draft(translator)
    swedish = kvinnofridslinjen()
    assert NEW_AUDIENCE not in source_strings(swedish)
    swedish.audience = NEW_AUDIENCE
    swedish.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        response = translator.post(sync_url(swedish), {})
    assert response.status_code == 302
    # The new Swedish text is now one of the strings the Persian translation editor asks for …
    assert NEW_AUDIENCE in source_strings(swedish)
    # … and nothing went live.
    persian.refresh_from_db()
    assert persian.live is False
    assert PERSIAN_NAME not in public_html("/fa/")


def test_an_editor_publishes_a_snippet_translation_by_syncing(
    translator, editor, shared_support_site, django_capture_on_commit_callbacks
):
    persian = persian_draft(translator)
    assert (
        'name="publish_translations"' in editor.get(sync_url(kvinnofridslinjen())).content.decode()
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(sync_url(kvinnofridslinjen()), {"publish_translations": "on"})
    assert response.status_code == 302
    persian.refresh_from_db()
    assert persian.live and persian.name == PERSIAN_NAME
    assert PERSIAN_NAME in public_html("/fa/stod/utsatt-for-vald/")


# The Swedish snippet itself --------------------------------------------------------------


def test_a_translator_cannot_open_or_change_the_swedish_helpline(translator, shared_support_site):
    swedish = kvinnofridslinjen()
    revisions = list(Revision.objects.for_instance(swedish).values_list("pk", flat=True))
    old_number = swedish.phone_number
    edit_url = reverse("wagtailsnippets_information_helpline:edit", args=[swedish.pk])
    listing_url = reverse("wagtailsnippets_information_helpline:list")

    response = translator.get(edit_url, follow=True)
    assert response.redirect_chain == [(listing_url, 302)]
    assert (
        f"Den svenska versionen av ”{swedish}” (stödlinje) ändras och publiceras av redaktörer"
        in response.content.decode()
    )

    for data in (
        helpline_form(swedish, phone_number=NEW_NUMBER),  # "Spara utkast"
        helpline_form(swedish, phone_number=NEW_NUMBER, **{"action-publish": "publish"}),
    ):
        response = translator.post(edit_url, data)
        assert response.status_code == 302 and response["Location"] == listing_url
    # Restoring an older revision is the edit form too.
    revert_url = reverse(
        "wagtailsnippets_information_helpline:revisions_revert", args=[swedish.pk, revisions[-1]]
    )
    assert (
        translator.post(revert_url, helpline_form(swedish, phone_number=NEW_NUMBER))["Location"]
        == listing_url
    )
    # Nor can the translator delete it.
    delete_url = reverse("wagtailsnippets_information_helpline:delete", args=[swedish.pk])
    assert translator.post(delete_url).status_code in (302, 403)

    swedish.refresh_from_db()
    assert (
        swedish.phone_number == old_number and swedish.live and not swedish.has_unpublished_changes
    )
    assert list(Revision.objects.for_instance(swedish).values_list("pk", flat=True)) == revisions
    assert swedish.latest_revision.content["phone_number"] == old_number
    assert old_number in public_html("/sv/") and NEW_NUMBER not in public_html("/sv/")


def test_a_translator_still_opens_the_arabic_translation_editor(translator, shared_support_site):
    # The demo's Arabic Kvinnofridslinjen was made by hand; here it is translated in the admin.
    kvinnofridslinjen("ar").delete()
    arabic = submit_snippet(translator, kvinnofridslinjen(), "ar").get_target_instance()
    response = translator.get(
        reverse("wagtailsnippets_information_helpline:edit", args=[arabic.pk])
    )
    assert response.status_code == 200
    assert "js-translation-editor" in response.content.decode()


# One person publishes a number here; four eyes on that: tests/editorial/test_four_eyes.py.
@override_settings(VINR_FOUR_EYES_FIELDS={})
def test_an_editor_still_edits_and_publishes_the_swedish_helpline(editor, shared_support_site):
    swedish = kvinnofridslinjen()
    edit_url = reverse("wagtailsnippets_information_helpline:edit", args=[swedish.pk])
    assert editor.get(edit_url).status_code == 200
    response = editor.post(
        edit_url, helpline_form(swedish, phone_number=NEW_NUMBER, **{"action-publish": "publish"})
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    swedish.refresh_from_db()
    assert swedish.phone_number == NEW_NUMBER and swedish.live
    assert NEW_NUMBER in public_html("/sv/")
