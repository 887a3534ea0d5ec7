"""WSGI entry point (gunicorn website.wsgi).

Production settings unless DJANGO_SETTINGS_MODULE says otherwise: a server started
without configuration must stop with a message, not serve debug pages with a
development key (``website.settings.production`` refuses to start without its
environment; docs/configuration.md).
"""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.production")
application = get_wsgi_application()

# What is loaded by now (Django, Wagtail, the models) lives as long as the process: frozen
# out of the garbage collector, the collections that an uncached page sets off no longer
# walk it, and workers forked from a preloading server (gunicorn.conf.py) do not copy its
# memory pages. The youngest generation is collected after 50,000 new objects instead of
# 700: an uncached measure list of 50 set off three collections, some of them of the older
# generation too, for objects nearly all freed by reference counting anyway. Together
# about a tenth of an uncached page's time (docs/performance.md).
gc.freeze()
gc.set_threshold(50_000, 20, 100)
