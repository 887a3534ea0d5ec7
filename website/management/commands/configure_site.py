"""Set the default Site's host and port from SITE_HOSTNAME / SITE_PORT (website.site_config)."""

import os

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from website.site_config import configure_default_site


class Command(BaseCommand):
    help = (
        "Set the default site's host name and port, which canonical and hreflang links use: "
        "--hostname/--port or SITE_HOSTNAME/SITE_PORT (default port 443, i.e. https)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hostname", default=os.environ.get("SITE_HOSTNAME", ""))
        parser.add_argument("--port", default=os.environ.get("SITE_PORT", "443"))
        parser.add_argument("--site-name", default=os.environ.get("WAGTAIL_SITE_NAME", ""))

    def handle(self, *args, **options):
        try:
            site = configure_default_site(
                options["hostname"], options["port"], options["site_name"]
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(self.style.SUCCESS(f"Default site: {site.root_url}/"))
