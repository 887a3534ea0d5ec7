"""No button that leads to "not allowed" (issue 21, finding 7).

A translator was offered Flytta, Ta bort and Översätt den här sidan on their Arabic draft,
each answered with a refusal. The page listing's "⋯" now leaves out what the person's
role cannot complete; Kommunikatör and Granskare keep what docs/roles.md gives them.
"""

import pytest
from django.test import Client
from django.urls import reverse

from editorial.roles import COMMUNICATORS, REVIEWERS, translator_group_name
from tests.helpers.admin import make_user
from tests.helpers.translation import locale, submit_for_translation

pytestmark = pytest.mark.django_db


def login(group):
    client = Client()
    client.force_login(make_user(group, username="person"))
    return client


@pytest.fixture
def arabic_draft(admin_client, support_page):
    return submit_for_translation(admin_client, support_page, "ar")["ar"].get_target_instance()


def listing(client, page):
    response = client.get(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_translator_is_offered_no_move_delete_or_translate_on_their_arabic_draft(arabic_draft):
    html = listing(login(translator_group_name("ar")), arabic_draft)
    assert reverse("wagtailadmin_pages:edit", args=[arabic_draft.pk]) in html
    assert (
        reverse("editorial_submit_for_review", args=["wagtailcore", "page", arabic_draft.pk])
        in html
    )
    assert reverse("wagtailadmin_pages:delete", args=[arabic_draft.pk]) not in html
    assert reverse("wagtailadmin_pages:move", args=[arabic_draft.pk]) not in html
    assert reverse("wagtail_localize:submit_page_translation", args=[arabic_draft.pk]) not in html


def test_a_communicator_may_move_but_is_not_offered_delete(arabic_draft):
    html = listing(login(COMMUNICATORS), arabic_draft)
    assert reverse("wagtailadmin_pages:move", args=[arabic_draft.pk]) in html
    assert reverse("wagtailadmin_pages:delete", args=[arabic_draft.pk]) not in html
    # roles.md: Kommunikatör submits for translation from any language.
    assert reverse("wagtail_localize:submit_page_translation", args=[arabic_draft.pk]) in html


def test_a_reviewer_is_offered_delete(arabic_draft):
    html = listing(login(REVIEWERS), arabic_draft)
    assert reverse("wagtailadmin_pages:delete", args=[arabic_draft.pk]) in html


def test_a_translator_cannot_move_a_page_by_its_address(arabic_draft):
    client = login(translator_group_name("ar"))
    url = reverse(
        "wagtailadmin_pages:move_confirm", args=[arabic_draft.pk, arabic_draft.get_parent().pk]
    )
    assert client.post(url).status_code == 403
    arabic_draft.refresh_from_db()


def test_a_translator_is_offered_translate_only_on_swedish_helplines(demo_site):
    from information.models import Helpline

    swedish = Helpline.objects.create(
        name="Kvinnofridslinjen", phone_number="020-50 50 50", locale=locale("sv"), live=True
    )
    arabic = swedish.copy_for_translation(locale("ar"))
    arabic.save()
    client = login(translator_group_name("fa"))
    html = client.get(
        reverse("wagtailsnippets_information_helpline:list") + "?locale=sv"
    ).content.decode()
    assert (
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["information", "helpline", swedish.pk],
        )
        in html
    )
    html = client.get(
        reverse("wagtailsnippets_information_helpline:list") + "?locale=ar"
    ).content.decode()
    assert "Kvinnofridslinjen" in html or "helpline" in html
    assert (
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["information", "helpline", arabic.pk],
        )
        not in html
    )
