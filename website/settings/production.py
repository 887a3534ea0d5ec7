"""Production: everything from the environment; refuse to start on a missing essential.

This is the default settings module of ``wsgi.py``, ``asgi.py`` and ``manage.py`` (except
``runserver``): a server started without configuration stops with a message instead of
serving debug pages with a development key or an empty SQLite database.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CACHES, REDIS_URL, STORAGES, VAR_DIR, env_bool, env_list

REQUIRED = {
    "SECRET_KEY": "a long random string, e.g. from `python -c 'import secrets; print(secrets.token_urlsafe(50))'`",
    "DATABASE_URL": "the PostgreSQL database, e.g. postgres://user:password@host:5432/name",
    "ALLOWED_HOSTS": "the site's host names, comma-separated, e.g. stod.kommun.se",
}
missing = [name for name in REQUIRED if not os.environ.get(name, "").strip()]
if missing:
    raise ImproperlyConfigured(
        "Production settings (website.settings.production, the default outside `make run` and "
        "`manage.py runserver`) need "
        + "; ".join(f"{name}: {REQUIRED[name]}" for name in missing)
        + ". For development use `make run` or DJANGO_SETTINGS_MODULE=website.settings.dev. "
        "See docs/configuration.md."
    )

if os.environ.get("AWS_STORAGE_BUCKET_NAME", "").strip() and env_bool(
    "AWS_QUERYSTRING_AUTH", False
):
    # A signed address expires (an hour by default); pages, and the logo every page shows,
    # are cached until the next publication. A page would keep images whose signature died.
    raise ImproperlyConfigured(
        "AWS_QUERYSTRING_AUTH=true: public pages are cached longer than a signed media address "
        "lives, so their images would stop loading. Serve images unsigned: a public-read images/ "
        "prefix in the bucket, or AWS_S3_CUSTOM_DOMAIN (a CDN in front of the bucket). See docs/deploy.md."
    )

SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
DEBUG = False  # never from the environment in production

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
STORAGES = {
    **STORAGES,
    # Hashed names (cached for a year by browsers and CDNs) and a .gz and .br of each file,
    # which WhiteNoise sends to browsers that accept them.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

if not REDIS_URL:
    # gunicorn runs several worker processes: pages cached in each one's memory would not
    # see another worker's invalidation. On disk, the workers of one server share the pages
    # and the invalidation number. More than one server needs REDIS_URL (docs/deploy.md).
    CACHES = {
        **CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("PAGE_CACHE_DIR") or str(VAR_DIR / "page-cache"),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }

# W022: Referrer-Policy is set on every response by website.middleware.ReferrerPolicyMiddleware
# (no-referrer on public pages, same-origin in the admin), not by SECURE_REFERRER_POLICY.
# W021: preloading HSTS is a promise for the whole registrable domain (often the
# municipality's, not this site's): docs/configuration.md explains SECURE_HSTS_PRELOAD.
SILENCED_SYSTEM_CHECKS = ["security.W022"] + ([] if SECURE_HSTS_PRELOAD else ["security.W021"])
