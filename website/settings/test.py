"""Tests: fast hashing, a throwaway media folder, the real database engine."""

import tempfile

from .base import *  # noqa: F403
from .base import os, task_backends

SECRET_KEY = "test-only"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# A folder per test process: pytest-xdist's workers (`make test`) must not share files.
MEDIA_ROOT = (
    os.path.join(os.environ["TEST_MEDIA_ROOT"], os.environ.get("PYTEST_XDIST_WORKER", "main"))
    if os.environ.get("TEST_MEDIA_ROOT")
    else tempfile.mkdtemp(prefix="vinr-media-")
)
ALLOWED_HOSTS = ["*"]

STATIC_ROOT = tempfile.mkdtemp(prefix="vinr-static-")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# django-axes needs the request in authenticate(); the test client's login() has none.
# The throttling tests switch it on (tests/website/test_login_throttling.py).
AXES_ENABLED = False

# Plan and brochure PDFs are rendered when a reader asks (or a test publishes with this on): rendering
# one at every publish would slow every test that imports a plan or publishes a helpline.
VINR_PLANS_PDF_ON_PUBLISH = False
VINR_BROCHURES_PDF_ON_PUBLISH = False

# Each test process keeps its own caches, also when REDIS_URL is set (CI sets it for the
# tests that need Redis, which configure it themselves): pytest-xdist workers sharing one
# Redis would hand each other pages of another test database.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
# Tests render pages to check them (and count their queries): a second request answered
# from the page cache would check nothing. tests/website/test_page_cache.py switches it on.
PAGE_CACHE_ENABLED = False

# Search index updates on every save are a fifth of loading the demo content: off here, like
# PDF rendering. Tests that search ask for the ``search_index`` fixture (tests/conftest.py),
# which builds the index and keeps it up to date for that test.
WAGTAILSEARCH_BACKENDS = {"default": {**WAGTAILSEARCH_BACKENDS["default"], "AUTO_UPDATE": False}}  # noqa: F405

# Tasks run at once in tests, whatever TASKS_BACKEND a developer's shell sets; the worker
# tests set their own (tests/scale/test_task_worker.py).
TASKS = task_backends({})
