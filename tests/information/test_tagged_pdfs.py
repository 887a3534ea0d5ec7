"""Brochure PDFs are tagged (PDF/UA-1) with their language and title, so screen readers
get headings and reading order, and read the text in the right language."""

import re
import subprocess
import zlib

import pytest

pytestmark = pytest.mark.django_db

TITLES = {
    "sv": "Stöd när någon gör dig illa",
    "ar": "الدعم عندما يؤذيك أحد",
    "ti": "ሓደ ሰብ ክጎድኣኩም ከሎ ደገፍ",
}


def _objects(data):
    """The PDF's raw bytes plus every Flate stream decompressed (object streams hold the
    catalogue, where the document language is)."""
    parts = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        try:
            parts.append(zlib.decompressobj().decompress(data[match.end() :]))
        except zlib.error:
            pass
    return b"\n".join(parts)


def _pdfinfo(path):
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize(
    "prefix, code",
    [("sv", "sv"), ("ar", "ar"), ("ti", "ti"), ("pl", "sv")],  # pl: the Swedish brochure under /pl/
)
def test_brochure_pdf_is_tagged_with_its_language_and_title(
    shared_support_site, client_for, tmp_path, prefix, code
):
    response = client_for.get(f"/{prefix}/stod/broschyrer/stod-vid-vald/pdf/{code}/")
    assert response.status_code == 200
    data = b"".join(response.streaming_content)
    path = tmp_path / f"{code}.pdf"
    path.write_bytes(data)
    info = _pdfinfo(path)
    assert re.search(r"^Tagged:\s+yes$", info, re.M), info
    assert re.search(rf"^Title:\s+{re.escape(TITLES[code])}$", info, re.M), info
    assert f"/Lang ({code})".encode() in _objects(data)


def test_a_pdf_made_before_tagging_is_made_again(shared_support_site, client_for, tmp_path):
    """A file the site made with an older layout (before PDFs were tagged) is not served
    until the brochure is next edited: it is replaced at the next request."""
    from django.conf import settings

    from information.models import Brochure
    from information.pdf import BROCHURE_PDF

    brochure = Brochure.objects.get(slug="stod-vid-vald", locale__language_code="sv")
    folder = BROCHURE_PDF.folder(brochure)
    assert str(folder).startswith(str(settings.MEDIA_ROOT))
    for made in folder.glob("*.pdf"):  # as on a site just upgraded: only the old file is there
        made.unlink()
    old = folder / "made-by-an-older-layout.pdf"
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_bytes(b"%PDF-1.4 made before tagging\n%%EOF\n")

    response = client_for.get("/sv/stod/broschyrer/stod-vid-vald/pdf/sv/")
    data = b"".join(response.streaming_content)
    assert b"made before tagging" not in data
    (tmp_path / "new.pdf").write_bytes(data)
    assert re.search(r"^Tagged:\s+yes$", _pdfinfo(tmp_path / "new.pdf"), re.M)
    assert not old.exists()
