"""A PO upload says how many strings were refused and why (issue 24, finding 6/8).

wagtail-localize stores a translation whose HTML is not in the original, but flags it
(``has_error``) and never uses it: a PO file full of such strings was "saved" while not one
of its texts reached the page.
"""

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.translation.conftest import submit_for_translation, support_page  # noqa: F401 (fixture)
from tests.translation.test_po_round_trip import PERSIAN, download_po

pytestmark = pytest.mark.django_db


@pytest.fixture
def persian(admin_client, support_page):
    return submit_for_translation(admin_client, support_page, "fa")["fa"]


def upload(client, translation, po):
    return client.post(
        reverse("website_translation_upload_po", args=[translation.pk]),
        {"file": SimpleUploadedFile("fa.po", str(po).encode("utf-8"))},
    )


def texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_po_file_full_of_html_is_not_called_saved(admin_client, persian):
    po = download_po(admin_client, persian)
    for entry in po:
        entry.msgstr = f'<script>alert(1)</script><a id="x">{PERSIAN[entry.msgid]}</a>'
    response = upload(admin_client, persian, po)
    shown = " ".join(texts(response))
    assert f"{len(po)} texter sparades inte" in shown
    assert "HTML" in shown
    assert "sparade" not in shown.replace("sparades inte", "")


def test_a_partly_refused_po_file_says_how_many_were_refused(admin_client, persian):
    po = download_po(admin_client, persian)
    entries = list(po)
    for entry in entries:
        entry.msgstr = PERSIAN[entry.msgid]
    entries[0].msgstr = '<a id="x">' + entries[0].msgstr + "</a>"
    response = upload(admin_client, persian, po)
    shown = " ".join(texts(response))
    assert "1 text sparades inte" in shown
    assert f"{len(entries) - 1} av {len(entries)} texter" in shown
