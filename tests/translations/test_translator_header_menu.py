"""No button that leads to "not allowed", in the page header and the translation editor (issue 21).

The page header's "⋯" (explorer and edit form) offered a translator Flytta, Ta bort,
Konvertera till alias and Kopiera, each then refused; wagtail-localize's translation editor
offered Delete and Convert to alias. Each button a translator is shown must now open.
"""

import json
import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse

from editorial.roles import REVIEWERS, translator_group_name
from tests.helpers.admin import make_user
from tests.helpers.translation import submit_for_translation

pytestmark = pytest.mark.django_db


def login(group, username="person"):
    client = Client()
    client.force_login(make_user(group, username=username))
    return client


@pytest.fixture
def arabic_draft(admin_client, support_page):
    return submit_for_translation(admin_client, support_page, "ar")["ar"].get_target_instance()


def header_menu_urls(response):
    """The addresses in the header's "⋯" of an admin screen."""
    urls = []
    for button in response.context["header_buttons"]:
        for item in getattr(button, "dropdown_buttons", None) or []:
            urls.append(item.url)
    return urls


def test_every_entry_of_the_explorer_header_menu_opens_for_a_translator(arabic_draft):
    arabic_index = arabic_draft  # the explorer of a page without children: its own header
    client = login(translator_group_name("ar"))
    response = client.get(reverse("wagtailadmin_explore", args=[arabic_index.pk]))
    urls = header_menu_urls(response)
    assert reverse("wagtailadmin_pages:history", args=[arabic_index.pk]) in urls
    for refused in ("move", "delete", "copy"):
        assert not any(
            url.startswith(reverse(f"wagtailadmin_pages:{refused}", args=[arabic_index.pk]))
            for url in urls
        ), (refused, urls)
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_the_reviewer_keeps_move_copy_and_delete_in_the_header(arabic_draft):
    arabic_index = arabic_draft
    response = login(REVIEWERS).get(reverse("wagtailadmin_explore", args=[arabic_index.pk]))
    urls = header_menu_urls(response)
    for kept in ("move", "delete", "copy"):
        assert any(
            url.startswith(reverse(f"wagtailadmin_pages:{kept}", args=[arabic_index.pk]))
            for url in urls
        ), kept


def editor_props(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    match = re.search(
        r'class="js-translation-editor" data-props="([^"]*)"', response.content.decode()
    )
    return json.loads(unescape(match.group(1)))


def test_the_translation_editor_offers_a_translator_no_delete_or_convert_to_alias(arabic_draft):
    client = login(translator_group_name("ar"))
    props = editor_props(client, arabic_draft)
    assert props["perms"]["canDelete"] is False
    assert props["links"]["convertToAliasUrl"] is None
    assert (
        client.get(reverse("wagtailadmin_pages:delete", args=[arabic_draft.pk])).status_code == 403
    )


def test_the_translation_editor_offers_a_reviewer_delete_and_convert_to_alias(arabic_draft):
    props = editor_props(login(REVIEWERS), arabic_draft)
    assert props["perms"]["canDelete"] is True
    assert props["links"]["convertToAliasUrl"]


PO_UPLOAD_HIDDEN = "translations/admin/po-upload-refused.js"


def test_the_editor_hides_po_upload_from_a_translator_of_a_translation_made_from_arabic(
    admin_client, support_page
):
    """A Kommunikatör translated the Arabic page into Persian; the Persian translator may
    edit the Persian page but not upload a PO file into a translation from Arabic."""
    from tests.helpers.translation import locale

    arabic = support_page.copy_for_translation(locale("ar"))
    arabic.title = "التعرض للعنف"
    arabic.save_revision().publish()
    persian = submit_for_translation(admin_client, arabic, "fa")["fa"].get_target_instance()
    client = login(translator_group_name("fa"))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[persian.pk]))
    assert response.status_code == 200
    assert PO_UPLOAD_HIDDEN in response.content.decode()


def test_the_editor_keeps_po_upload_for_a_translator_from_swedish(arabic_draft):
    client = login(translator_group_name("ar"))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[arabic_draft.pk])).content.decode()
    assert PO_UPLOAD_HIDDEN not in html
