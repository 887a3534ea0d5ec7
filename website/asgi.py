"""ASGI entry point (e.g. uvicorn website.asgi:application); production settings by default, as in wsgi.py."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.production")
application = get_asgi_application()
