"""Local development: debug on, a fixed key unless one is given."""

from .base import *  # noqa: F403
from .base import STATIC_ROOT, env_bool, os

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-not-secret-6a1f0c2e"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Static files straight from the apps, no collectstatic needed while developing.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
os.makedirs(STATIC_ROOT, exist_ok=True)
