"""Fixtures for plans: each test its own media folder. ``home_page``, ``plan_index``,
``demo_plans`` and ``import_generated`` are in tests/conftest.py (tests of other areas use
them too), the plain helpers in tests/helpers/plans.py."""

import pytest

from tests.conftest import demo_plans, home_page, import_generated, plan_index  # noqa: F401  (as before)
from tests.helpers.plans import (  # noqa: F401  (importable from here, as they were)
    DEMO_PLAN_FILES,
    all_measures,
    demo_plan_data,
    make_plan_data,
    translate_plan,
)


@pytest.fixture(autouse=True)
def media_per_test(settings, tmp_path):
    """Each test its own media folder: stored plan PDFs are named by page id and revision,
    which a rolled-back test database hands out again."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
