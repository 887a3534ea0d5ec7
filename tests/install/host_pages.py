"""The host's own pages, made before it installs the extension.

Run by tests/install/run in a fresh `wagtail start` project (the current folder) after its
first `migrate`, with none of the extension installed: the site's home page and a page
under it, live, in the site's own language (English: `wagtail start` sets
LANGUAGE_CODE "en-us"). host_check.py checks they are still served, and can still be
published, once the extension is in.
"""

import os
import sys

import django

sys.path.insert(0, os.getcwd())
django.setup()

from home.models import HomePage  # noqa: E402
from wagtail.models import Site  # noqa: E402

home = Site.objects.get(is_default_site=True).root_page.specific
assert home.locale.language_code == "en", home.locale
about = HomePage(title="About the municipality", slug="about")
home.add_child(instance=about)
about.save_revision().publish()
print(
    f"host pages: {home.title!r} and {about.title!r} ({about.url_path}), locale {home.locale.language_code}"
)
