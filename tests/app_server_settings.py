"""Production settings for the app servers of tests/website/test_two_app_servers.py.

Everything of ``website.settings.production`` (Redis caches, page cache, middleware,
security), except what a test on plain http on loopback cannot have: static files come
from the apps (no ``collectstatic`` run for a test) and cookies are sent over http.
"""

from website.settings.production import *  # noqa: F403
from website.settings.production import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
# The test process makes the editor's account with the tests' fast hasher.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# These servers test that a publication on one shows on the other, not who may publish a
# number: one editor publishes it here (four eyes: tests/editorial/test_four_eyes.py).
VINR_FOUR_EYES_FIELDS = {}
