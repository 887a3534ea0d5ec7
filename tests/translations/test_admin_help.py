"""Editors get help inside the admin: a refused PO file says why on an admin page with a
way back, and the translation overview links to a help page, not to a repository path."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.helpers.translation import submit_for_translation

pytestmark = pytest.mark.django_db


def test_a_refused_po_file_is_explained_inside_the_admin(admin_client, support_page):
    persian = submit_for_translation(admin_client, support_page, "fa")["fa"]
    response = admin_client.post(
        reverse("translations_upload_po", args=[persian.pk]),
        {
            "file": SimpleUploadedFile("fa.po", b"not a po file"),
            "next": "/admin/translations/?language=fa",
        },
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "Filen är inte en PO-fil i UTF-8." in html
    assert 'href="/admin/translations/?language=fa"' in html  # back to where the editor was
    assert 'id="wagtail-sidebar"' in html or "sidebar" in html  # the admin's frame, not a bare page
    assert reverse("translations_help") in html


def test_the_overview_links_to_help_in_the_admin_not_to_a_repository_file(
    admin_client, support_page
):
    html = admin_client.get(reverse("translations_overview")).content.decode()
    assert "docs/translating.md" not in html
    assert f'href="{reverse("translations_help")}"' in html
    help_page = admin_client.get(reverse("translations_help"))
    assert help_page.status_code == 200
    assert "Översättningsbyrå (PO-filer)" in help_page.content.decode()
