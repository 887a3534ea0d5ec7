"""The default Site's host and port, from configuration.

Wagtail builds absolute URLs (canonical, hreflang, sitemap) from the Site record, which
``load_demo`` creates as ``localhost:80``: a deployed site announced
``http://localhost/...`` as the address of every page. ``configure_site`` (run on every
deploy, docs/configuration.md) sets the record from ``SITE_HOSTNAME`` and ``SITE_PORT``;
port 443 gives ``https://`` URLs, 80 gives ``http://``.
"""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Site

HOSTNAME = re.compile(r"(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*")


def parse_port(value):
    try:
        port = int(str(value).strip())
    except ValueError:
        raise ValidationError(f"SITE_PORT must be a number such as 443, not {value!r}.") from None
    if not 1 <= port <= 65535:
        raise ValidationError(f"SITE_PORT must be between 1 and 65535, not {port}.")
    return port


def parse_hostname(value):
    hostname = (value or "").strip().lower()
    if not HOSTNAME.fullmatch(hostname):
        raise ValidationError(
            f"SITE_HOSTNAME must be a bare host name such as stod.kommun.se (no https://, no path), not {value!r}."
        )
    return hostname


@transaction.atomic
def configure_default_site(hostname, port, site_name=None):
    """Set the default Site's host, port (and name); returns the Site. Validates first."""
    hostname, port = parse_hostname(hostname), parse_port(port)
    site = Site.objects.select_for_update().filter(is_default_site=True).first()
    if site is None:
        raise ValidationError(
            "There is no default site yet: run `manage.py load_demo` or create one in the admin."
        )
    site.hostname, site.port = hostname, port
    if site_name:
        site.site_name = site_name
    site.full_clean()
    site.save()
    Site.clear_site_root_paths_cache()
    return site
