"""The extension's apps fix their own primary key type.

Their migrations create BigAutoField ids. A host site whose DEFAULT_AUTO_FIELD is another
(Django's default is AutoField, and `wagtail start` sets none) would otherwise see
`makemigrations` want to alter every id in the installed package, and `check` warn
models.W042 for each model. The install test meets this in a real host; this checks the
cause in the suite.
"""

import pytest
from django.apps import apps

from wheel_catalogues import EXTENSION_APPS


@pytest.mark.parametrize("label", EXTENSION_APPS)
def test_each_extension_app_declares_big_auto_field_whatever_the_hosts_default(label):
    config = apps.get_app_config(label)
    assert config._is_default_auto_field_overridden, f"{label}/apps.py sets no default_auto_field"
    assert config.default_auto_field == "django.db.models.BigAutoField"
