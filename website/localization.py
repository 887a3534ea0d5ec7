"""Show translatable objects (snippets, pages) in the visitor's language, cheaply.

Wagtail's ``TranslatableMixin.localized`` looks up the active ``Locale`` on every call; a
support page shows a dozen snippets. Here the locale ids are read at most once per
request: the cache is emptied when a request starts and whenever a locale is saved or
deleted, so it can never outlive a change of locales.
"""

from django.core.signals import request_started
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from wagtail.models import Locale

_LOCALE_IDS = {}


def _forget_locales(**kwargs):
    _LOCALE_IDS.clear()


request_started.connect(_forget_locales, dispatch_uid="website.localization.request_started")
post_save.connect(_forget_locales, sender=Locale, dispatch_uid="website.localization.locale_saved")
post_delete.connect(_forget_locales, sender=Locale, dispatch_uid="website.localization.locale_deleted")


def active_locale_id():
    """The id of the Wagtail locale for the active language, or None if there is none."""
    code = translation.get_language() or ""
    if code not in _LOCALE_IDS:
        _LOCALE_IDS.clear()
        _LOCALE_IDS.update({c: pk for pk, c in Locale.objects.values_list("pk", "language_code")})
    return _LOCALE_IDS.get(code)


def localized(obj):
    """``obj`` in the active language when translated, else ``obj`` itself."""
    if obj is None:
        return None
    locale_id = active_locale_id()
    if locale_id is None or obj.locale_id == locale_id:
        return obj
    return (
        type(obj).objects.filter(translation_key=obj.translation_key, locale_id=locale_id).first()
        or obj
    )


def localized_many(objects):
    """Each object in the active language where a translation exists, in one query."""
    objects = [obj for obj in objects if obj is not None]
    locale_id = active_locale_id()
    if not objects or locale_id is None:
        return objects
    model = type(objects[0])
    missing = {obj.translation_key for obj in objects if obj.locale_id != locale_id}
    translations = {}
    if missing:
        translations = {
            obj.translation_key: obj
            for obj in model.objects.filter(translation_key__in=missing, locale_id=locale_id)
        }
    return [
        obj if obj.locale_id == locale_id else translations.get(obj.translation_key, obj)
        for obj in objects
    ]


_REGISTERS = {}
request_started.connect(
    lambda **kwargs: _REGISTERS.clear(), dispatch_uid="website.localization.registers", weak=False
)


def localized_from_register(obj):
    """``obj`` in the active language, for small registers (organisations) shown many times.

    The first call in a request reads every row of the model in the active language (one
    query); later calls in the same request cost nothing, so a list of 200 measures naming
    30 organisations still takes one query for all their translations.
    """
    if obj is None:
        return None
    locale_id = active_locale_id()
    if locale_id is None or obj.locale_id == locale_id:
        return obj
    model = type(obj)
    rows = _REGISTERS.get((model, locale_id))
    if rows is None:
        rows = {row.translation_key: row for row in model.objects.filter(locale_id=locale_id)}
        _REGISTERS[(model, locale_id)] = rows
    return rows.get(obj.translation_key, obj)


class RouteVersion:
    """One language version of something a page serves below itself (a measure of a plan).

    It answers ``get_url`` and ``get_full_url`` like a page, so a view can put a mapping
    ``{language code: RouteVersion}`` in its context as ``language_versions`` and the
    language switcher and the hreflang links (``website.templatetags.site_tags``) lead to
    the same thing in each language instead of to the page that serves it.
    """

    def __init__(self, page, subpath):
        self.page = page
        self.subpath = subpath.lstrip("/")

    def get_url(self, request=None):
        return self.page.get_url(request=request) + self.subpath

    def get_full_url(self, request=None):
        return self.page.get_full_url(request=request) + self.subpath
