"""Tests: fast hashing, a throwaway media folder, the real database engine."""

import tempfile

from .base import *  # noqa: F401,F403
from .base import os

SECRET_KEY = "test-only"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = os.environ.get("TEST_MEDIA_ROOT") or tempfile.mkdtemp(prefix="vinr-media-")
ALLOWED_HOSTS = ["*"]

STATIC_ROOT = tempfile.mkdtemp(prefix="vinr-static-")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# django-axes needs the request in authenticate(); the test client's login() has none.
# The throttling tests switch it on (tests/website/test_login_throttling.py).
AXES_ENABLED = False

# Plan and brochure PDFs are rendered when a reader asks (or a test publishes with this on): rendering
# one at every publish would slow every test that imports a plan or publishes a helpline.
PLANS_PDF_ON_PUBLISH = False
BROCHURES_PDF_ON_PUBLISH = False
