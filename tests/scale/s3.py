"""A real S3-protocol server for the scale-out tests: moto in server mode (``moto_server``,
from PyPI) as a subprocess on a free loopback port, and a bucket of each test's own.

Nothing about S3 is mocked inside the test process: django-storages and boto3 talk HTTP
to the server, as an app server talks to a bucket in production."""

import os
import socket
import subprocess
import sys
import uuid

import pytest
from django.core.cache import cache

from tests.services import free_port, missing, wait_until

ACCESS_KEY = "AKIASCALEOUTTESTKEY1"
SECRET_KEY = "scale-out-test-secret-key-do-not-log"


def _answers(port):
    with socket.create_connection(("127.0.0.1", port), timeout=0.5):
        return True


@pytest.fixture(scope="session")
def s3_endpoint(tmp_path_factory):
    """``http://127.0.0.1:PORT`` of a moto server for this test run."""
    try:
        import moto.server  # noqa: F401
    except ImportError:
        missing("moto[server] is not installed (requirements.txt pins it)")
    port = free_port()
    log = tmp_path_factory.mktemp("moto") / "log"
    env = {**os.environ, "AWS_ACCESS_KEY_ID": ACCESS_KEY, "AWS_SECRET_ACCESS_KEY": SECRET_KEY}
    with open(log, "wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
    try:
        wait_until(lambda: _answers(port), "moto_server", timeout=60)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def s3_environment(endpoint, bucket, **more):
    """The environment an operator sets for object storage (docs/deploy.md)."""
    return {
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": "us-east-1",
        **more,
    }


def client(endpoint):
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
    )


@pytest.fixture
def bucket_env(s3_endpoint, monkeypatch):
    """A new, empty bucket and the environment naming it (credentials in the process's
    environment, where boto3 reads them, as on a server)."""
    name = f"stod-media-{uuid.uuid4().hex[:12]}"
    client(s3_endpoint).create_bucket(Bucket=name)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", ACCESS_KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
    # Wagtail keeps renditions in the default cache: one made by an earlier test in this
    # process names a file in that test's bucket, not in this new one.
    cache.clear()
    yield s3_environment(s3_endpoint, name)
    cache.clear()


@pytest.fixture
def media_in_bucket(bucket_env, settings):
    """The site's media storage on the bucket, configured as the settings do from the
    environment (``website.settings.base.media_storage``)."""
    from website.settings.base import media_storage

    settings.STORAGES = {**settings.STORAGES, "default": media_storage(bucket_env)}
    return bucket_env


def bucket_keys(endpoint, bucket, prefix=""):
    answer = client(endpoint).list_objects_v2(Bucket=bucket, Prefix=prefix)
    return [item["Key"] for item in answer.get("Contents", [])]
