"""A page's language versions for visitors and search engines: the language switcher and
``<link rel="alternate" hreflang>``.

The extension's own, so a host's pages get them (``information.frame`` puts them into a
base template that lacks them); the reference site's base template and header use the
same tags (``website.templatetags.site_tags``). A version is announced in a language only
when it is a live page of its own there, never an alias or a draft showing the Swedish
text (``multilingual.localization.page_versions``), and a private page is in no hreflang
(``information.visitors``, rule 4).
"""

from django import template
from django.utils import translation

from information.visitors import is_private
from multilingual.languages import SOURCE_LANGUAGE, language_entries
from multilingual.localization import page_versions

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


@register.inclusion_tag("information/includes/hreflang.html", takes_context=True)
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


@register.inclusion_tag("information/includes/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """The switcher a host's page gets from ``information.frame``: a disclosure listing
    the page's languages, the current one first; nothing when it exists in one only."""
    return {"languages": language_links(context, page)}
