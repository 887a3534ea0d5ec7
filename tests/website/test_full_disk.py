"""A full disk gives editors a clear Swedish message and leaves nothing behind (issue 24, 6/8).

The disk fills up as the operating system makes it do: the storage's writes into
``MEDIA_ROOT`` go through until the free bytes are used, then the write that does not
fit raises ``OSError(ENOSPC)`` after writing what fitted. The file system is outside the
machine these tests control; everything else (views, storage, database) is real. These
tests run inside the test's own transaction, as a request runs inside an outer one: on
PostgreSQL a write that failed inside it would break every query after it.
"""

import errno
import json
import os
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.helpers.images import gif

pytestmark = pytest.mark.django_db

FULL = "Filen kunde inte sparas: serverns disk är full"


class AlmostFullDisk:
    """``MEDIA_ROOT`` with ``free`` bytes left: writes beyond them fail as on a full disk."""

    def __init__(self, root, free):
        self.root, self.free = str(root), free

    def fdopen(self, real_fdopen):
        disk = self

        def fdopen(fd, *args, **kwargs):
            opened = real_fdopen(fd, *args, **kwargs)
            if not os.readlink(f"/proc/self/fd/{fd}").startswith(disk.root):
                return opened
            return disk.File(opened, disk)

        return fdopen

    class File:
        def __init__(self, opened, disk):
            self.opened, self.disk = opened, disk

        def write(self, data):
            fits = data[: self.disk.free]
            self.opened.write(fits)
            self.disk.free -= len(fits)
            if len(fits) < len(data):
                self.opened.flush()
                raise OSError(errno.ENOSPC, "No space left on device")
            return len(data)

        def __getattr__(self, name):
            return getattr(self.opened, name)


def files_under(root):
    return {path for path in Path(root).rglob("*") if path.is_file()}


@pytest.fixture
def disk(settings, monkeypatch):
    """The media disk, full unless the test leaves room (``disk.free = n``)."""
    root = Path(settings.MEDIA_ROOT).resolve()
    almost_full = AlmostFullDisk(root, free=10)
    monkeypatch.setattr(os, "fdopen", almost_full.fdopen(os.fdopen))
    almost_full.files_before = files_under(root)
    yield almost_full
    monkeypatch.undo()


def nothing_stored(disk):
    assert not get_image_model().objects.exists()
    assert not get_image_model().get_rendition_model().objects.exists()
    assert not get_document_model().objects.exists()
    assert files_under(disk.root) == disk.files_before  # not even the part that fitted


def shown(response):
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def root_collection():
    return Collection.get_first_root_node().pk


def test_a_document_upload_on_a_full_disk_says_so_and_stores_nothing(admin_client, disk):
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Broschyr",
            "file": SimpleUploadedFile("broschyr.txt", "Hej och välkommen\n".encode() * 10),
            "collection": root_collection(),
        },
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/documents/add/"
    assert FULL in shown(response)
    nothing_stored(disk)


def test_an_image_upload_on_a_full_disk_says_so_and_stores_nothing(admin_client, disk):
    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "Bild",
            "file": SimpleUploadedFile("bild.gif", gif(), content_type="image/gif"),
            "collection": root_collection(),
        },
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/images/add/"
    assert FULL in shown(response)
    nothing_stored(disk)


def multiple_upload(client, kind, name, data):
    return client.post(
        f"/admin/{kind}/multiple/add/",
        {"files[]": SimpleUploadedFile(name, data), "collection": root_collection()},
        HTTP_ACCEPT_LANGUAGE="sv",
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )


def test_the_multiple_image_upload_on_a_full_disk_shows_the_reason_in_its_list(admin_client, disk):
    response = multiple_upload(admin_client, "images", "bild.gif", gif())
    assert response.status_code == 200
    answer = json.loads(response.content)
    assert answer["success"] is False
    assert FULL in answer["error_message"]
    nothing_stored(disk)


def test_an_image_whose_preview_no_longer_fits_is_not_kept_either(admin_client, disk):
    """The upload tab of the editor's image chooser saves the image (file and row), then
    writes the preview it shows: when only the original fits, the row and the original
    go too, not only the preview."""
    data = gif()
    disk.free = len(data) + 1
    response = admin_client.post(
        "/admin/images/chooser/create/",
        {
            "image-chooser-upload-title": "Bild",
            "image-chooser-upload-collection": root_collection(),
            "image-chooser-upload-file": SimpleUploadedFile(
                "bild.gif", data, content_type="image/gif"
            ),
        },
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    answer = json.loads(response.content)
    assert answer["step"] == "reshow_creation_form" and FULL in answer["htmlFragment"]
    assert disk.free == 0  # the original was written: the preview is what did not fit
    nothing_stored(disk)


def test_the_multiple_document_upload_on_a_full_disk_shows_the_reason(admin_client, disk):
    response = multiple_upload(
        admin_client, "documents", "broschyr.txt", b"Hej och v\xc3\xa4lkommen\n" * 10
    )
    answer = json.loads(response.content)
    assert answer["success"] is False and FULL in answer["error_message"]
    nothing_stored(disk)


def test_an_upload_too_big_for_memory_on_a_full_disk_says_so(
    admin_client, disk, settings, monkeypatch
):
    """Django buffers an upload larger than ``FILE_UPLOAD_MAX_MEMORY_SIZE`` in a temporary
    file before any view runs; when that meets the full disk the editor is told the same."""
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("django.core.files.uploadedfile.tempfile.NamedTemporaryFile", no_space)
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Broschyr",
            "file": SimpleUploadedFile("broschyr.txt", b"Hej\n" * 100),
            "collection": root_collection(),
        },
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    assert response.status_code == 302
    assert FULL in shown(response)
    nothing_stored(disk)


def test_with_room_on_the_disk_the_upload_is_stored(admin_client, disk):
    disk.free = 10**6
    response = multiple_upload(admin_client, "images", "bild.gif", gif())
    assert json.loads(response.content)["success"] is True
    assert get_image_model().objects.count() == 1
    assert len(files_under(disk.root) - disk.files_before) == 1


def test_replacing_an_image_file_on_a_full_disk_keeps_the_image_as_it_was(admin_client, disk):
    disk.free = 10**6
    multiple_upload(admin_client, "images", "bild.gif", gif())
    image = get_image_model().objects.get()
    original = image.file.name
    files = files_under(disk.root)
    disk.free = 10
    response = admin_client.post(
        f"/admin/images/{image.pk}/",
        {
            "title": "Ny bild",
            "collection": root_collection(),
            "tags": "",
            "file": SimpleUploadedFile("ny-bild.gif", gif((80, 60)), content_type="image/gif"),
        },
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    assert response.status_code == 302
    assert response["Location"] == f"/admin/images/{image.pk}/"
    assert FULL in shown(response)
    image.refresh_from_db()
    assert (image.title, image.file.name) == ("bild.gif", original)
    assert files_under(disk.root) == files


def test_the_document_chooser_upload_on_a_full_disk_says_so_in_the_chooser(admin_client, disk):
    response = admin_client.post(
        "/admin/documents/chooser/create/",
        {
            "document-chooser-upload-title": "Broschyr",
            "document-chooser-upload-collection": root_collection(),
            "document-chooser-upload-file": SimpleUploadedFile(
                "broschyr.txt", b"Hej och hej\n" * 10
            ),
        },
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    answer = json.loads(response.content)
    assert answer["step"] == "reshow_creation_form" and FULL in answer["htmlFragment"]
    nothing_stored(disk)
