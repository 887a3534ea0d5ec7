"""Bad files give a Swedish message in the admin, never a server error: PO files with a
NUL byte, an over-long title or a syntax error, and images that are not whole images."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail_localize.models import StringTranslation

from tests.helpers.images import gif
from tests.helpers.translation import SWEDISH, submit_for_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def persian(admin_client, support_page):
    translation = submit_for_translation(admin_client, support_page, "fa")["fa"]
    response = admin_client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    return translation, polib.pofile(response.content.decode("utf-8"))


def upload(client, translation, content):
    return client.post(
        reverse("translations_upload_po", args=[translation.pk]),
        {
            "file": SimpleUploadedFile("fa.po", content, content_type="text/x-gettext-translation"),
            "next": "/admin/translations/",
        },
        HTTP_ACCEPT_LANGUAGE="sv",
    )


def filled(po, text):
    for entry in po:
        entry.msgstr = text
    return str(po).encode("utf-8")


def test_a_nul_byte_in_a_po_file_is_refused_with_a_message(admin_client, persian):
    translation, po = persian
    response = upload(admin_client, translation, filled(po, "شما\x00تنها"))
    assert response.status_code == 400
    assert "NUL" in response.content.decode()
    assert not StringTranslation.objects.filter(locale=translation.target_locale).exists()


def test_a_title_longer_than_a_title_may_be_is_refused_with_a_message(admin_client, persian):
    translation, po = persian
    for entry in po:
        entry.msgstr = "ب" * 315 if entry.msgid == SWEDISH["title"] else "متن"
    response = upload(admin_client, translation, str(po).encode("utf-8"))
    assert response.status_code == 400
    assert "för lång" in response.content.decode()


def test_a_po_syntax_error_is_reported_as_one(admin_client, persian):
    translation, po = persian
    text = str(po).replace(
        "X-WagtailLocalize-TranslationID:", "X-WagtailLocalize-TranslationID", 1
    )  # a lost colon
    response = upload(admin_client, translation, text.encode("utf-8"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "hör inte till" not in html
    assert "kunde inte läsas" in html


@hypothesis_settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=400))
def test_any_translated_text_gets_an_answer_not_a_server_error(admin_client, persian, text):
    translation, po = persian
    response = upload(admin_client, translation, filled(po, text))
    assert response.status_code in (302, 400), response.status_code


def upload_image(client, name, data):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Bild",
            "file": SimpleUploadedFile(name, data, content_type="image/gif"),
            "collection": Collection.get_first_root_node().pk,
        },
        HTTP_ACCEPT_LANGUAGE="sv",
    )


def test_a_truncated_gif_is_refused_with_a_message(admin_client):
    data = gif()
    response = upload_image(admin_client, "bild.gif", data[:20])
    assert response.status_code == 200
    assert "inte en hel bild" in response.content.decode()
    assert not get_image_model().objects.exists()
    assert upload_image(admin_client, "bild.gif", data).status_code == 302


@hypothesis_settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.integers(min_value=0, max_value=len(gif()) - 1), noise=st.binary(max_size=40))
def test_any_broken_image_gets_an_answer_not_a_server_error(admin_client, cut, noise):
    response = upload_image(admin_client, "bild.gif", gif()[:cut] + noise)
    assert response.status_code in (200, 302), response.status_code


def test_a_document_without_an_extension_is_told_so(admin_client):
    from wagtail.documents import get_document_model

    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Broschyr",
            "file": SimpleUploadedFile("broschyr", b"%PDF-1.4\n%%EOF\n"),
            "collection": Collection.get_first_root_node().pk,
        },
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Filnamnet saknar filändelse" in html and ".pdf" in html
    assert "Filändelsen “”" not in html
    assert not get_document_model().objects.exists()
