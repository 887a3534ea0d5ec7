"""Template tags for the reference site: the language switcher, hreflang, the footer.

Dates and text direction: ``multilingual_tags``; the emergency number: ``information_tags``.
"""

from django import template
from django.db import models
from django.utils import translation
from wagtail.models import Page

from information.visitors import is_private
from multilingual.languages import SOURCE_LANGUAGE, language_entries
from multilingual.localization import page_versions
from multilingual.published import once_per_publication

register = template.Library()


def context_versions(context, page):
    """The language versions the template shows: the view's own, or the page's.

    A view that serves something below its page (a plan serves its measures) puts that
    thing's versions in the context as ``language_versions`` (see
    ``multilingual.localization.RouteVersion``): a measure's switcher then leads to the same
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
    links = []
    for code, target in context_versions(context, page).items():
        links.append(
            {
                **language_entries([code])[0],
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
    if is_private(page):  # behind a password in every language: nothing to announce
        return {"alternates": [], "x_default": None}
    versions = context_versions(context, page)
    alternates = [(code, target.get_full_url(request=request)) for code, target in versions.items()]
    default = dict(alternates).get(SOURCE_LANGUAGE) or (alternates[0][1] if alternates else None)
    return {"alternates": alternates, "x_default": default}


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
    from multilingual.localization import active_locale_id

    locale_id = active_locale_id()

    def work_out():
        # One query: the live version in the visitor's language, else the chosen page itself.
        versions = list(
            Page.objects.live()
            .filter(translation_key__in=Page.objects.filter(pk=statement_id).values("translation_key"))
            .filter(models.Q(locale_id=locale_id) | models.Q(pk=statement_id))
        )
        target = next((p for p in versions if p.pk != statement_id), None) or next(iter(versions), None)
        return target.get_url(request=request) if target is not None else ""

    key = ("accessibility_statement_url", statement_id, locale_id)
    return once_per_publication(key, request, work_out)


@register.simple_tag(takes_context=True)
def site_logo(context, site_settings):
    """The municipality's logo from the site settings, 48 pixels high, as an ``<img>``.

    Worked out once per publication (``multilingual.published``): finding the image and
    its rendition were two queries on every page."""
    if site_settings is None or not site_settings.logo_id:
        return ""
    from wagtail.images.shortcuts import get_rendition_or_not_found

    def work_out():
        rendition = get_rendition_or_not_found(site_settings.logo, "height-48")
        return rendition.img_tag({"alt": site_settings.municipality_name, "class": "site-header__logo"})

    key = ("site_logo", site_settings.logo_id, site_settings.municipality_name)
    return once_per_publication(key, context.get("request"), work_out)
