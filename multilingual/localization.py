"""Show translatable objects (snippets, pages) in the visitor's language, cheaply.

Wagtail's ``TranslatableMixin.localized`` looks up the active ``Locale`` on every call; a
support page shows a dozen snippets. Here the locale ids are read once per publication
(checked when a request starts) and emptied whenever a locale is saved or deleted, so
they never outlive a change of locales.

Only published content reaches visitors. For models with drafts (``DraftStateMixin``:
pages, helplines, services, glossary terms, brochures) a row with ``live=False`` is a
draft nobody has published yet, such as a translation wagtail-localize has just created:
it is skipped, and the visitor gets the published version in their language, else the
object itself, else the published source (Swedish). A live row always holds the
published content: Wagtail keeps later edits of a live object in revisions until they
are published.
"""

import threading

from django.core.signals import request_started, setting_changed
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from wagtail.models import DraftStateMixin, Locale, Page, Site

from multilingual.conf import fallback_languages
from multilingual.languages import site_languages
from multilingual.published import current_generation, once_per_publication

# The site's locales: {language code: locale id}, and the other way round. Kept between
# requests under the publication number they were read under (``multilingual.published``:
# saving or deleting a Locale is a publication), checked once when a request starts, and
# emptied at once when this process saves or deletes a Locale. Without a publication
# number they are read again in every request.
_LOCALE_IDS = {}
_LANGUAGE_CODES = {}
_read_under = [None]
_request = threading.local()  # per thread (gthread workers): has this request checked?


def forget_locales(**kwargs):
    """Empty the locale cache (connected to Locale's save and delete). New dictionaries,
    not emptied ones: another thread may be reading the old ones."""
    global _LOCALE_IDS, _LANGUAGE_CODES
    _LOCALE_IDS, _LANGUAGE_CODES = {}, {}
    _read_under[0] = None


def _request_started(**kwargs):
    _request.unchecked = True


def _check_once_per_request():
    """At a request's first look-up: the locales stay only if nothing was published since."""
    if getattr(_request, "unchecked", False):
        _request.unchecked = False
        _request.generation = current_generation()
        if _request.generation is None or _request.generation != _read_under[0]:
            forget_locales()


request_started.connect(_request_started, dispatch_uid="multilingual.localization.request_started")
post_save.connect(
    forget_locales, sender=Locale, dispatch_uid="multilingual.localization.locale_saved"
)
post_delete.connect(
    forget_locales, sender=Locale, dispatch_uid="multilingual.localization.locale_deleted"
)


def _read_locales():
    """Read the locales into new dictionaries and put them in place whole, so that a
    thread looking up a code never finds them half-filled."""
    global _LOCALE_IDS, _LANGUAGE_CODES
    ids, codes = {}, {}
    for pk, code in Locale.objects.values_list("pk", "language_code"):
        ids[code] = pk
        codes[pk] = code
    _LOCALE_IDS, _LANGUAGE_CODES = ids, codes
    _read_under[0] = getattr(_request, "generation", None)
    return ids, codes


def locale_id_for(code):
    """The id of the Wagtail locale for a language code, or None if there is none."""
    _check_once_per_request()
    ids = _LOCALE_IDS  # one dictionary for the whole look-up: another thread may replace it
    if code not in ids:
        ids, _codes = _read_locales()
    return ids.get(code)


def language_code_for(locale_id):
    """The language code of the Wagtail locale ``locale_id``, or "" if there is none."""
    if locale_id is None:
        return ""
    _check_once_per_request()
    codes = _LANGUAGE_CODES
    if locale_id not in codes:
        _ids, codes = _read_locales()
    return codes.get(locale_id, "")


def active_locale_id():
    """The id of the Wagtail locale for the active language, or None if there is none."""
    return locale_id_for(translation.get_language() or "")


class PerLanguage:
    """Fixed words (labels, terms) turned into strings once per language.

    A listing shows the same few words for every row; as lazy translations each use is a
    catalogue lookup again, and each ``gettext`` looks up the active language in a
    context-local variable. ``make()`` runs in the active language and returns what to
    keep (a dict of strings); what it made is kept per language for the process, and
    forgotten when the translation settings change (tests).
    """

    _all = []

    def __init__(self, make):
        self.make = make
        self.made = {}
        PerLanguage._all.append(self)

    def get(self):
        language = translation.get_language()
        made = self.made.get(language)
        if made is None:
            made = self.made[language] = self.make()
        return made

    @classmethod
    def forget(cls, **kwargs):
        for each in cls._all:
            each.made.clear()


setting_changed.connect(PerLanguage.forget, dispatch_uid="multilingual.localization.per_language")


def is_published(obj):
    """Whether visitors may see ``obj``: always for models without drafts."""
    return not isinstance(obj, DraftStateMixin) or obj.live


def published(queryset):
    """Only the published rows of a model with drafts; every row of any other model."""
    if issubclass(queryset.model, DraftStateMixin):
        return queryset.filter(live=True)
    return queryset


def visitor_languages(language):
    """The languages a visitor reading ``language`` is shown things in, in order: their
    own, then ``VINR_FALLBACK_LANGUAGES`` (``multilingual.conf``).

    The one order for pages (``information.visitors``), snippets (below) and listings.
    """
    return list(dict.fromkeys([code for code in [language, *fallback_languages()] if code]))


def _lookup_locales(model, locale_id):
    """The locales whose versions may stand in for an object: the wanted one and the
    fallback languages'."""
    ids = {locale_id, *(locale_id_for(code) for code in fallback_languages())}
    ids.discard(None)
    return ids


