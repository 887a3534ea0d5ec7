"""Images in the bucket load in Chromium (issue 27, finding 2): the logo every public page
shows and the admin's image listing, against a real S3-protocol server. The headers are
checked in test_bucket_media.py; here the browser says whether the image was shown (its
``naturalWidth``) and whether the page's Content-Security-Policy refused anything."""

import io
import json
from urllib.parse import urlsplit

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PillowImage

from tests.scale.s3 import client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def png(colour):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (160, 60), colour).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def bucket_images(media_in_bucket, settings, home_page):
    """Three images in the bucket, the first the municipality's logo; the bucket lets anyone
    read the renditions (the policy of docs/deploy.md), and the site's policies allow the
    bucket's origin as the settings work it out from the environment."""
    from wagtail.images.models import Image
    from wagtail.models import Site

    from website.models import SiteSettings
    from website.settings.base import media_origins

    bucket = media_in_bucket["AWS_STORAGE_BUCKET_NAME"]
    public_renditions = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket}/images/*",
            }
        ],
    }
    client(media_in_bucket["AWS_S3_ENDPOINT_URL"]).put_bucket_policy(
        Bucket=bucket, Policy=json.dumps(public_renditions)
    )
    settings.MEDIA_ORIGINS = media_origins(media_in_bucket)
    images = [
        Image.objects.create(
            title=f"Bild {n}",
            file=ImageFile(io.BytesIO(png((40 * n, 90, 120))), name=f"bild-{n}.png"),
        )
        for n in range(3)
    ]
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.logo = images[0]
    site_settings.municipality_name = "Ekby kommun"
    site_settings.save()
    return images


def watch(page):
    """Refused loads (CSP violations reported to the page) and the hosts asked."""
    seen = {"violations": [], "hosts": set()}
    page.on("request", lambda request: seen["hosts"].add(urlsplit(request.url).netloc))
    page.on(
        "console",
        lambda message: (
            seen["violations"].append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return seen


def shown(page, selector):
    page.wait_for_load_state("load")
    return page.eval_on_selector_all(
        selector, "imgs => imgs.map(i => i.complete && i.naturalWidth > 0)"
    )


def test_the_logo_from_the_bucket_is_shown_on_public_pages(
    page, live_server, bucket_images, media_in_bucket
):
    seen = watch(page)
    page.goto(f"{live_server.url}/sv/")
    logos = shown(page, ".site-header img")
    assert logos == [True], seen["violations"]
    assert urlsplit(media_in_bucket["AWS_S3_ENDPOINT_URL"]).netloc in seen["hosts"]
    assert not seen["violations"]


def test_the_admin_image_listing_shows_the_buckets_thumbnails(
    page, live_server, bucket_images, django_user_model
):
    django_user_model.objects.create_superuser("redaktor", "redaktor@example.org", "lösenord-123")
    seen = watch(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "redaktor")
    page.fill("#id_password", "lösenord-123")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/images/")
    thumbnails = shown(page, "img[src*='bild-']")
    assert thumbnails == [True, True, True], seen["violations"]
    assert not seen["violations"]
