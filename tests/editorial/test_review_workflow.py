"""Review before publishing: what a communicator or translator changes reaches visitors only
when a Granskare approves it (issue 9, findings 5 and 8; docs/roles.md)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from editorial.roles import (
    COMMUNICATORS,
    REVIEWERS,
    translator_group_name,
    translator_languages,
)
from tests.helpers.admin import login
from tests.helpers.demo import kvinnofridslinjen
from tests.helpers.snippets import NEW_NUMBER, helpline_form, submit_snippet, translate_all

pytestmark = pytest.mark.django_db

ARABIC_NAME = "خط كفينوفريدس لدعم النساء"


def public_html(url):
    return Client().get(url).content.decode()


def edit_url(snippet):
    return reverse("wagtailsnippets_information_helpline:edit", args=[snippet.pk])


def in_progress(obj):
    return WorkflowState.objects.for_instance(obj).get(status=WorkflowState.STATUS_IN_PROGRESS)


def approve_snippet(client, snippet):
    state = in_progress(snippet)
    url = reverse(
        "wagtailsnippets_information_helpline:workflow_action",
        args=[snippet.pk, "approve", state.current_task_state.pk],
    )
    return client.post(url, {"comment": ""})


# Roles in every install ---------------------------------------------------------------


def test_every_install_has_a_translator_group_per_language_to_pick_in_the_users_form(admin_client):
    # Made by the migration: no setup_translators, no demo.
    names = [translator_group_name(code) for code, _local in translator_languages()]
    assert set(Group.objects.filter(name__in=names).values_list("name", flat=True)) == set(names)
    assert len(names) == 13
    form = admin_client.get(reverse("wagtailusers_users:add")).content.decode()
    for name in (*names, COMMUNICATORS, REVIEWERS, "Administratör", "Stödlinjeredaktör"):
        assert name in form, name


def test_a_helpline_editor_has_helplines_and_services_and_nothing_else(client):
    """The migration's Stödlinjeredaktör: add and change two snippets, no page anywhere."""
    group = Group.objects.get(name="Stödlinjeredaktör")
    assert sorted(group.permissions.values_list("content_type__model", "codename")) == [
        ("admin", "access_admin"),
        ("helpline", "add_helpline"),
        ("helpline", "change_helpline"),
        ("localservice", "add_localservice"),
        ("localservice", "change_localservice"),
    ]
    assert not group.page_permissions.exists()
    assert not group.collection_permissions.exists()
    user = get_user_model().objects.create_user(username="stodlinjer", password="x")
    user.groups.add(group)
    client.force_login(user)
    assert client.get(reverse("wagtailsnippets_information_helpline:list")).status_code == 200
    # Wagtail sends someone without permission back to the dashboard, with a message.
    for closed in (
        reverse("wagtailsnippets_information_brochure:list"),
        reverse("wagtailadmin_explore_root"),
    ):
        response = client.get(closed)
        assert (response.status_code, response.get("Location")) == (
            302,
            reverse("wagtailadmin_home"),
        ), closed


# Helplines: the number people dial ------------------------------------------------------


def test_a_communicators_publish_attempt_on_a_helpline_publishes_nothing(shared_support_site):
    swedish = kvinnofridslinjen()
    old_number = swedish.phone_number
    communicator = login(COMMUNICATORS, "kommunikator")
    communicator.post(
        edit_url(swedish),
        helpline_form(swedish, phone_number=NEW_NUMBER, **{"action-publish": "publish"}),
    )
    swedish.refresh_from_db()
    assert swedish.phone_number == old_number and swedish.live
    html = public_html("/sv/")
    assert old_number in html and NEW_NUMBER not in html


