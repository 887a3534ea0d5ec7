"""Fixtures for plans: each test its own media folder. ``home_page``, ``plan_index``,
``demo_plans`` and ``import_generated`` are in tests/conftest.py (tests of other areas use
them too), the plain helpers in tests/helpers/plans.py and tests/helpers/plan_import.py."""

import pytest


@pytest.fixture(autouse=True)
def media_per_test(settings, tmp_path):
    """Each test its own media folder: stored plan PDFs are named by page id and revision,
    which a rolled-back test database hands out again."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
