"""Production serving: static files compressed with hashed names, uploads on disk or in
S3-compatible object storage, chosen by the environment alone."""

import json
import os
import subprocess
import sys

from tests.services import PROJECT

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "website.settings.production",
    "SECRET_KEY": "x" * 50,
    "DATABASE_URL": "postgres://user@db.invalid:5432/vald",
    "ALLOWED_HOSTS": "stod.kommun.se",
}
SHOW_STORAGES = (
    "import django, json; from django.conf import settings; django.setup(); "
    "from django.core.files.storage import storages; "
    "print(json.dumps({'settings': settings.STORAGES, 'media': type(storages['default']).__name__, "
    "'url': storages['default'].url('bilder/affisch.jpg')}, default=str))"
)


def production_storages(**environ):
    """``STORAGES`` and the media storage as the production settings make them with ``environ``."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    env.update(PRODUCTION, **environ)
    output = subprocess.run(
        [sys.executable, "-c", SHOW_STORAGES],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output)


def test_production_serves_static_files_compressed_with_hashed_names_and_uploads_from_disk():
    result = production_storages()
    assert (
        result["settings"]["staticfiles"]["BACKEND"]
        == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert (
        result["media"] == "CleanFileSystemStorage"
    )  # Django's, without half-written files (website.storage)
    assert result["url"] == "/media/bilder/affisch.jpg"


def test_uploads_go_to_s3_compatible_object_storage_when_a_bucket_is_configured():
    result = production_storages(
        AWS_STORAGE_BUCKET_NAME="stod-media",
        AWS_S3_ENDPOINT_URL="https://s3.example-cloud.se",
        AWS_S3_CUSTOM_DOMAIN="media.stod.kommun.se",
        AWS_ACCESS_KEY_ID="nyckel",
        AWS_SECRET_ACCESS_KEY="hemlig",
    )
    media = result["settings"]["default"]
    assert media["BACKEND"] == "storages.backends.s3.S3Storage"
    assert media["OPTIONS"]["bucket_name"] == "stod-media"
    assert media["OPTIONS"]["endpoint_url"] == "https://s3.example-cloud.se"
    assert result["media"] == "S3Storage"
    assert result["url"] == "https://media.stod.kommun.se/bilder/affisch.jpg"


def test_the_loaded_site_is_frozen_out_of_the_garbage_collector():
    """Objects loaded with the site are not walked by every collection a page sets off."""
    env = {**os.environ, **PRODUCTION}
    output = subprocess.run(
        [
            sys.executable,
            "-c",
            "import gc, website.wsgi; print(gc.get_freeze_count(), gc.get_threshold()[0])",
        ],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    frozen, youngest = map(int, output.split())
    assert frozen > 100_000
    assert youngest >= 10_000  # not collected a hundred times per page
