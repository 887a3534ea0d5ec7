"""The extension's settings, each with its default, read in one place.

A municipality's site sets what differs from the defaults in its own settings module;
every name starts with ``VINR_`` (våld i nära relationer) so they are easy to find
together. Each value is read when it is needed, never at import time, so
``override_settings`` in a test and a setting that names a model of an app loaded later
both work. ``docs/install.md`` ("Configuration") describes each one.

The languages themselves are Django's: ``LANGUAGES``, ``LANGUAGE_CODE`` (the source
language every page is written in) and ``LANGUAGES_BIDI`` (see ``multilingual.languages``).
"""

from pathlib import Path

from django.conf import settings
from django.utils.module_loading import import_string

from multilingual.languages import source_language

DEFAULTS = {
    # Page types ("app_label.ModelName") a plan index / a support section may be created
    # under. None: any page type, as Wagtail's own default.
    "VINR_PLAN_INDEX_PARENT_PAGE_TYPES": None,
    "VINR_SUPPORT_INDEX_PARENT_PAGE_TYPES": None,
    # The template every public page of the extension extends, and the blocks it fills:
    # title, meta_description, head_links, extra_css, body_class, before_main, content, extra_js.
    "VINR_BASE_TEMPLATE": "base.html",
    # Languages a support page is shown in when it is not in the visitor's, in order.
    # None: the source language (LANGUAGE_CODE), then English.
    "VINR_FALLBACK_LANGUAGES": None,
    # Where "Leave this page quickly" goes: a URL, or the dotted path of a function that
    # takes the request and returns one (the reference site reads its site settings).
    "VINR_QUICK_EXIT_URL": "https://www.smhi.se/",
    # Which published helplines every page offers in its footer and emergency notes: the
    # filter (field lookups on information.Helpline) that picks them.
    "VINR_SITE_WIDE_HELPLINES": {"is_emergency": True},
    # The dotted path of a function returning a number that changes whenever published
    # content changes (on every app server): with it, what every page shows around its
    # content is worked out once per publication (multilingual.published). None: on
    # every request.
    "VINR_PUBLICATION_GENERATION": None,
    # Whether publishing a plan / a brochure renders its PDF in the background at once.
    # False: the PDF is rendered when a reader first asks for it (tests turn it off).
    "VINR_PLANS_PDF_ON_PUBLISH": True,
    "VINR_BROCHURES_PDF_ON_PUBLISH": True,
    # The page-password form (information.page_passwords): tries per client address and
    # protected page within the window (seconds); then 429 until the window has passed.
    "VINR_PAGE_PASSWORD_TRIES": 5,
    "VINR_PAGE_PASSWORD_WINDOW": 15 * 60,
    # Whose tries those are: the dotted path of a function that takes the request and
    # returns the visitor's address. None: REMOTE_ADDR, right only without a proxy; behind
    # a load balancer every visitor has the proxy's address, and five wrong tries by one
    # would lock everyone out of the page (docs/install.md).
    "VINR_CLIENT_ADDRESS": None,
    # Four eyes: {"app_label.Model": [field names]}. Whoever changed one of these fields
    # does not publish the change; a second person approves it (docs/roles.md). {}: off.
    "VINR_FOUR_EYES_FIELDS": {
        "information.Helpline": [
            "phone_number",
            "alternative_number",
            "opening_hours",
            "open_around_the_clock",
        ],
        "information.LocalService": ["phone_number", "address", "opening_hours"],
    },
}

#: Settings read under another name before they joined the list above: old -> new. The
#: old name still works (the new one wins when both are set); ``manage.py check`` warns
#: (multilingual.W001, multilingual/checks.py). To be removed in 1.0.
RENAMED = {
    "PLANS_PDF_ON_PUBLISH": "VINR_PLANS_PDF_ON_PUBLISH",
    "BROCHURES_PDF_ON_PUBLISH": "VINR_BROCHURES_PDF_ON_PUBLISH",
}

#: Swedish for the admin words Wagtail and wagtail-localize leave in English or get wrong
#: (their msgids, not ours). Django reads an app's ``locale/`` with less weight than
#: Wagtail's own catalogues, so a site lists this folder in ``LOCALE_PATHS``
#: (docs/install.md); the wheel carries it compiled.
ADMIN_LOCALE = Path(__file__).resolve().parent / "admin_locale"


def setting(name):
    """The value of one of the extension's settings, or its default."""
    if hasattr(settings, name):
        return getattr(settings, name)
    for old, new in RENAMED.items():
        if new == name and hasattr(settings, old):
            return getattr(settings, old)
    return DEFAULTS[name]


def plan_index_parent_page_types():
    return setting("VINR_PLAN_INDEX_PARENT_PAGE_TYPES")


def support_index_parent_page_types():
    return setting("VINR_SUPPORT_INDEX_PARENT_PAGE_TYPES")


def base_template():
    return setting("VINR_BASE_TEMPLATE")


def fallback_languages():
    """The languages a visitor gets a page in when it is not in theirs, in order."""
    configured = setting("VINR_FALLBACK_LANGUAGES")
    if configured is not None:
        return list(configured)
    return list(dict.fromkeys([source_language(), "en"]))


def quick_exit_url(request=None):
    """The quick exit's target: the setting's URL, or what the function it names returns."""
    value = setting("VINR_QUICK_EXIT_URL")
    if callable(value):
        return value(request)
    if "://" in value or value.startswith("/"):
        return value
    return import_string(value)(request)


def client_address(request):
    """The visitor's address, for throttling (``VINR_CLIENT_ADDRESS``)."""
    value = setting("VINR_CLIENT_ADDRESS")
    if value is None:
        return request.META.get("REMOTE_ADDR", "")
    function = value if callable(value) else import_string(value)
    return str(function(request) or "")


def site_wide_helplines_filter():
    return dict(setting("VINR_SITE_WIDE_HELPLINES"))


class PageTypesSetting:
    """A page model's ``parent_page_types`` read from a setting when Wagtail asks for it.

    Wagtail reads the attribute on first use and keeps the resolved models on the class;
    ``multilingual.pages.ParentPageTypesFromSettings`` resolves them again when the
    setting changes.
    """

    def __init__(self, read):
        self.read = read

    def __get__(self, instance, owner=None):
        value = self.read()
        return None if value is None else list(value)


def four_eyes_fields():
    """{model label: [field names]} that a second person publishes (docs/roles.md)."""
    return dict(setting("VINR_FOUR_EYES_FIELDS") or {})
