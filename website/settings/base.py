"""Settings shared by every environment, read from environment variables.

Every variable is listed in ``docs/configuration.md``. The defaults give a working
site on a bare machine (SQLite under ``var/``); production sets ``DATABASE_URL`` to
PostgreSQL and ``REDIS_URL`` for the cache.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.conf.global_settings import LANGUAGES_BIDI as DJANGO_LANGUAGES_BIDI

from multilingual import languages
from website.machine_translation import machine_translator_from_env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "website",
    "multilingual",
    "plans",
    "information",
    "translations",  # before wagtail_localize: its translation editor template is extended
    "editorial",
    "opendata",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",  # login throttling, see AXES_* below
    "django_tasks_db",  # the queue of TASKS_BACKEND=database (a table; `manage.py db_worker`)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "website.middleware.ReferrerPolicyMiddleware",
    "website.middleware.PermissionsPolicyMiddleware",
    "website.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "website.page_cache.PageCacheMiddleware",  # before sessions: a cached page needs none
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "website.middleware.KnownSiteMiddleware",  # after CommonMiddleware's ALLOWED_HOSTS check
    "website.middleware.KnownRouteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "website.middleware.CacheControlMiddleware",
    "website.middleware.MalformedAdminPostMiddleware",
    "translations.localize_views.LocalizeViewReplacementMiddleware",  # translators' limits
    "website.uploads.FullDiskMiddleware",  # a full disk on upload: a message, nothing stored
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "website.urls"
WSGI_APPLICATION = "website.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}


def redis_cache(url):
    """The caches on Redis, degrading to no cache when Redis is down (``website.cache``).

    ``pages`` holds whole anonymous pages (``website.page_cache``) under its own key
    prefix, on the same Redis: every app server reads the same pages and the same
    invalidation number."""
    prefix = os.environ.get("CACHE_KEY_PREFIX", "")  # several sites on one Redis
    options = {
        "BACKEND": "website.cache.FailSoftRedisCache",
        "LOCATION": url,
        # A Redis that does not answer must not hold a visitor's page for long: after
        # CACHE_BREAKER_FAILURES failed or slow calls the process skips it for a pause.
        "OPTIONS": {
            "socket_connect_timeout": 0.5,
            "socket_timeout": 0.5,
            "FAILURES": int(os.environ.get("CACHE_BREAKER_FAILURES") or 1),
            "SLOW_SECONDS": float(os.environ.get("CACHE_BREAKER_SLOW_SECONDS") or 0.25),
            "BACKOFF_SECONDS": float(os.environ.get("CACHE_BREAKER_PAUSE_SECONDS") or 10),
        },
        "KEY_PREFIX": prefix,
    }
    return {"default": options, "pages": {**options, "KEY_PREFIX": f"{prefix}pages"}}


REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = redis_cache(REDIS_URL)
else:  # one process (runserver): memory is enough; production.py shares pages between workers
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    }

# Whole-page cache for anonymous visitors (website.page_cache, docs/deploy.md).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
# How long a cached page may be kept: publishing empties the cache at once anyway; this
# bounds how long a page stays stale if Redis was unreachable when something was published.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
# How much of the page cache each process also keeps in its own memory (the pages it
# answered lately), in bytes: a hit then reads only the generation from the shared cache.
PAGE_CACHE_LOCAL_BYTES = int(os.environ.get("PAGE_CACHE_LOCAL_BYTES", str(16 * 1024 * 1024)))
# Query-string keys that may be cached (each value is its own page): the measure list's
# filters and the follow-up year, fixed vocabularies. Not `q`: typed text is never a key.
PAGE_CACHE_QUERY_PARAMETERS = {
    "organisation",
    "role",
    "prevention_level",
    "status",
    "target_group",
    "focus_area",
    "year",
}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out username + address first
    "django.contrib.auth.backends.ModelBackend",
]

# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one
# username from one address, that pair is locked out for AXES_COOLOFF_MINUTES.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=float(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The visitor's address behind the load balancer (website/login_protection.py): from
# X-Forwarded-For, as far as these proxies wrote it. Without either, REMOTE_ADDR.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
AXES_CLIENT_IP_CALLABLE = "website.login_protection.client_address"
# The same address counts a visitor's page-password tries (information.page_passwords).
VINR_CLIENT_ADDRESS = "website.login_protection.client_address"
AXES_LOCKOUT_CALLABLE = "website.login_protection.lockout_response"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages -----------------------------------------------------------------------------

# Names and directions come from Django's language info, completed by the multilingual
# app when it is ready (``multilingual.languages.add_language_info``).
LANGUAGE_CODE = languages.SOURCE_LANGUAGE
LANGUAGES = languages.LANGUAGES
LANGUAGES_BIDI = sorted(set(DJANGO_LANGUAGES_BIDI) | languages.RTL_LANGUAGES)
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = languages.content_languages()
# The project's catalogues (public site, from the project's source), then the admin's:
# Swedish for what Wagtail's and wagtail-localize's own Swedish catalogues lack or get
# wrong. Kept apart so that `makemessages` never marks the admin's strings obsolete.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "multilingual" / "admin_locale"]
FORMAT_MODULE_PATH = ["multilingual.formats"]  # dates: Somali, Tigrinya, Kurdish (Sorani), Bosnian
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

# The extension (plans, information, multilingual): docs/install.md, "Configuration".
# This reference site keeps its plan index and support section under its home page and
# lets communicators choose the quick exit's target in the site settings.
VINR_PLAN_INDEX_PARENT_PAGE_TYPES = ["website.HomePage"]
VINR_SUPPORT_INDEX_PARENT_PAGE_TYPES = ["website.HomePage"]
VINR_BASE_TEMPLATE = "base.html"
VINR_QUICK_EXIT_URL = "website.models.quick_exit_url"
VINR_SITE_WIDE_HELPLINES = {"is_emergency": True}
# The page cache's number, raised by every publication (website.page_cache): the language
# versions, emergency number and footer links each page shows are worked out once per
# publication instead of once per request (multilingual.published).
VINR_PUBLICATION_GENERATION = "website.page_cache.current_generation"

# Translation workflow (docs/translating.md). A translation of a live page starts as a
# draft: a person publishes each language when it has been read through (wagtail-localize
# would otherwise publish it at once because the Swedish page is live).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation is off unless MACHINE_TRANSLATOR is set (docs/configuration.md).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_from_env(os.environ)

# Static and media ----------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))


def media_storage(environ):
    """Where uploads go: ``MEDIA_ROOT`` on disk, or S3-compatible object storage when
    ``AWS_STORAGE_BUCKET_NAME`` is set (django-storages; docs/deploy.md), so that any
    number of app servers read the same files. Credentials are boto3's own
    (``AWS_ACCESS_KEY_ID``/``AWS_SECRET_ACCESS_KEY`` or the machine's role)."""
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        return {"BACKEND": "website.storage.CleanFileSystemStorage"}  # no half-written files
    options = {
        "bucket_name": bucket,
        "endpoint_url": environ.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": environ.get("AWS_S3_REGION_NAME") or None,
        "custom_domain": environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
        "location": environ.get("AWS_LOCATION", ""),
        # Unsigned addresses: pages (and the logo worked out once per publication) are
        # cached longer than a signature lives, so public images are read from a public-read
        # images/ prefix or a custom domain (docs/deploy.md); documents and generated PDFs
        # are sent by the site, which reads them with its credentials.
        "querystring_auth": environ.get("AWS_QUERYSTRING_AUTH", "false").strip().lower()
        in {"1", "true", "yes", "on"},
        "default_acl": None,
        "file_overwrite": False,  # a second upload named like the first gets its own name
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def media_origins(environ):
    """The origins media are linked from, for the ``img-src`` of both security policies:
    ``MEDIA_ORIGINS`` when set (comma-separated), else worked out from the object storage's
    settings: the custom domain, or the endpoint (path-style and virtual-host addresses),
    or Amazon S3's addresses of the bucket. Empty for media on the site's own disk."""
    from urllib.parse import urlsplit

    if environ.get("MEDIA_ORIGINS", "").strip():
        return [
            origin.strip().rstrip("/")
            for origin in environ["MEDIA_ORIGINS"].split(",")
            if origin.strip()
        ]
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        return []
    if environ.get("AWS_S3_CUSTOM_DOMAIN"):
        return [f"https://{environ['AWS_S3_CUSTOM_DOMAIN'].strip().rstrip('/')}"]
    if environ.get("AWS_S3_ENDPOINT_URL"):
        endpoint = urlsplit(environ["AWS_S3_ENDPOINT_URL"].strip())
        return [
            f"{endpoint.scheme}://{endpoint.netloc}",
            f"{endpoint.scheme}://{bucket}.{endpoint.netloc}",
        ]
    region = environ.get("AWS_S3_REGION_NAME", "").strip()
    return [f"https://{bucket}.s3.amazonaws.com"] + (
        [f"https://{bucket}.s3.{region}.amazonaws.com"] if region else []
    )


STORAGES = {
    "default": media_storage(os.environ),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Added to img-src of CONTENT_SECURITY_POLICY and ADMIN_CONTENT_SECURITY_POLICY
# (website.middleware.ContentSecurityPolicyMiddleware): images in the bucket load.
MEDIA_ORIGINS = media_origins(os.environ)
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))

# Background tasks (PDF renders) ----------------------------------------------------------

#: ``TASKS_BACKEND`` values and their django-tasks backends; a dotted path names any other.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
    "dummy": "django_tasks.backends.dummy.DummyBackend",
}


