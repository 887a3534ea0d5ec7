"""Template helpers for text in several languages: which language a thing is in, its
direction, and dates as the visitor's language writes them.

Shared by the extension's templates (``plans``, ``information``) and the host site's.
"""

import datetime

from django import template
from django.utils import formats, timezone
from django.utils.html import format_html

from multilingual.languages import direction
from multilingual.localization import language_code_for

register = template.Library()


@register.filter
def content_lang(obj):
    """The language code of a translatable object (a snippet or a page)."""
    return language_code_for(getattr(obj, "locale_id", None))


@register.filter
def content_dir(obj):
    """``rtl`` or ``ltr``: the direction of a translatable object's language."""
    return text_direction(content_lang(obj))


@register.simple_tag
def text_direction(language_code):
    """``rtl`` or ``ltr`` for a language code, for content shown in another language."""
    return direction(language_code)


@register.simple_tag
def local_date(value):
    """``<time datetime="2025-01-31">31 januari 2025</time>``: a date as the visitor's
    language writes it (its ``DATE_FORMAT``; ``multilingual/formats`` for the languages
    Django writes no or a misleading format for), and in ISO 8601 for machines."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        day = value.date()  # the local day: 00:30 in Stockholm is not yesterday
    else:
        day = value
    return format_html(
        '<time datetime="{}">{}</time>', day.isoformat(), formats.date_format(value, "DATE_FORMAT")
    )


@register.simple_tag(takes_context=True)
def text_in_another_language(context, page=None):
    """The language code of ``page``'s text when it is not the visitor's and the page does
    not say so itself, else "".

    A language without its own home page yet routes into the Swedish tree
    (``/ckb/handlingsplaner/``), and a home page's alias shows the Swedish one: the base
    template then marks the content ``lang="sv"`` and tells the visitor, in their language.
    Pages that handle their own fallback (the support section: ``fallback_from`` in the
    context, even empty) are left to do so.
    """
    if "fallback_from" in context or not getattr(page, "pk", None):
        return ""
    from django.utils import translation
    from wagtail.models import Page

    locale_id = page.locale_id
    if getattr(page, "alias_of_id", None):
        locale_id = (
            Page.objects.filter(pk=page.alias_of_id).values_list("locale_id", flat=True).first()
        )
    code = language_code_for(locale_id)
    return code if code and code != translation.get_language() else ""
