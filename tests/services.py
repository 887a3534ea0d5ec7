"""Servers some tests need beside the database: Redis, and the address of a PostgreSQL.

Redis: ``REDIS_URL`` when set (``.ci/run`` starts one on loopback), otherwise a
``redis-server`` of the test run's own, on a free loopback port in a temporary folder,
when Debian's ``redis-server`` is installed. Outside CI without the program the tests
that need it are skipped with that reason; in CI (``CI=true``) they fail instead: there
they must run.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"

#: The host name the app servers started by the tests answer to (``ALLOWED_HOSTS``).
HOST = "localhost"
#: This repository: where the app servers the tests start run from.
PROJECT = Path(__file__).resolve().parents[1]


def missing(reason):
    """In CI a missing service is a failure; elsewhere the test is skipped with ``reason``."""
    if IN_CI:
        pytest.fail(f"{reason} (CI must run this test: .ci/run installs and starts it)")
    pytest.skip(reason)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(ready, what, timeout=20.0):
    """Poll ``ready()`` until it is true; fail naming ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if ready():
                return
        except Exception as error:  # not up yet
            last = error
        else:
            last = None
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start within {timeout:.0f} s: {last}")
        time.sleep(0.05)


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """The address of a Redis for this test run (module docstring)."""
    if os.environ.get("REDIS_URL"):
        yield os.environ["REDIS_URL"]
        return
    server, url = start_redis_server(tmp_path_factory.mktemp("redis"))
    try:
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def start_redis_server(folder):
    """Debian's redis-server on a free loopback port, without persistence, its files in
    ``folder``; answers once it is up: ``(process, url)``. The caller stops it."""
    program = shutil.which("redis-server") or (
        "/usr/bin/redis-server" if os.path.exists("/usr/bin/redis-server") else None
    )
    if program is None:
        missing("Redis is not available: set REDIS_URL or install Debian's redis-server")
    import redis

    port = free_port()
    server = subprocess.Popen(
        [
            program,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(folder),
            "--logfile",
            str(folder / "log"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    wait_until(lambda: redis.Redis.from_url(url).ping(), "redis-server")
    return server, url


def page_cache_on_redis(settings, url, key_prefix):
    """This process's page cache on the Redis at ``url`` under ``key_prefix``: the app
    servers a test starts with that prefix share its pages and invalidation number."""
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "website.cache.FailSoftRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": key_prefix,
        },
    }


def gunicorn_command(port, *options):
    """Start the site under gunicorn with its production configuration
    (website/gunicorn.conf.py) on ``port``; run it with ``cwd=PROJECT``."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "--config",
        "website/gunicorn.conf.py",
        "--bind",
        f"127.0.0.1:{port}",
        *options,
    ]


@pytest.fixture
def redis_page_cache(settings, redis_url):
    """The page cache on Redis, under a key prefix of this test's own (so parallel test
    workers, and earlier tests, share no page and no invalidation number)."""
    page_cache_on_redis(settings, redis_url, f"test-{uuid.uuid4().hex}")
    from django.core.cache import caches

    return caches["pages"]


def postgres_url():
    """The PostgreSQL the tests run on (``DATABASE_URL``) or may use (``POSTGRES_URL``)."""
    for name in ("DATABASE_URL", "POSTGRES_URL"):
        value = os.environ.get(name, "")
        if value.startswith(("postgres://", "postgresql://")):
            return value
    return None


def database_url():
    """The test database (made by pytest-django) as a URL the servers can use."""
    from django.db import connection

    db = connection.settings_dict
    user = db["USER"] or "postgres"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return (
        f"postgres://{user}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )
