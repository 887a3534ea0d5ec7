"""Media in S3-compatible object storage, as several app servers use it (issue 27,
findings 2-5 and 7), against a real S3-protocol server (``tests/scale/s3.py``)."""

import io
import logging
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PillowImage

from plans.pdf import PLAN_PDF
from plans.planfile import import_plan
from tests.helpers.plans import make_plan_data
from tests.scale.s3 import ACCESS_KEY, SECRET_KEY, bucket_keys, client

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def png(colour=(90, 42, 130)):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (120, 80), colour).save(buffer, "PNG")
    return buffer.getvalue()


def upload_image(title="Logotyp"):
    from wagtail.images.models import Image

    return Image.objects.create(title=title, file=ImageFile(io.BytesIO(png()), name="logotyp.png"))


@pytest.fixture
def signed_media(bucket_env, settings):
    """Media in the bucket with signed addresses (``AWS_QUERYSTRING_AUTH=true``), as in the
    finding: the page's image address carries the key's id and a signature."""
    from website.settings.base import media_storage

    env = {**bucket_env, "AWS_QUERYSTRING_AUTH": "true"}
    settings.STORAGES = {**settings.STORAGES, "default": media_storage(env)}
    return env


def plan_with_image(image):
    plan = import_plan(make_plan_data(1, key="bild-pdf", focus_areas=1), publish=True)[0]
    plan = plan.get_latest_revision_as_object()
    plan.body = [
        ("image", {"image": image, "alt_text": "Kommunens logotyp", "caption": "Bildtext"})
    ]
    plan.save_revision().publish()
    return type(plan).objects.get(pk=plan.pk)


def images_in(pdf, tmp_path):
    path = tmp_path / "images.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return len(out.splitlines()[2:])


def test_images_in_a_plan_pdf_are_read_from_the_bucket(signed_media, plan_index, tmp_path, caplog):
    plan = plan_with_image(upload_image())
    rendition_url = plan.body[0].value["image"].get_rendition("width-800").url
    assert "Signature=" in rendition_url  # as in the finding: a signed address in the page
    with caplog.at_level(logging.INFO):
        pdf = PLAN_PDF.render(plan)
    assert images_in(pdf, tmp_path) == 1
    assert "Failed to load" not in caplog.text


def test_an_image_missing_from_the_bucket_is_logged_without_keys_or_signatures(
    signed_media, plan_index, tmp_path, caplog
):
    plan = plan_with_image(upload_image())
    rendition = plan.body[0].value["image"].get_rendition("width-800")
    client(signed_media["AWS_S3_ENDPOINT_URL"]).delete_object(
        Bucket=signed_media["AWS_STORAGE_BUCKET_NAME"], Key=rendition.file.name
    )
    with caplog.at_level(logging.INFO):
        pdf = PLAN_PDF.render(plan)
    assert pdf.startswith(b"%PDF-") and images_in(pdf, tmp_path) == 0
    assert "Failed to load image" in caplog.text
    for secret in (ACCESS_KEY, SECRET_KEY, "X-Amz-Signature", "X-Amz-Credential", "Signature="):
        assert secret not in caplog.text


def test_documents_in_the_bucket_are_served_as_downloads(media_in_bucket, client):
    """Served by the site with ``Content-Disposition: attachment``, as from disk, not a
    redirect to the bucket (which serves it inline from its own host)."""
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    body = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
    document = Document.objects.create(title="Rutin", file=ContentFile(body, name="rutin.pdf"))
    assert bucket_keys(
        media_in_bucket["AWS_S3_ENDPOINT_URL"],
        media_in_bucket["AWS_STORAGE_BUCKET_NAME"],
        "documents/",
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == body


def img_sources(response):
    policy = response["Content-Security-Policy"]
    directive = next(part for part in policy.split(";") if part.strip().startswith("img-src"))
    return directive.split()[1:]


def test_both_security_policies_allow_images_from_the_bucket(
    media_in_bucket, settings, home_page, client
):
    from website.settings.base import media_origins

    settings.MEDIA_ORIGINS = media_origins(media_in_bucket)
    image_url = upload_image().get_rendition("width-100").url
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(image_url))
    public = client.get("/sv/")
    admin = client.get("/admin/login/")
    assert public.status_code == 200 and admin.status_code == 200
    assert origin in img_sources(public)
    assert origin in img_sources(admin)


def test_the_media_origin_comes_from_the_environment():
    from website.settings.base import media_origins

    assert media_origins({}) == []
    assert media_origins(
        {"AWS_STORAGE_BUCKET_NAME": "b", "AWS_S3_CUSTOM_DOMAIN": "media.stod.ekby.se"}
    ) == ["https://media.stod.ekby.se"]
    assert media_origins(
        {"AWS_STORAGE_BUCKET_NAME": "b", "MEDIA_ORIGINS": "https://cdn.ekby.se/"}
    ) == ["https://cdn.ekby.se"]
    assert "https://b.s3.eu-north-1.amazonaws.com" in media_origins(
        {"AWS_STORAGE_BUCKET_NAME": "b", "AWS_S3_REGION_NAME": "eu-north-1"}
    )


def test_public_image_addresses_carry_no_signature_that_could_expire_in_a_cached_page(
    media_in_bucket,
):
    """Pages (and the logo, worked out once per publication) are cached past an hour: the
    image addresses they carry must not expire (unsigned by default)."""
    url = upload_image().get_rendition("width-100").url
    assert "X-Amz-" not in url and "Signature" not in url
    assert urlsplit(url).netloc == urlsplit(media_in_bucket["AWS_S3_ENDPOINT_URL"]).netloc


def test_production_refuses_signed_media_addresses(bucket_env):
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        **bucket_env,
        "AWS_QUERYSTRING_AUTH": "true",
        "SECRET_KEY": "x" * 50,
        "DATABASE_URL": "sqlite:////tmp/unused.sqlite3",
        "ALLOWED_HOSTS": "stod.ekby.se",
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
    }
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "AWS_QUERYSTRING_AUTH" in result.stderr and "ImproperlyConfigured" in result.stderr


def test_links_in_a_brochure_pdf_lead_to_the_sites_public_address(home_page, tmp_path):
    from wagtail.models import Locale, Site
    from wagtail.rich_text import RichText

    from information.models import Brochure
    from information.pdf import BROCHURE_PDF

    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "stod.ekby.se", 443
    site.save()
    brochure = Brochure.objects.create(
        title="Stöd",
        slug="stod",
        locale=Locale.objects.get(language_code="sv"),
        live=True,
        sections=[
            (
                "section",
                {
                    "heading": "Läs mer",
                    "text": RichText(
                        f'<p><a linktype="page" id="{home_page.pk}">Startsidan</a> och <a href="/sv/stod/">stödet</a>.</p>'
                    ),
                },
            )
        ],
    )
    path = tmp_path / "brochure.pdf"
    path.write_bytes(BROCHURE_PDF.render(brochure))
    out = subprocess.run(
        ["pdfinfo", "-url", str(path)], capture_output=True, text=True, check=True
    ).stdout
    urls = [line.split()[-1] for line in out.splitlines()[1:] if line.strip()]
    assert len(urls) == 2, out
    assert all(url.startswith("https://stod.ekby.se/") for url in urls), out
