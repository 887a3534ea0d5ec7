"""An agency translates a page into Persian in a PO file: download, fill, upload, publish."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.helpers.translation import (
    PERSIAN,
    SWEDISH,
    download_po,
    publish_translation,
    submit_for_translation,
)
from translations.overview import translation_overview

pytestmark = pytest.mark.django_db


def upload(client, translation, content, name="page-fa.po"):
    return client.post(
        reverse("translations_upload_po", args=[translation.pk]),
        {
            "file": SimpleUploadedFile(name, content, content_type="text/x-gettext-translation"),
            "next": "/admin/translations/",
        },
    )


def test_persian_po_round_trip_shows_the_uploaded_text(
    admin_client, support_page, django_capture_on_commit_callbacks
):
    persian = submit_for_translation(admin_client, support_page, "fa")["fa"]

    po = download_po(admin_client, persian)
    assert {entry.msgid for entry in po} == set(PERSIAN)
    assert all(entry.msgstr == "" for entry in po)
    for entry in po:  # what the agency does in its PO editor
        entry.msgstr = PERSIAN[entry.msgid]

    response = upload(admin_client, persian, str(po).encode("utf-8"))
    assert response.status_code == 302
    assert response["Location"] == "/admin/translations/"
    rows, _codes = translation_overview(languages=["fa"])
    cell = next(row for row in rows if row.title == SWEDISH["title"]).cells["fa"]
    assert cell.percent == 100 and cell.live is False  # uploaded, not yet published

    page = persian.get_target_instance()
    assert "شما تنها نیستید" not in admin_client.get("/fa/").content.decode()
    publish_translation(admin_client, persian, django_capture_on_commit_callbacks)
    page.refresh_from_db()
    assert page.live
    html = admin_client.get(page.url).content.decode()
    assert '<html lang="fa" dir="rtl">' in html
    assert "در معرض خشونت" in html
    assert "شما تنها نیستید. کمک وجود دارد." in html


def test_wagtail_localize_upload_view_accepts_the_same_file(admin_client, support_page):
    persian = submit_for_translation(admin_client, support_page, "fa")["fa"]
    po = download_po(admin_client, persian)
    for entry in po:
        entry.msgstr = PERSIAN[entry.msgid]
    response = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[persian.pk]),
        {"file": SimpleUploadedFile("fa.po", str(po).encode("utf-8")), "next": "/admin/"},
    )
    assert response.status_code == 302
    po_again = download_po(admin_client, persian)
    assert {entry.msgid: entry.msgstr for entry in po_again} == PERSIAN


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "inte en PO-fil"),
        ("\ufffe".encode("utf-16"), "inte en PO-fil"),
        (b'msgid "Utsatt f\xc3\xb6r v\xc3\xa5ld"\nmsgstr "x"\n', "hör inte till"),
    ],
    ids=["empty", "not-utf8", "no-translation-id"],
)
def test_a_wrong_po_file_is_refused_with_a_reason_and_changes_nothing(
    admin_client, support_page, content, message
):
    persian = submit_for_translation(admin_client, support_page, "fa")["fa"]
    response = upload(admin_client, persian, content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert all(entry.msgstr == "" for entry in download_po(admin_client, persian))


def test_a_po_file_for_another_language_is_refused(admin_client, support_page):
    translations = submit_for_translation(admin_client, support_page, "fa", "ar")
    arabic_po = download_po(admin_client, translations["ar"])
    for entry in arabic_po:
        entry.msgstr = "نص"
    response = upload(admin_client, translations["fa"], str(arabic_po).encode("utf-8"))
    assert response.status_code == 400
    assert "hör inte till" in response.content.decode()


def test_upload_without_a_file_is_a_clear_400(admin_client, support_page):
    persian = submit_for_translation(admin_client, support_page, "fa")["fa"]
    response = admin_client.post(reverse("translations_upload_po", args=[persian.pk]), {})
    assert response.status_code == 400
    assert "Välj en PO-fil" in response.content.decode()