def task_backends(environ):
    """``TASKS`` from ``TASKS_BACKEND``: ``immediate`` (the default: a task runs in the
    process that queues it, e.g. the publishing request), ``database`` (queued in the
    database; a worker, ``manage.py db_worker``, on any machine sharing the database and
    the media storage runs it; docs/deploy.md), or a backend class's dotted path."""
    from django.core.exceptions import ImproperlyConfigured

    name = environ.get("TASKS_BACKEND", "").strip() or "immediate"
    backend = TASK_BACKENDS.get(name.lower(), name)
    if "." not in backend:
        raise ImproperlyConfigured(
            f"TASKS_BACKEND={name!r}: use one of {', '.join(TASK_BACKENDS)} or a backend class's dotted path"
        )
    return {"default": {"BACKEND": backend}}


TASKS = task_backends(os.environ)

# Privacy -------------------------------------------------------------------------------
# A visitor may be read over the shoulder: no referrer to other sites, no tracking, and
# no cookie at all for an anonymous visitor (sessions and CSRF only in the admin).

SECURE_REFERRER_POLICY = None  # set per area by website.middleware.ReferrerPolicyMiddleware
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_NAME = (
    "django_language"  # never set by the site; Django's set_language view is not routed
)
WAGTAILEMBEDS_FINDERS = []  # no third-party embeds by default

