"""A PO upload says how many texts were refused and why (issue 21, finding 7 / #24).

wagtail-localize stores a translation whose HTML is not in the original, but flags it
(``has_error``) and never uses it: a PO file full of such texts was reported "saved"
while not one of its texts reached the page.
"""

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.helpers.translation import PERSIAN, download_po, submit_for_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def persian(admin_client, support_page):
    return submit_for_translation(admin_client, support_page, "fa")["fa"]


def upload(client, translation, po):
    return client.post(
        reverse("translations_upload_po", args=[translation.pk]),
        {"file": SimpleUploadedFile("fa.po", str(po).encode("utf-8"))},
    )


def texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_po_file_full_of_html_is_not_called_saved(admin_client, persian):
    po = download_po(admin_client, persian)
    for entry in po:
        entry.msgstr = f'<script>alert(1)</script><a id="x">{PERSIAN[entry.msgid]}</a>'
    shown = " ".join(texts(upload(admin_client, persian, po)))
    assert f"{len(po)} texter sparades inte" in shown
    assert "HTML som inte finns i originalet" in shown
    assert "sparade" not in shown.replace("sparades inte", "")


def test_a_partly_refused_po_file_says_how_many_were_refused(admin_client, persian):
    po = download_po(admin_client, persian)
    entries = list(po)
    for entry in entries:
        entry.msgstr = PERSIAN[entry.msgid]
    entries[0].msgstr = '<a id="x">' + entries[0].msgstr + "</a>"
    shown = " ".join(texts(upload(admin_client, persian, po)))
    assert "1 text sparades inte" in shown
    assert f"{len(entries) - 1} av {len(entries)} texter i PO-filen är sparade" in shown


def test_a_clean_po_file_is_saved(admin_client, persian):
    po = download_po(admin_client, persian)
    for entry in po:
        entry.msgstr = PERSIAN[entry.msgid]
    shown = " ".join(texts(upload(admin_client, persian, po)))
    assert "sparades inte" not in shown
    assert "sparade" in shown
