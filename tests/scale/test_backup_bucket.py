"""``backup`` and ``restore`` with the media in S3-compatible object storage (issue 27,
finding 6), against a real S3-protocol server (``tests/scale/s3.py``): the archive holds
the bucket's objects, a restore into a new database and an empty bucket puts every one
back byte for byte, and a restore that leaves a file the database refers to missing does
not report success."""

import io
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PillowImage

from tests.helpers.backup import run
from tests.scale.s3 import bucket_keys, client
from website.backup import flush

pytestmark = pytest.mark.django_db


def png():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (120, 80), (200, 30, 60)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def media_on_a_server(media_in_bucket, settings, tmp_path, home_page):
    """An image with a rendition and a document, uploaded to the bucket; the app server's
    own ``MEDIA_ROOT`` is an empty folder (it keeps nothing)."""
    from django.core.cache import cache
    from wagtail.documents.models import Document
    from wagtail.images.models import Image

    settings.MEDIA_ROOT = str(tmp_path / "server-media")
    cache.clear()  # renditions of an earlier test's image with the same id (Wagtail caches them)
    image = Image.objects.create(
        title="Logotyp", file=ImageFile(io.BytesIO(png()), name="logotyp.png")
    )
    image.get_rendition("width-60")
    Document.objects.create(
        title="Rutin", file=ContentFile(b"%PDF-1.4 rutin\n%%EOF\n", name="rutin.pdf")
    )
    return media_in_bucket


def bucket_contents(env):
    s3 = client(env["AWS_S3_ENDPOINT_URL"])
    bucket = env["AWS_STORAGE_BUCKET_NAME"]
    return {
        key: s3.get_object(Bucket=bucket, Key=key)["Body"].read()
        for key in bucket_keys(env["AWS_S3_ENDPOINT_URL"], bucket)
    }


def a_new_server(env):
    """An empty database and an empty bucket."""
    from django.contrib.contenttypes.models import ContentType

    flush()
    ContentType.objects.clear_cache()
    s3 = client(env["AWS_S3_ENDPOINT_URL"])
    for key in bucket_keys(env["AWS_S3_ENDPOINT_URL"], env["AWS_STORAGE_BUCKET_NAME"]):
        s3.delete_object(Bucket=env["AWS_STORAGE_BUCKET_NAME"], Key=key)


def files_the_database_refers_to():
    from wagtail.documents.models import Document
    from wagtail.images.models import Image, Rendition

    return [row.file for model in (Image, Rendition, Document) for row in model.objects.all()]


def test_backup_and_restore_bring_the_buckets_objects_back(media_on_a_server, tmp_path, capsys):
    before = bucket_contents(media_on_a_server)
    assert {key.split("/")[0] for key in before} == {"original_images", "images", "documents"}

    archive = tmp_path / "site.tar.gz"
    assert run("backup", "--output", str(archive)) == 0
    a_new_server(media_on_a_server)
    assert bucket_contents(media_on_a_server) == {}

    assert run("restore", str(archive)) == 0
    assert "Restored" in capsys.readouterr().out
    assert bucket_contents(media_on_a_server) == before  # every object, byte for byte
    files = files_the_database_refers_to()
    assert len(files) == 3
    for file in files:
        with file.open("rb") as handle:
            assert handle.read() == before[file.name]


def test_a_restore_that_leaves_referenced_files_missing_does_not_report_success(
    media_on_a_server, tmp_path, capsys
):
    """As with an archive made before backups covered the bucket: the data is restored,
    but the images and documents it names are nowhere."""
    archive = tmp_path / "site.tar.gz"
    assert run("backup", "--output", str(archive)) == 0
    without_media = tmp_path / "without-media.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(without_media, "w:gz") as target:
        for member in source.getmembers():
            if not member.name.startswith("media/"):
                target.addfile(member, source.extractfile(member))
    a_new_server(media_on_a_server)
    capsys.readouterr()

    assert run("restore", str(without_media)) == 1
    out, err = capsys.readouterr()
    assert "Restored" not in out
    assert "3 files the database refers to are missing" in err, err
    assert "documents/rutin" in err


def test_the_manifest_says_where_the_media_came_from(media_on_a_server, tmp_path):
    from website.backup import create_backup, read_manifest

    manifest = read_manifest(create_backup(tmp_path))
    assert manifest["media"]["storage"] == "storages.backends.s3.S3Storage"
    assert manifest["media"]["files"] == 3


def test_a_file_missing_when_the_backup_is_made_is_named_and_does_not_block_the_restore(
    media_on_a_server, tmp_path, capsys
):
    """The site as it was: a document whose object was lost before the backup. The backup
    says so; the restore brings back everything else and reports success."""
    env = media_on_a_server
    client(env["AWS_S3_ENDPOINT_URL"]).delete_object(
        Bucket=env["AWS_STORAGE_BUCKET_NAME"], Key="documents/rutin.pdf"
    )
    before = bucket_contents(env)
    archive = tmp_path / "site.tar.gz"
    capsys.readouterr()
    assert run("backup", "--output", str(archive)) == 0
    assert (
        "1 files the database refers to were missing already: documents/rutin.pdf"
        in capsys.readouterr().err
    )

    a_new_server(env)
    assert run("restore", str(archive)) == 0
    assert bucket_contents(env) == before
