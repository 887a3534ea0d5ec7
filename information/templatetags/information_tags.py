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


@register.simple_tag(takes_context=True)
def hide_visit_url(context):
    """URL of the "Hide your visit" page chosen on the support section, in the visitor's language.

    The page is found through the section index (the current page or its parent). When it
    is not translated into the visitor's language, the Swedish page's path is given under
    the visitor's prefix, where ``SupportIndexPage.route`` serves it with a notice.
    """
    from django.utils import translation

    from website.localization import localized as localized_page
    from information.models import SupportIndexPage

    page = context.get("page")
    if page is None or not getattr(page, "pk", None):
        return ""
    index = page if isinstance(page, SupportIndexPage) else page.get_parent().specific
    if not isinstance(index, SupportIndexPage):
        return ""
    if index.alias_of_id:
        index = index.alias_of.specific
    target = index.hide_visit_page
    if target is None or not target.live:
        source = index.get_translation_or_none(Locale.objects.filter(language_code="sv").first())
        target = source.specific.hide_visit_page if source is not None else None
    if target is None or not target.live:
        return ""
    localized = localized_page(target)
    if localized.pk == page.pk or target.pk == page.pk:
        return ""  # the visitor is reading it
    url = localized.get_url(request=context.get("request")) or ""
    visitor = translation.get_language()
    code = _code(localized.locale_id)
    if code != visitor and url.startswith(f"/{code}/"):
        url = f"/{visitor}/{url[len(code) + 2:]}"
    return url