def _choose(obj, versions, locale_id):
    """What visitors see for ``obj`` given the published ``versions`` {locale id: row}:
    the first of ``visitor_languages`` that has one, else ``obj`` itself if published
    (a snippet written only in a language outside the fallbacks)."""
    if obj.locale_id == locale_id and is_published(obj):
        return obj
    for code in visitor_languages(language_code_for(locale_id)):
        row = (
            obj
            if obj.locale_id == locale_id_for(code) and is_published(obj)
            else versions.get(locale_id_for(code))
        )
        if row is not None:
            return row
    return obj if is_published(obj) else None


def shown_versions(rows, language):
    """Of published ``rows`` of one model (several families, any languages), the one row
    per family (``translation_key``) a visitor reading ``language`` sees, in the order the
    families first appear: for listings (glossary terms, brochures, helplines)."""
    families = {}
    for row in rows:
        families.setdefault(row.translation_key, {})[row.locale_id] = row
    shown = []
    for versions in families.values():
        row = next(
            (
                versions[locale_id_for(code)]
                for code in visitor_languages(language)
                if locale_id_for(code) in versions
            ),
            None,
        )
        if row is not None:
            shown.append(row)
    return shown


def in_locale(obj, locale_id):
    """``obj`` as visitors see it in the locale ``locale_id``, or None if nothing is published.

    The published version in the first of ``visitor_languages`` that has one (the
    locale's own, then ``VINR_FALLBACK_LANGUAGES``), else ``obj`` itself if it is
    published. At most one query, none when ``obj`` already is what is shown.
    """
    if obj is None:
        return None
    if (locale_id is None or obj.locale_id == locale_id) and is_published(obj):
        return obj
    model = type(obj)
    rows = published(
        model.objects.filter(
            translation_key=obj.translation_key, locale_id__in=_lookup_locales(model, locale_id)
        )
    )
    return _choose(obj, {row.locale_id: row for row in rows}, locale_id)


def localized(obj):
    """``obj`` in the active language when a published translation exists (see ``in_locale``)."""
    return in_locale(obj, active_locale_id())


def localized_many(objects):
    """Each object in the active language where a published translation exists, in one query.

    Objects with nothing published (a draft and no published version) are left out.
    """
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return objects
    locale_id = active_locale_id()
    model = type(objects[0])
    missing = {
        obj.translation_key
        for obj in objects
        if not ((locale_id is None or obj.locale_id == locale_id) and is_published(obj))
    }
    versions = {}
    if missing:
        rows = published(
            model.objects.filter(
                translation_key__in=missing, locale_id__in=_lookup_locales(model, locale_id)
            )
        )
        for row in rows:
            versions.setdefault(row.translation_key, {})[row.locale_id] = row
    shown = (_choose(obj, versions.get(obj.translation_key, {}), locale_id) for obj in objects)
    return [obj for obj in shown if obj is not None]


_REGISTERS = {}
request_started.connect(
    lambda **kwargs: _REGISTERS.clear(),
    dispatch_uid="multilingual.localization.registers",
    weak=False,
)


def localized_from_register(obj):
    """``obj`` in the active language, for small registers (organisations) shown many times.

    The first call in a request reads every published row of the model in the active
    language (one query); later calls in the same request cost nothing, so a list of 200
    measures naming 30 organisations still takes one query for all their translations.
    """
    if obj is None:
        return None
    locale_id = active_locale_id()
    if locale_id is None or obj.locale_id == locale_id:
        return obj if is_published(obj) else localized(obj)
    model = type(obj)
    rows = _REGISTERS.get((model, locale_id))
    if rows is None:
        rows = {
            row.translation_key: row for row in published(model.objects.filter(locale_id=locale_id))
        }
        _REGISTERS[(model, locale_id)] = rows
    found = rows.get(obj.translation_key)
    if found is not None:
        return found
    return obj if is_published(obj) else localized(obj)


class RouteVersion:
    """One language version of something a page serves below itself (a measure of a plan).

    It answers ``get_url`` and ``get_full_url`` like a page, so a view can put a mapping
    ``{language code: RouteVersion}`` in its context as ``language_versions`` and the
    language switcher and the hreflang links (``information.templatetags.page_languages``) lead to
    the same thing in each language instead of to the page that serves it.
    """

    def __init__(self, page, subpath):
        self.page = page
        self.subpath = subpath.lstrip("/")

    def get_url(self, request=None):
        return self.page.get_url(request=request) + self.subpath

    def get_full_url(self, request=None):
        return self.page.get_full_url(request=request) + self.subpath


def page_versions(page, request=None):
    """The live versions of ``page`` by language code, in the order of ``settings.LANGUAGES``.

    Only real translations count: an alias that wagtail-localize's tree synchronisation
    puts in a language's tree shows the Swedish text, so that language is not offered.
    Without a page (a 404, a form view) each language's home page stands in. The result
    is kept on the request: the header and the <head> both ask for it.
    """
    cache = getattr(request, "_page_versions", None) if request is not None else None
    key = getattr(page, "pk", None)
    if cache is not None and key in cache:
        return cache[key]
    if key:
        queryset = page.get_translations(inclusive=True)
        memo_key = ("page_versions", key)
    else:
        site = Site.find_for_request(request) if request else None
        if site is None:
            return {}
        queryset = Page.objects.filter(translation_key=site.root_page.translation_key)
        memo_key = ("page_versions", "site", site.pk)

    def work_out():
        found = {
            p.locale.language_code: p
            for p in queryset.live().filter(alias_of__isnull=True).select_related("locale")
        }
        return {code: found[code] for code in site_languages() if code in found}

    # Once per publication (multilingual.published): the pages are shared, read only.
    versions = once_per_publication(memo_key + (tuple(site_languages()),), request, work_out)
    if request is not None:
        if cache is None:
            cache = request._page_versions = {}
        cache[key] = versions
    return versions
