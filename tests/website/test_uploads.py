"""Uploads are checked by content: no disguised or scripted PDFs, no gigantic images."""

import io
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"><script>alert(1)</script></svg>'


def _pdf_with(catalog_extra=b"", extra_objects=b""):
    return (
        b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b" >>\nendobj\n"
        b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
        + extra_objects
        + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )


def _object_stream(text):
    data = zlib.compress(text)
    return (
        b"3 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream\nendobj\n"
        % (len(data), data)
    )


SCRIPTED_PDFS = {
    "open action": _pdf_with(b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"),
    "escaped name": _pdf_with(b"/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>"),
    "launch": _pdf_with(b"/OpenAction << /S /Launch /F (cmd.exe) >>"),
    "compressed object stream": _pdf_with(
        extra_objects=_object_stream(b"4 0 << /S /JavaScript /JS (app.alert(1)) >>")
    ),
}


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("redaktor", "r@example.org", "pw")
    )
    return client


def _upload_document(client, name, data):
    return client.post(
        "/admin/documents/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, data),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def test_an_svg_renamed_pdf_is_refused(editor_client):
    response = _upload_document(editor_client, "broschyr.pdf", SVG)
    assert response.status_code == 200
    assert "Filen är inte en PDF" in response.content.decode()
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize("kind", SCRIPTED_PDFS)
def test_a_pdf_that_runs_code_when_opened_is_refused(editor_client, kind):
    response = _upload_document(editor_client, "broschyr.pdf", SCRIPTED_PDFS[kind])
    assert response.status_code == 200
    assert "som kan köra kod när filen öppnas" in response.content.decode()
    assert not get_document_model().objects.exists()


def test_a_real_pdf_is_accepted_and_served_as_a_download(editor_client, client):
    from weasyprint import HTML

    pdf = HTML(string="<h1>Stöd vid våld</h1><p>Ring 020-50 50 50.</p>").write_pdf()
    response = _upload_document(editor_client, "broschyr.pdf", pdf)
    assert response.status_code == 302
    document = get_document_model().objects.get()
    served = client.get(document.url)
    assert served.status_code == 200
    assert served["Content-Disposition"].startswith("attachment")


def test_a_word_document_must_be_a_zip_archive(editor_client):
    response = _upload_document(editor_client, "plan.docx", SVG)
    assert "Filen är inte en docx-fil" in response.content.decode()
    assert not get_document_model().objects.exists()


def _png(width, height):
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, "PNG")
    return buffer.getvalue()


def _upload_image(client, width, height):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Bild",
            "file": SimpleUploadedFile("bild.png", _png(width, height), content_type="image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def test_an_image_over_forty_megapixels_is_refused(editor_client):
    response = _upload_image(editor_client, 7000, 6000)  # 42 megapixels
    assert response.status_code == 200
    assert not get_image_model().objects.exists()
    assert _upload_image(editor_client, 800, 600).status_code == 302
    assert get_image_model().objects.count() == 1


@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=1_000_000)
def test_the_pixel_limit_is_configurable(editor_client):
    assert _upload_image(editor_client, 1200, 900).status_code == 200
    assert not get_image_model().objects.exists()
