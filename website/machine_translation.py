"""Machine translation for editors, off unless the environment switches it on.

Text on this site is about violence. By default no string leaves the server: editors
translate by hand or through PO files. A municipality may opt in to a self-hosted
LibreTranslate (the text stays in the municipality's network) or to DeepL (a company in
the EU; text is sent to it). This module only reads the environment; it imports no
Django models, so the settings can use it.
"""

from django.core.exceptions import ImproperlyConfigured

CHOICES = ("", "libretranslate", "deepl", "dummy")


def machine_translator_from_env(environ):
    """The ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` setting for the environment, or None.

    ``MACHINE_TRANSLATOR`` chooses: empty (the default) for none, ``libretranslate``
    (needs ``LIBRETRANSLATE_URL``), ``deepl`` (needs ``DEEPL_AUTH_KEY``) or ``dummy``
    (wagtail-localize's word-reversing translator, for trying the workflow out).
    """
    choice = environ.get("MACHINE_TRANSLATOR", "").strip().lower()
    if choice not in CHOICES:
        raise ImproperlyConfigured(
            f"MACHINE_TRANSLATOR={choice!r}: use one of libretranslate, deepl, dummy, or leave it empty."
        )
    timeout = int(environ.get("MACHINE_TRANSLATOR_TIMEOUT", "20") or 20)
    if choice == "libretranslate":
        url = environ.get("LIBRETRANSLATE_URL", "").strip().rstrip("/")
        if not url:
            raise ImproperlyConfigured(
                "MACHINE_TRANSLATOR=libretranslate needs LIBRETRANSLATE_URL, e.g. http://libretranslate.internal:5000"
            )
        return {
            "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": url,
                "API_KEY": environ.get("LIBRETRANSLATE_API_KEY", ""),
                "TIMEOUT": timeout,
            },
        }
    if choice == "deepl":
        key = environ.get("DEEPL_AUTH_KEY", "").strip()
        if not key:
            raise ImproperlyConfigured("MACHINE_TRANSLATOR=deepl needs DEEPL_AUTH_KEY.")
        options = {"AUTH_KEY": key, "TIMEOUT": timeout}
        formality = environ.get("DEEPL_FORMALITY", "").strip()
        if formality:
            options["FORMALITY"] = formality
        return {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": options,
        }
    if choice == "dummy":
        return {
            "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
            "OPTIONS": {},
        }
    return None