# Content-Security-Policy (django-csp 4). Public pages have no inline script, style or
# event handler, so nothing but the site itself may run or load. The admin gets
# ADMIN_CONTENT_SECURITY_POLICY (website.middleware.ContentSecurityPolicyMiddleware):
# Wagtail's admin still needs inline scripts and styles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# Features a support site never needs; denied so no embedded content can ask for them.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
# Public pages may be kept by a CDN or the browser this long (seconds); the admin and
# pages for a logged-in user are never stored.
PUBLIC_CACHE_SECONDS = int(os.environ.get("PUBLIC_CACHE_SECONDS", "300"))

# Wagtail -------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Tillsammans mot våld")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# No avatars from gravatar.com: the admin loads nothing from other hosts (its CSP allows none).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Autosave off: it posted a focus area's half-filled measure forms every half second,
# then stopped with "Autosave is paused" over the errors. Editors save drafts themselves;
# Wagtail still warns before leaving a form with unsaved changes.
WAGTAIL_AUTOSAVE_INTERVAL = 0
# Approving publishes the revision the reviewer approved, never a later one (editorial.review_lock).
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.review_lock.publish_approved_revision"
# Wagtail's database backend: SQLite FTS5 here, PostgreSQL full-text search in production,
# through multilingual.search_backend (a query with quotes or operators is searched for
# its words, never a syntax error). Other forms of a word are found by Snowball stems
# indexed with each page in its own language and Swedish (multilingual.search_words), the
# same on both databases; PostgreSQL's own configuration ("swedish": one for the whole
# index) only adds its stop words and stemming on top. After changing either:
# `manage.py update_index`.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "multilingual.search_backend",  # the database backend, for queries as typed
        "SEARCH_CONFIG": os.environ.get("SEARCH_CONFIG", "swedish"),
    }
}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt", "csv", "xlsx"]
# Uploads are checked by content (website.uploads): a .pdf must be a PDF without
# JavaScript or launch actions, and every document is served as a download, never
# opened inline on the site's own origin.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "website.uploads.CheckedDocumentForm"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
# Documents are sent by the site with those headers also from object storage (Wagtail
# would otherwise redirect to the bucket, which serves them inline from its own host).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# A damaged or cut-short image is refused with a message (website.uploads), not a 500.
WAGTAILIMAGES_IMAGE_FORM_BASE = "website.uploads.CheckedImageForm"
# A huge image takes seconds and gigabytes to resize: refuse more than 40 megapixels.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("WAGTAILIMAGES_MAX_IMAGE_PIXELS", "40000000"))
WAGTAILADMIN_PERMITTED_LANGUAGES = [("sv", "Svenska"), ("en", "English")]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20000  # a 40-measure plan posts many fields

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # WeasyPrint warns about every CSS property it does not support; the PDF stylesheets
    # are written for it, so only its errors are worth a line.
    # Django logs every 404 ("Not Found: /ar/stod/…") as a warning: a list of who read
    # what about violence, and noise. Server errors (500) are still logged.
    "loggers": {"weasyprint": {"level": "ERROR"}, "django.request": {"level": "ERROR"}},
}
