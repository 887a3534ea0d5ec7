"""WSGI entry point (gunicorn website.wsgi).

Production settings unless DJANGO_SETTINGS_MODULE says otherwise: a server started
without configuration must stop with a message, not serve debug pages with a
development key (``website.settings.production`` refuses to start without its
environment; docs/configuration.md).
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.production")
application = get_wsgi_application()
