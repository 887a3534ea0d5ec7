"""Wagtail's search index for tests (the test settings switch automatic updates off)."""

import os

from django.core.management import call_command


def build_search_index():
    """Index what the database holds now (Wagtail's ``update_index``, quietly)."""
    with open(os.devnull, "w") as quiet:
        call_command("update_index", verbosity=0, stdout=quiet)
