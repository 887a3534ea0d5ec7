"""A brochure PDF speaks to its reader as the web brochure does: the contacts that answer
in the reader's language come first (after 112), every passage in another language than
the document's is tagged with its own language for screen readers, and the reader is told
in their language that it is in Swedish. A language without a brochure gets no dead link."""

import re
import subprocess
import zlib

import pytest

pytestmark = pytest.mark.django_db

TERRAFEM, KVINNOFRIDSLINJEN = "020-52 10 10", "020-50 50 50"
IN_SWEDISH = "(In Swedish: not yet translated into your language.)"


def _pdf(client, code, tmp_path):
    response = client.get(f"/{code}/stod/broschyrer/stod-vid-vald/pdf/{code}/")
    assert response.status_code == 200
    data = b"".join(response.streaming_content)
    (tmp_path / f"{code}.pdf").write_bytes(data)
    text = subprocess.run(
        ["pdftotext", str(tmp_path / f"{code}.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return data, text


def _structure_languages(data):
    """The /Lang of every structure element (StructElem) of the PDF, objects streams included."""
    parts = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        try:
            parts.append(zlib.decompressobj().decompress(data[match.end() :]))
        except zlib.error:
            pass
    whole = b"\n".join(parts)
    return [
        m.group(1).decode() for m in re.finditer(rb"/Type /StructElem[^>]*?/Lang \((\w+)\)", whole)
    ]


def _gettext(code, message):
    from django.utils import translation

    with translation.override(code):
        return translation.gettext(message)


@pytest.mark.parametrize("code", ["ar", "ti"])
def test_contacts_that_answer_in_the_readers_language_come_first(
    shared_support_site, client_for, tmp_path, code
):
    _data, text = _pdf(client_for, code, tmp_path)
    assert text.index("112") < text.index(TERRAFEM) < text.index(KVINNOFRIDSLINJEN)


def test_swedish_passages_in_the_tigrinya_pdf_are_tagged_swedish_and_said_to_be(
    shared_support_site, client_for, tmp_path
):
    data, text = _pdf(client_for, "ti", tmp_path)
    languages = _structure_languages(data)
    assert "sv" in languages, languages  # the helplines' and services' Swedish texts
    note = _gettext("ti", IN_SWEDISH)
    assert note != IN_SWEDISH
    assert note in " ".join(text.split())
    # The Swedish PDF has nothing to mark.
    sv_data, sv_text = _pdf(client_for, "sv", tmp_path)
    assert set(_structure_languages(sv_data)) <= {"sv"}
    assert _gettext("sv", IN_SWEDISH) not in sv_text


def test_a_language_without_the_brochure_links_no_missing_pdf(shared_support_site, client_for):
    for address in ["/so/stod/broschyrer/", "/so/stod/broschyrer/stod-vid-vald/"]:
        html = client_for.get(address).content.decode()
        links = set(re.findall(r'href="([^"]*/pdf/[^"]*)"', html))
        assert links, address
        for link in links:
            assert client_for.get(link).status_code in (200, 302), link
