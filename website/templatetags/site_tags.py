"""Template tags for the reference site: the footer's links, the logo; the language
switcher's entries and hreflang, which are the extension's
(``information.templatetags.page_languages``).

Dates and text direction: ``multilingual_tags``; the emergency number: ``information_tags``.
"""

from django import template
from django.db import models
from wagtail.models import Page

from information.templatetags import page_languages
from multilingual.published import once_per_publication

register = template.Library()


# The switcher's entries and hreflang are the extension's (a host gets them from
# information.frame); this site's base template and header name them through this library.
register.simple_tag(takes_context=True)(page_languages.language_links)
register.inclusion_tag("information/includes/hreflang.html", takes_context=True)(
    page_languages.hreflang_links
)


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
            .filter(
                translation_key__in=Page.objects.filter(pk=statement_id).values("translation_key")
            )
            .filter(models.Q(locale_id=locale_id) | models.Q(pk=statement_id))
        )
        target = next((p for p in versions if p.pk != statement_id), None) or next(
            iter(versions), None
        )
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
        return rendition.img_tag(
            {"alt": site_settings.municipality_name, "class": "site-header__logo"}
        )

    key = ("site_logo", site_settings.logo_id, site_settings.municipality_name)
    return once_per_publication(key, context.get("request"), work_out)
