"""Template tags for the whole site: languages, the language switcher, dates."""

import datetime

from django import template
from django.conf import settings
from django.db import models
from django.utils import formats, timezone, translation
from django.utils.html import format_html
from wagtail.models import Page, Site

from website.languages import SITE_LANGUAGES, SOURCE_LANGUAGE

register = template.Library()


def page_versions(page, request=None):
    """The live versions of ``page`` by language code, in the order of SITE_LANGUAGES.

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
    else:
        site = Site.find_for_request(request) if request else None
        if site is None:
            return {}
        queryset = Page.objects.filter(translation_key=site.root_page.translation_key)
    found = {
        p.locale.language_code: p
        for p in queryset.live().filter(alias_of__isnull=True).select_related("locale")
    }
    versions = {code: found[code] for code, *_rest in SITE_LANGUAGES if code in found}
    if request is not None:
        if cache is None:
            cache = request._page_versions = {}
        cache[key] = versions
    return versions


def context_versions(context, page):
    """The language versions the template shows: the view's own, or the page's.

    A view that serves something below its page (a plan serves its measures) puts that
    thing's versions in the context as ``language_versions`` (see
    ``website.localization.RouteVersion``): a measure's switcher then leads to the same
    measure in each language, and offers only the languages it exists in.
    """
    versions = context.get("language_versions")
    if versions is not None:
        return versions
    return page_versions(page, context.get("request"))


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One entry per language that the current page exists in, named in its own script.

    Each entry has ``code``, ``name`` (local name), ``dir``, ``url`` and ``current``.
    Without a page (a 404, a form view) each language's home page is offered.
    """
    request = context.get("request")
    current = translation.get_language()
    local_names = {code: (local, rtl) for code, _name, local, rtl in SITE_LANGUAGES}
    links = []
    for code, target in context_versions(context, page).items():
        local, rtl = local_names[code]
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


@register.inclusion_tag("website/includes/hreflang.html", takes_context=True)
def hreflang_links(context, page=None):
    """``<link rel="alternate" hreflang>`` for every language version, and x-default.

    x-default is the Swedish (source) version: the language every page is written in.
    """
    request = context.get("request")
    if not getattr(page, "pk", None):  # a 404 or a form view has no language versions
        return {"alternates": [], "x_default": None}
    versions = context_versions(context, page)
    alternates = [(code, target.get_full_url(request=request)) for code, target in versions.items()]
    default = dict(alternates).get(SOURCE_LANGUAGE) or (alternates[0][1] if alternates else None)
    return {"alternates": alternates, "x_default": default}


@register.simple_tag
def local_date(value):
    """``<time datetime="2025-01-31">31 januari 2025</time>``: a date as the visitor's
    language writes it (its ``DATE_FORMAT``; ``website/formats`` for the languages
    Django writes no or a misleading format for), and in ISO 8601 for machines."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        day = value.date()  # the local day: 00:30 in Stockholm is not yesterday
    else:
        day = value
    return format_html('<time datetime="{}">{}</time>', day.isoformat(), formats.date_format(value, "DATE_FORMAT"))


@register.simple_tag
def text_direction(language_code):
    """``rtl`` or ``ltr`` for a language code, for content shown in another language."""
    return "rtl" if language_code in settings.LANGUAGES_BIDI else "ltr"


@register.simple_tag
def emergency_helpline():
    """The emergency number (112) as the municipality published it, in the visitor's language."""
    from information.models import Helpline
    from website.localization import active_locale_id, locale_id_for

    # Not Locale.get_active(): that is a query on every page.
    locale_id = active_locale_id() or locale_id_for(SOURCE_LANGUAGE)
    lines = list(Helpline.objects.filter(is_emergency=True, live=True).select_related("locale")[:20])
    for line in lines:
        if line.locale_id == locale_id:
            return line
    return lines[0] if lines else None


@register.simple_tag(takes_context=True)
def accessibility_statement_url(context):
    """The accessibility statement chosen in the site settings, in the visitor's language.

    Its translation, or the alias the demo and editors give every language (the Swedish
    text with a notice), so the footer link never leads into another language's prefix.
    """
    request = context.get("request")
    site_settings = context.get("settings")
    try:
        statement_id = site_settings["website"]["SiteSettings"].accessibility_statement_id
    except (KeyError, TypeError, AttributeError):
        return ""
    if statement_id is None:
        return ""
    from website.localization import active_locale_id

    # One query: the live version in the visitor's language, else the chosen page itself.
    versions = list(
        Page.objects.live()
        .filter(translation_key__in=Page.objects.filter(pk=statement_id).values("translation_key"))
        .filter(models.Q(locale_id=active_locale_id()) | models.Q(pk=statement_id))
    )
    target = next((p for p in versions if p.pk != statement_id), None) or next(iter(versions), None)
    return target.get_url(request=request) if target is not None else ""
