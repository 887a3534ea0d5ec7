"""Template tags for the whole site: languages and the language switcher."""

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page, Site

from website.languages import SITE_LANGUAGES

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One entry per language that the current page exists in, named in its own script.

    Each entry has ``code``, ``name`` (local name), ``dir``, ``url`` and ``current``.
    Without a page (a 404, a form view) each language's home page is offered.
    """
    request = context.get("request")
    current = translation.get_language()
    if page is not None and getattr(page, "pk", None):
        pages = {p.locale.language_code: p for p in page.get_translations(inclusive=True).live().select_related("locale")}
    else:
        site = Site.find_for_request(request) if request else None
        pages = {}
        if site is not None:
            root = site.root_page
            pages = {
                p.locale.language_code: p
                for p in Page.objects.filter(translation_key=root.translation_key)
                .live()
                .select_related("locale")
            }
    links = []
    for code, _name, local, rtl in SITE_LANGUAGES:
        target = pages.get(code)
        if target is None:
            continue
        links.append(
            {
                "code": code,
                "name": local,
                "dir": "rtl" if rtl else "ltr",
                "url": target.get_url(request=request),
                "current": code == current,
            }
        )
    return links


@register.simple_tag
def text_direction(language_code):
    """``rtl`` or ``ltr`` for a language code, for content shown in another language."""
    return "rtl" if language_code in settings.LANGUAGES_BIDI else "ltr"


@register.simple_tag
def emergency_helpline():
    """The emergency number (112) as the municipality entered it, in the visitor's language."""
    from information.models import Helpline

    locale = Locale.get_active()
    lines = list(Helpline.objects.filter(is_emergency=True).select_related("locale")[:20])
    for line in lines:
        if line.locale_id == locale.pk:
            return line
    return lines[0] if lines else None
