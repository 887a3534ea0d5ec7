"""Fixtures for the translation workflow: a Swedish support page (the editor's steps are in
tests/helpers/translation.py)."""

import pytest
from wagtail.models import Locale

from tests.helpers.translation import (  # noqa: F401  (importable from here, as they were)
    SWEDISH,
    locale,
    publish_translation,
    submit_for_translation,
    translate_strings,
)

@pytest.fixture
def support_page(demo_site):
    """A published Swedish support page under a support index, below the Swedish home."""
    from information.models import SupportIndexPage, SupportPage

    index = SupportIndexPage(title=SWEDISH["index_title"], slug="stod-och-hjalp")
    demo_site.add_child(instance=index)
    index.save_revision().publish()
    # The section page exists in every language the tests use, as the demo makes it.
    for code, title in (("en", "Support and help"), ("ar", "الدعم والمساعدة"), ("fa", "حمایت و کمک")):
        copy = index.copy_for_translation(Locale.objects.get(language_code=code))
        copy.title = title
        copy.save_revision().publish()
    page = SupportPage(title=SWEDISH["title"], slug="utsatt-for-vald", easy_read=SWEDISH["easy_read"])
    index.add_child(instance=page)
    page.save_revision().publish()
    return SupportPage.objects.get(pk=page.pk)
