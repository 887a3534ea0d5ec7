"""gunicorn's configuration for this site: ``gunicorn website.wsgi -c website/gunicorn.conf.py``.

Every value can be changed from the environment (names below) or on the command line,
which wins. docs/deploy.md explains the choices; in short:

- Workers are processes (``WEB_CONCURRENCY``, default 2 per CPU + 1): an uncached page is
  Python work (templates), which threads would not run in parallel. A few threads per
  worker (``GUNICORN_THREADS``) keep a worker busy while it waits for PostgreSQL or Redis.
- A worker is replaced after ``GUNICORN_MAX_REQUESTS`` requests (with jitter, so they do
  not all restart at once): PDF rendering (WeasyPrint) holds on to memory.
- No access log by default: a line with an address and ``/ar/stod/utsatt-for-vald/`` says
  who read about violence. Errors go to standard error.
- ``preload_app``: the site is loaded once, before the workers are forked, so a missing
  setting stops the server with the message of ``website.settings.production`` instead of
  a loop of dying workers, and the workers share the loaded code's memory.
"""

import multiprocessing
import os


def _int(name, default):
    return int(os.environ.get(name) or default)


wsgi_app = "website.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
workers = _int("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1)
worker_class = "gthread"
threads = _int("GUNICORN_THREADS", 4)
# The plan PDF is rendered at most once per published revision, and can take seconds on
# a small machine the first time: more than that is a worker stuck.
timeout = _int("GUNICORN_TIMEOUT", 60)
graceful_timeout = 30
keepalive = 5  # behind a load balancer or reverse proxy that keeps connections open
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = max_requests // 10
preload_app = True
# Worker heartbeats in memory, not on a disk that may be slow (container overlay filesystems).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# The proxy in front says whether the visitor used https (SECURE_PROXY_SSL_HEADER).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
