"""Brochures: a web page and a PDF per language, in the right script, with embedded fonts."""

import re
import subprocess

import pytest
from django.core.files.base import ContentFile

pytestmark = pytest.mark.django_db

ARABIC = re.compile(r"[\u0600-\u06FF]")
ETHIOPIC = re.compile(r"[\u1200-\u137F]")


def _pdf(client, code, tmp_path):
    response = client.get(f"/sv/stod/broschyrer/stod-vid-vald/pdf/{code}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "Set-Cookie" not in response.headers
    path = tmp_path / f"{code}.pdf"
    path.write_bytes(b"".join(response.streaming_content))
    return path


def _text(path):
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _fonts(path):
    lines = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    return [(line.split()[0], line.split()[-5]) for line in lines if line.strip()]


def test_arabic_pdf_has_arabic_text_and_embeds_an_arabic_font(
    shared_support_site, client_for, tmp_path
):
    path = _pdf(client_for, "ar", tmp_path)
    text = _text(path)
    assert len(ARABIC.findall(text)) > 100
    assert "020-50 50 50" in text  # the number stays readable, left to right
    fonts = _fonts(path)
    assert fonts and all(embedded == "yes" for _name, embedded in fonts)
    assert any("Arabic" in name for name, _emb in fonts)


def test_tigrinya_pdf_has_geez_text_and_embeds_an_ethiopic_font(
    shared_support_site, client_for, tmp_path
):
    path = _pdf(client_for, "ti", tmp_path)
    text = _text(path)
    assert len(ETHIOPIC.findall(text)) > 100
    assert "112" in text
    fonts = _fonts(path)
    assert fonts and all(embedded == "yes" for _name, embedded in fonts)
    assert any("Ethiopic" in name for name, _emb in fonts)


def test_pdf_is_a5_by_default(shared_support_site, client_for, tmp_path):
    path = _pdf(client_for, "sv", tmp_path)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+419\.\d+ x 595\.\d+ pts", info)


def test_changed_helpline_number_reaches_the_pdf(shared_support_site, client_for, tmp_path):
    from information.models import Helpline

    line = Helpline.objects.get(name="Kvinnofridslinjen", locale__language_code="sv")
    line.phone_number = "020-11 22 33"
    line.save()
    assert "020-11 22 33" in _text(_pdf(client_for, "sv", tmp_path))


@pytest.fixture
def brochure_renders(monkeypatch, settings, tmp_path):
    """Each brochure PDF rendered (the real renderer still runs), by brochure id, into a
    media folder of the test's own."""
    from information.pdf import BrochurePdf

    settings.MEDIA_ROOT = str(tmp_path / "media")
    rendered = []
    real = BrochurePdf.render

    def counting(self, brochure):
        rendered.append(brochure.pk)
        return real(self, brochure)

    monkeypatch.setattr(BrochurePdf, "render", counting)
    return rendered


def test_brochures_page_offers_each_language_named_in_itself_and_renders_nothing(
    shared_support_site, client_for, brochure_renders, django_assert_max_num_queries
):
    with django_assert_max_num_queries(30):
        response = client_for.get("/ar/stod/broschyrer/")
    assert response.status_code == 200
    html = response.content.decode()
    assert brochure_renders == []  # a PDF is made by the PDF view or in the background
    downloads = re.search(r'<ul class="brochure-card__downloads">.*?</ul>', html, re.S).group(0)
    for code, name in [("sv", "Svenska"), ("en", "English"), ("ar", "العربية"), ("ti", "ትግርኛ")]:
        assert re.search(
            rf'href="/ar/stod/broschyrer/stod-vid-vald/pdf/{code}/" hreflang="{code}"[^>]*><span lang="{code}" dir="(ltr|rtl)">{name}</span> <span class="file-size">\(PDF\)',
            downloads,
        ), (code, downloads)


def test_brochures_page_shows_the_size_of_a_pdf_once_it_is_made(
    shared_support_site, client_for, brochure_renders
):
    from django.template.defaultfilters import filesizeformat
    from django.utils import translation

    size = len(
        b"".join(client_for.get("/ar/stod/broschyrer/stod-vid-vald/pdf/ar/").streaming_content)
    )
    html = client_for.get("/ar/stod/broschyrer/").content.decode()
    with translation.override("ar"):
        shown = str(filesizeformat(size))
    assert (
        f'<span lang="ar" dir="rtl">العربية</span> <span class="file-size">(PDF, {shown})</span>'
        in html
    )
    assert '<span lang="sv" dir="ltr">Svenska</span> <span class="file-size">(PDF)</span>' in html
    assert len(brochure_renders) == 1


def _publish_number(helpline, number):
    revision = helpline.get_latest_revision_as_object()
    revision.phone_number = number
    revision.save_revision().publish()


def _other_brochure():
    """A second Swedish brochure that prints Bris and not Kvinnofridslinjen."""
    from wagtail.models import Locale

    from information.models import Brochure, Helpline

    bris = Helpline.objects.get(name__startswith="BRIS", locale__language_code="sv")
    brochure = Brochure(
        title="Till dig som är barn",
        slug="till-barn",
        locale=Locale.objects.get(language_code="sv"),
        contacts=[("helpline", bris)],
    )
    brochure.save()
    brochure.save_revision().publish()
    return Brochure.objects.get(pk=brochure.pk)


def test_publishing_a_helpline_renews_only_the_pdfs_that_print_it(
    shared_support_site, client_for, brochure_renders, tmp_path
):
    from information.models import Brochure, Helpline

    other = _other_brochure()
    printing = Brochure.objects.get(slug="stod-vid-vald", locale__language_code="sv")
    first = _text(_pdf(client_for, "sv", tmp_path))
    other_pdf = client_for.get("/sv/stod/broschyrer/till-barn/pdf/sv/")
    other_bytes = b"".join(other_pdf.streaming_content)
    assert sorted(brochure_renders) == sorted([printing.pk, other.pk])
    assert "020-50 50 50" in first

    _publish_number(
        Helpline.objects.get(name="Kvinnofridslinjen", locale__language_code="sv"), "020-11 22 33"
    )

    assert "020-11 22 33" in _text(_pdf(client_for, "sv", tmp_path))
    again = b"".join(client_for.get("/sv/stod/broschyrer/till-barn/pdf/sv/").streaming_content)
    assert again == other_bytes
    assert sorted(brochure_renders) == sorted(
        [printing.pk, other.pk, printing.pk]
    )  # the other one not again


def test_publishing_a_helpline_renders_the_brochures_that_print_it_in_the_background(
    shared_support_site,
    client_for,
    brochure_renders,
    settings,
    django_capture_on_commit_callbacks,
    tmp_path,
):
    from information.models import Brochure, Helpline

    settings.VINR_BROCHURES_PDF_ON_PUBLISH = True
    with django_capture_on_commit_callbacks(execute=True):
        other = _other_brochure()
    assert brochure_renders == [other.pk]  # publishing a brochure renders it
    printing = set(
        Brochure.objects.filter(slug="stod-vid-vald", live=True).values_list("pk", flat=True)
    )
    assert len(printing) > 3  # every language of the brochure prints the number

    with django_capture_on_commit_callbacks(execute=True):
        _publish_number(
            Helpline.objects.get(name="Kvinnofridslinjen", locale__language_code="sv"),
            "020-11 22 33",
        )
    assert sorted(brochure_renders[1:]) == sorted(printing)
    # Readers find the new PDFs made.
    assert "020-11 22 33" in _text(_pdf(client_for, "ar", tmp_path))
    assert sorted(brochure_renders[1:]) == sorted(printing)


def test_uploaded_pdf_replaces_the_generated_one_for_that_language(shared_support_site, client_for):
    from wagtail.documents.models import Document

    from information.models import Brochure

    document = Document(title="Designed brochure (en)")
    document.file.save(
        "designed-en.pdf", ContentFile(b"%PDF-1.4 designed by a communicator"), save=False
    )
    document.save()
    Brochure.objects.filter(locale__language_code="en").update(uploaded_pdf=document)

    response = client_for.get("/sv/stod/broschyrer/stod-vid-vald/pdf/en/")
    assert response.status_code == 302 and response["Location"] == document.url
    html = client_for.get("/sv/stod/broschyrer/").content.decode()
    assert re.search(
        r'hreflang="en"[^>]*><span lang="en" dir="ltr">English</span> <span class="file-size">\(PDF, 35\s\w+\)',
        html,
    )


def test_brochure_web_page_is_in_the_brochures_language_and_direction(
    shared_support_site, client_for
):
    html = client_for.get("/ar/stod/broschyrer/stod-vid-vald/").content.decode()
    assert '<article class="brochure" lang="ar" dir="rtl">' in html
    assert "الدعم عندما يؤذيك أحد" in html
    assert 'href="tel:020505050"' in html
    assert 'href="/ar/stod/broschyrer/stod-vid-vald/pdf/ar/"' in html


def test_unknown_brochure_or_language_is_a_404(shared_support_site, client_for):
    assert client_for.get("/sv/stod/broschyrer/finns-inte/").status_code == 404
    assert client_for.get("/sv/stod/broschyrer/stod-vid-vald/pdf/xx/").status_code == 404
    assert client_for.get("/sv/stod/broschyrer/finns-inte/pdf/sv/").status_code == 404


def test_brochure_pdf_is_made_without_a_connection_to_any_host(
    shared_support_site, client_for, brochure_renders, connection_attempts, tmp_path
):
    assert _text(_pdf(client_for, "sv", tmp_path)).strip()
    assert brochure_renders and connection_attempts == []


def test_brochure_in_a_language_without_its_own_brochures_page(shared_support_site, client_for):
    tigrinya = client_for.get("/ti/stod/broschyrer/stod-vid-vald/").content.decode()
    assert '<article class="brochure" lang="ti" dir="ltr">' in tigrinya
    assert "language-notice" not in tigrinya
    somali = client_for.get("/so/stod/broschyrer/").content.decode()
    assert 'lang="so"' in somali and 'href="/so/stod/broschyrer/stod-vid-vald/pdf/ti/"' in somali
