"""System checks: the translators' limits must be installed where the app is."""

from django.conf import settings
from django.core import checks

LOCALIZE_VIEW_REPLACEMENT = "translations.localize_views.LocalizeViewReplacementMiddleware"


@checks.register()
def translators_limits_are_installed(app_configs, **kwargs):
    """Without the middleware, wagtail-localize's own sync and submit views answer.

    Translators could then publish every language by ticking "Publish immediately" on the
    sync form, and "Translate this page" would overwrite translations people made
    (translations/localize_views.py).
    """
    if LOCALIZE_VIEW_REPLACEMENT in settings.MIDDLEWARE:
        return []
    return [
        checks.Error(
            f"{LOCALIZE_VIEW_REPLACEMENT} is not in MIDDLEWARE: translators could publish by "
            "syncing, and submitting a page for translation would overwrite existing translations.",
            hint="Add it to MIDDLEWARE, after the authentication and CSRF middleware (docs/install.md).",
            id="translations.E001",
        )
    ]
