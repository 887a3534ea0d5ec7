"""A full disk gives a clear answer, not a 500 (issue 24, finding 6/8).

The disk is "full" because the storage's save (or the write the PDF goes through) raises
``OSError(ENOSPC)``, as the operating system does: the file system is outside the machine
these tests control.
"""

import errno
import json
import logging

import pytest
from django.contrib.messages import get_messages
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.translation.conftest import submit_for_translation, support_page  # noqa: F401 (fixture)
from tests.translation.test_po_round_trip import PERSIAN, download_po
from tests.website.test_bad_files_in_the_admin import gif

pytestmark = pytest.mark.django_db

FULL = "Filen kunde inte sparas: serverns disk är full"


def no_space(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def full_disk(monkeypatch):
    monkeypatch.setattr(FileSystemStorage, "_save", no_space)


def shown(response):
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def test_a_document_upload_on_a_full_disk_says_so_and_stores_nothing(admin_client, full_disk):
    response = admin_client.post(
        "/admin/documents/add/",
        {"title": "Broschyr", "file": SimpleUploadedFile("broschyr.txt", b"Hej\n"),
         "collection": Collection.get_first_root_node().pk},
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/documents/add/"
    assert FULL in shown(response)
    assert not get_document_model().objects.exists()


def test_an_image_upload_on_a_full_disk_says_so_and_stores_nothing(admin_client, full_disk):
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Bild", "file": SimpleUploadedFile("bild.gif", gif(), content_type="image/gif"),
         "collection": Collection.get_first_root_node().pk},
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    assert response.status_code == 302
    assert FULL in shown(response)
    assert not get_image_model().objects.exists()


# Committed for real: Django marks the surrounding transaction for rollback when a save
# fails inside one (the test's own), and in production a request has none around it.
@pytest.mark.django_db(transaction=True)
def test_the_multiple_image_upload_on_a_full_disk_shows_the_reason(admin_client, full_disk):
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("bild.gif", gif(), content_type="image/gif")},
        HTTP_ACCEPT_LANGUAGE="sv",
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 200
    answer = json.loads(response.content)
    assert answer["success"] is False and FULL in answer["error_message"]
    assert not get_image_model().objects.exists()


def test_a_po_upload_on_a_full_disk_is_refused_with_the_reason(admin_client, support_page, settings, monkeypatch):  # noqa: F811
    persian = submit_for_translation(admin_client, support_page, "fa")["fa"]
    po = download_po(admin_client, persian)
    for entry in po:
        entry.msgstr = PERSIAN[entry.msgid]
    # Django buffers an upload over FILE_UPLOAD_MAX_MEMORY_SIZE in a temporary file.
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0
    monkeypatch.setattr("django.core.files.uploadedfile.tempfile.NamedTemporaryFile", no_space)
    response = admin_client.post(
        reverse("website_translation_upload_po", args=[persian.pk]),
        {"file": SimpleUploadedFile("fa.po", str(po).encode("utf-8"))},
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    monkeypatch.undo()
    assert response.status_code == 400
    assert FULL in response.content.decode()
    assert all(entry.msgstr == "" for entry in download_po(admin_client, persian))


def test_a_brochure_pdf_that_cannot_be_written_answers_503_and_logs_once(shared_support_site, client_for, monkeypatch, caplog):
    import multilingual.pdf

    monkeypatch.setattr(multilingual.pdf.tempfile, "mkstemp", no_space)
    with caplog.at_level(logging.ERROR):
        response = client_for.get("/sv/stod/broschyrer/stod-vid-vald/pdf/sv/", HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "Set-Cookie" not in response.headers
    assert response.content.decode().strip()
    assert len([record for record in caplog.records if "disk" in record.getMessage().lower()]) == 1
