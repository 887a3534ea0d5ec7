"""A hung Redis under gunicorn as production runs it: every page still answers.

``test_cache_outage`` pauses Redis under the WSGI application in the test process; here
the site runs as ``website/gunicorn.conf.py`` starts it (2 worker processes × 4 threads,
production settings, both caches on Redis), and readers ask for ``/sv/`` at the same time
while the Redis is paused with SIGSTOP (a frozen or swapping server: it accepts
connections and never answers). Each process pays one socket timeout (0.5 s) and then
serves without cache; before the circuit breaker a page waited that timeout for each of
its ~18 cache calls (7-9 s a page). The test counts answers: all readers' requests must
answer 200 within a client timeout no page without cache comes near, and none from the
cache. It runs in the PostgreSQL run of ``make test`` (the servers share the test's
database; SQLite's test database is in the test process's memory).
"""

import os
import signal
import subprocess
import uuid
from concurrent.futures import ThreadPoolExecutor
from urllib.request import Request, urlopen

import pytest
from django.db import connection

from tests.services import (
    HOST,
    PROJECT,
    database_url,
    free_port,
    gunicorn_command,
    start_redis_server,
    wait_until,
)

pytestmark = [pytest.mark.postgresql, pytest.mark.redis, pytest.mark.django_db(transaction=True)]

READERS = 4
REQUESTS_PER_READER = 6
#: Seconds a reader waits for one page: far above an uncached page on a busy test machine
#: (well under 2 s), below one that waits a timeout per cache call (7-9 s).
CLIENT_TIMEOUT = 6


def get(port, path):
    """``(status, X-Page-Cache)``, or ``(None, reason)`` when no answer came in time."""
    try:
        with urlopen(
            Request(f"http://127.0.0.1:{port}{path}", headers={"Host": HOST}),
            timeout=CLIENT_TIMEOUT,
        ) as response:
            response.read()
            return response.status, response.headers.get("X-Page-Cache")
    except OSError as error:  # a timeout, a refused or reset connection
        return None, repr(error)


@pytest.fixture
def site_on_a_redis_that_hangs(demo_site, tmp_path):
    """gunicorn with production settings on the test database and a Redis of its own:
    ``(port, redis-server process)``."""
    if connection.vendor != "postgresql":
        pytest.skip(
            "runs in the PostgreSQL run of `make test` (POSTGRES_URL): SQLite's test database is in memory"
        )
    redis_server, redis_url = start_redis_server(tmp_path)
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.app_server_settings",
        "SECRET_KEY": uuid.uuid4().hex * 2,
        "DATABASE_URL": database_url(),
        "ALLOWED_HOSTS": HOST,
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": f"hung-{uuid.uuid4().hex}:",
        "SECURE_SSL_REDIRECT": "false",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "WEB_CONCURRENCY": "2",  # as in production: processes, each with its own breaker
        "GUNICORN_THREADS": "4",
    }
    with open(tmp_path / "gunicorn.log", "w") as log:
        server = subprocess.Popen(
            gunicorn_command(port),
            cwd=PROJECT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
    try:
        wait_until(lambda: get(port, "/sv/")[0] == 200, "gunicorn", timeout=120)
        yield port, redis_server
    finally:
        redis_server.send_signal(signal.SIGCONT)
        server.terminate()
        server.wait(timeout=30)
        redis_server.terminate()
        redis_server.wait(timeout=10)


def test_readers_get_every_page_while_redis_hangs(site_on_a_redis_that_hangs):
    port, redis_server = site_on_a_redis_that_hangs
    for _ in range(4):  # both workers have rendered and cached it: Redis is in use
        get(port, "/sv/")
    assert get(port, "/sv/") == (200, "hit")

    redis_server.send_signal(signal.SIGSTOP)

    def reader(_number):
        return [get(port, "/sv/") for _ in range(REQUESTS_PER_READER)]

    with ThreadPoolExecutor(READERS) as pool:
        answers = [answer for answers in pool.map(reader, range(READERS)) for answer in answers]
    # Every request answered in time, rendered without the cache (no header: neither
    # answered from it nor stored in it).
    assert answers == [(200, None)] * (READERS * REQUESTS_PER_READER), answers
