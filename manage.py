#!/usr/bin/env python
"""Django's command-line utility for administrative tasks.

Without DJANGO_SETTINGS_MODULE, ``runserver`` (a development server by nature) uses the
development settings and every other command the production settings, which refuse to
start without their environment. ``make`` exports website.settings.dev for its targets;
pytest uses website.settings.test (pyproject.toml). See docs/configuration.md.
"""

import os
import sys

if __name__ == "__main__":
    development = len(sys.argv) > 1 and sys.argv[1] == "runserver"
    os.environ.setdefault(
        "DJANGO_SETTINGS_MODULE",
        "website.settings.dev" if development else "website.settings.production",
    )
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
