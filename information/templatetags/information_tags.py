"""Template helpers for content shown in another language than the page around it."""

from django import template
from wagtail.models import Locale

from website.languages import RTL_LANGUAGES

register = template.Library()

_LOCALE_CODES = {}


def _code(locale_id):
    """A locale's language code without a query per object (locales hardly ever change)."""
    if locale_id not in _LOCALE_CODES:
        _LOCALE_CODES.clear()
        _LOCALE_CODES.update(Locale.objects.values_list("pk", "language_code"))
    return _LOCALE_CODES.get(locale_id, "")


@register.filter
def content_lang(obj):
    """The language code of a translatable object (a snippet or a page)."""
    return _code(getattr(obj, "locale_id", None))


@register.filter
def content_dir(obj):
    return "rtl" if _code(getattr(obj, "locale_id", None)) in RTL_LANGUAGES else "ltr"
