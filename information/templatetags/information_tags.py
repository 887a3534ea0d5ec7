"""Template helpers for content shown in another language than the page around it."""

from django import template
from django.db.models import Q
from wagtail.models import Locale, Page

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


@register.simple_tag(takes_context=True)
def hide_visit_url(context):
    """URL of the "Hide your visit" page chosen on the support section, in the visitor's language.

    The page is found through the section index (the current page or its parent, else the
    section of the visitor's language). When it
    is not translated into the visitor's language, the Swedish page's path is given under
    the visitor's prefix, where ``SupportIndexPage.route`` serves it with a notice.
    """
    from information.models import SupportIndexPage, url_for_visitor

    from website.localization import active_locale_id, locale_id_for

    page = context.get("page")
    index = page if isinstance(page, SupportIndexPage) else None
    if index is None:
        # The section above the page, else (the home page, a plan, a 404: the quick exit
        # is there too) the section of the visitor's language, else the Swedish one. One
        # query for all three, with the chosen page: this runs on every page of the site.
        parent_path = page.path[: -page.steplen] if isinstance(page, Page) and page.pk and page.depth > 1 else None
        locale_ids = {active_locale_id(), locale_id_for("sv")} - {None}
        candidates = list(
            SupportIndexPage.objects.live()
            .filter(Q(path=parent_path) | Q(locale_id__in=locale_ids) if parent_path else Q(locale_id__in=locale_ids))
            .select_related("hide_visit_page")
            .order_by("path")
        )
        index = (
            next((p for p in candidates if p.path == parent_path), None)
            or next((p for p in candidates if p.locale_id == active_locale_id()), None)
            or next((p for p in candidates if p.locale_id == locale_id_for("sv")), None)
        )
    if index is None:
        return ""
    if index.alias_of_id:
        index = index.alias_of.specific
    target = index.hide_visit_page
    if target is None or not target.live:
        source = index.get_translation_or_none(Locale.objects.filter(language_code="sv").first())
        target = source.specific.hide_visit_page if source is not None else None
    if target is None or not target.live:
        return ""
    if page is not None and getattr(page, "translation_key", None) == target.translation_key:
        return ""  # the visitor is reading it
    return url_for_visitor(target, context.get("request"))


@register.simple_tag(takes_context=True)
def untranslated_note(context, obj):
    """A short note in the visitor's language when ``obj`` is shown in another language.

    Helplines, services, terms and cards that have no published translation are shown in
    Swedish (the fallback rule of ``website.localization``); the visitor is told so where
    they read it. On a page that is itself a fallback the notice at the top says it once.
    """
    from django.utils import translation
    from django.utils.html import format_html

    visitor = translation.get_language()
    lang = obj if isinstance(obj, str) else content_lang(obj)
    if not lang or lang == visitor or context.get("fallback_from"):
        return ""
    return format_html(
        '<span class="untranslated-note" lang="{}" dir="{}">{}</span>',
        visitor,
        "rtl" if visitor in RTL_LANGUAGES else "ltr",
        translation.gettext("(Not yet translated into your language.)"),
    )