def test_a_new_helpline_number_goes_live_only_when_a_reviewer_approves_it(shared_support_site):
    swedish = kvinnofridslinjen()
    communicator = login(COMMUNICATORS, "kommunikator")
    response = communicator.post(
        edit_url(swedish),
        helpline_form(swedish, phone_number=NEW_NUMBER, **{"action-submit": "submit"}),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    swedish.refresh_from_db()
    assert swedish.workflow_in_progress
    assert NEW_NUMBER not in public_html("/sv/")
    # The reviewer sees it waiting on the dashboard …
    reviewer = login(REVIEWERS, "granskare")
    assert "Kvinnofridslinjen" in reviewer.get(reverse("wagtailadmin_home")).content.decode()
    # … and approving publishes it.
    response = approve_snippet(reviewer, swedish)
    assert response.status_code in (200, 302)
    swedish.refresh_from_db()
    assert swedish.phone_number == NEW_NUMBER and not swedish.workflow_in_progress
    assert NEW_NUMBER in public_html("/sv/")


def test_a_communicator_cannot_approve_their_own_submission(shared_support_site):
    swedish = kvinnofridslinjen()
    communicator = login(COMMUNICATORS, "kommunikator")
    communicator.post(
        edit_url(swedish),
        helpline_form(swedish, phone_number=NEW_NUMBER, **{"action-submit": "submit"}),
    )
    approve_snippet(communicator, swedish)
    swedish.refresh_from_db()
    assert swedish.workflow_in_progress and swedish.phone_number != NEW_NUMBER
    assert NEW_NUMBER not in public_html("/sv/")


def test_the_helpline_listing_shows_drafts_and_reviews(shared_support_site):
    swedish = kvinnofridslinjen()
    communicator = login(COMMUNICATORS, "kommunikator")
    communicator.post(edit_url(swedish), helpline_form(swedish, phone_number=NEW_NUMBER))
    listing = login(REVIEWERS, "granskare").get(
        reverse("wagtailsnippets_information_helpline:list")
    )
    html = listing.content.decode()
    row = html[html.index(f"snippet_{swedish.pk}_title") :]
    row = row[: row.index("</tr>")]
    assert "publicerad + utkast" in row
    communicator.post(
        edit_url(swedish),
        helpline_form(swedish, phone_number=NEW_NUMBER, **{"action-submit": "submit"}),
    )
    html = (
        login(REVIEWERS, "granskare2")
        .get(reverse("wagtailsnippets_information_helpline:list"))
        .content.decode()
    )
    row = html[html.index(f"snippet_{swedish.pk}_title") :]
    assert "under moderering" in row[: row.index("</tr>")]


# Translators ------------------------------------------------------------------------------


def test_a_translator_submits_a_helpline_translation_for_review(
    shared_support_site, django_capture_on_commit_callbacks
):
    kvinnofridslinjen("ar").delete()  # the demo's own Arabic one; translated in the admin here
    translator = login(translator_group_name("ar"), "oversattare")
    translation = submit_snippet(translator, kvinnofridslinjen(), "ar")
    translate_all(translation, {"Kvinnofridslinjen": ARABIC_NAME})
    arabic = translation.get_target_instance()

    listing = translator.get(
        reverse("wagtailsnippets_information_helpline:list") + "?locale=ar"
    ).content.decode()
    submit_url = reverse("editorial_submit_for_review", args=["information", "helpline", arabic.pk])
    assert submit_url in listing
    assert translator.post(submit_url).status_code == 302
    arabic.refresh_from_db()
    assert arabic.workflow_in_progress and not arabic.live
    assert ARABIC_NAME not in public_html("/ar/")

    with django_capture_on_commit_callbacks(execute=True):
        approve_snippet(login(REVIEWERS, "granskare"), arabic)
    arabic.refresh_from_db()
    assert arabic.live and arabic.name == ARABIC_NAME
    assert ARABIC_NAME in public_html("/ar/")


def test_a_translator_of_one_language_cannot_open_another_languages_helpline(shared_support_site):
    translator = login(translator_group_name("fa"), "oversattare")
    arabic = kvinnofridslinjen("ar")
    response = translator.get(edit_url(arabic), follow=True)
    assert response.redirect_chain == [(reverse("wagtailsnippets_information_helpline:list"), 302)]
    assert "ett språk du inte översätter till" in response.content.decode()
    assert (
        translator.post(
            reverse("editorial_submit_for_review", args=["information", "helpline", arabic.pk])
        ).status_code
        == 403
    )


# Pages ----------------------------------------------------------------------------------


def support_page_form(page, **changes):
    """The support page's edit form as the admin posts it (an empty body), with ``changes``."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "easy_read": rich_text(page.easy_read),
        "body": streamfield([]),
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def test_a_communicators_publish_attempt_on_a_support_page_publishes_nothing(shared_support_site):
    from information.models import SupportPage

    page = SupportPage.objects.get(slug="utsatt-for-vald", locale__language_code="sv")
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    communicator = login(COMMUNICATORS, "kommunikator")
    communicator.post(
        url,
        support_page_form(page, title="Ändrad utan granskning", **{"action-publish": "publish"}),
    )
    page.refresh_from_db()
    assert page.title != "Ändrad utan granskning" and not page.workflow_in_progress
    assert "Ändrad utan granskning" not in public_html(page.url)
    # The same form with "Skicka till granskning" is accepted, and waits for a Granskare.
    response = communicator.post(
        url, support_page_form(page, title="Ändrad med granskning", **{"action-submit": "submit"})
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    assert (
        page.workflow_in_progress
        and page.get_latest_revision().content["title"] == "Ändrad med granskning"
    )
    assert "Ändrad med granskning" not in public_html(page.url)


def test_a_communicator_cannot_delete_a_draft_support_page(shared_support_site):
    from information.models import SupportPage

    index = shared_support_site["index"]
    draft = index.add_child(instance=SupportPage(title="Utkast", slug="utkast", live=False))
    communicator = login(COMMUNICATORS, "kommunikator")
    response = communicator.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    assert response.status_code == 403
    assert "Bara den som får publicera" in response.content.decode()
    assert Page.objects.filter(pk=draft.pk).exists()


def test_the_review_form_does_not_count_an_untranslated_slug(shared_support_site):
    """Issue 21, finding 6: a page translated but for its slug (which keeps the Swedish,
    working address) has nothing "not yet translated"; the publish check agrees."""
    from wagtail_localize.models import StringSegment, StringTranslation

    from information.models import SupportPage
    from tests.helpers.translation import translate_strings

    page = SupportPage.objects.get(slug="utsatt-for-vald", locale__language_code="sv")
    arabic_page = SupportPage.objects.get(
        translation_key=page.translation_key, locale__language_code="ar"
    )
    arabic_page.delete()  # the demo's own; translated in wagtail-localize here
    response = Client()
    admin = get_user_model().objects.create_superuser(username="admin2", password="x")
    response.force_login(admin)
    response.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [Locale.objects.get(language_code="ar").pk]},
    )
    from wagtail_localize.models import Translation

    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code="ar"
    )
    texts = StringSegment.objects.filter(source=translation.source).values_list(
        "string__data", flat=True
    )
    translate_strings(translation, {text: f"ترجمة {index}" for index, text in enumerate(texts)})
    StringTranslation.objects.filter(
        locale=translation.target_locale, context__path="slug"
    ).delete()

    translator = login(translator_group_name("ar"), "oversattare")
    arabic = translation.get_target_instance()
    html = translator.get(
        reverse("editorial_submit_for_review", args=["wagtailcore", "page", arabic.pk])
    ).content.decode()
    assert "Skicka till granskning" in html
    assert "inte översatt" not in html
