"""wagtail-localize's own PO upload, ``/admin/localize/translate/<id>/pofile/upload/`` (issue 21).

The translation editor's menu posts there. wagtail-localize's view imported a 5.39 MB file
that the project's upload refuses, and answered an empty file or one without
``X-WagtailLocalize-TranslationID`` with a server error. The address is now answered by the
project's upload view (``translations/localize_views.py``): the same checks and clear refusals,
and after an import the editor is where the translator comes back to.
"""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.helpers.translation import PERSIAN, download_po, submit_for_translation

pytestmark = pytest.mark.django_db


def upload(client, translation, content, next_url):
    return client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("fa.po", content), "next": next_url},
    )


@pytest.fixture
def persian(admin_client, support_page):
    return submit_for_translation(admin_client, support_page, "fa")["fa"]


def editor_url(translation):
    return reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])


def oversized(translation):
    """A well-formed PO file of this very translation, over 5 MB (padded with comments)."""
    po = polib.POFile()
    po.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "X-WagtailLocalize-TranslationID": str(translation.uuid),
    }
    text = str(po)
    return (text + "\n" + "# padding\n" * (5_700_000 // 10)).encode("utf-8")


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "inte en PO-fil"),
        (b'msgid "Utsatt f\xc3\xb6r v\xc3\xa5ld"\nmsgstr "x"\n', "hör inte till"),
        (None, "för stor"),
    ],
    ids=["empty", "no-translation-id", "over-5-mb"],
)
def test_a_wrong_file_at_wagtail_localizes_address_is_refused_with_a_reason(
    admin_client, persian, content, message
):
    content = oversized(persian) if content is None else content
    response = upload(admin_client, persian, content, "http://testserver" + editor_url(persian))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert all(entry.msgstr == "" for entry in download_po(admin_client, persian))


def test_the_editors_upload_imports_and_goes_back_to_the_editor(admin_client, persian):
    po = download_po(admin_client, persian)
    for entry in po:
        entry.msgstr = PERSIAN[entry.msgid]
    # The editor sends its own full address as "next" (window.location.href).
    response = upload(
        admin_client, persian, str(po).encode("utf-8"), "http://testserver" + editor_url(persian)
    )
    assert response.status_code == 302
    assert response["Location"] == editor_url(persian)
    assert {entry.msgid: entry.msgstr for entry in download_po(admin_client, persian)} == PERSIAN


def test_another_hosts_next_address_is_not_followed(admin_client, persian):
    po = download_po(admin_client, persian)
    response = upload(admin_client, persian, str(po).encode("utf-8"), "https://example.org/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("translations_overview")
