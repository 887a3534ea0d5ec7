"""Template helpers for content shown in another language than the page around it."""

from django import template
from django.db.models import Q
from django.utils import translation
from wagtail.models import Locale, Page

from multilingual import conf
from multilingual.languages import source_language
from multilingual.localization import (
    active_locale_id,
    language_code_for,
    locale_id_for,
    shown_versions,
)
from multilingual.published import once_per_publication
from multilingual.templatetags.multilingual_tags import content_lang, text_direction

register = template.Library()


@register.simple_tag(takes_context=True)
def quick_exit_url(context):
    """Where "Leave this page quickly" goes (``VINR_QUICK_EXIT_URL``)."""
    return conf.quick_exit_url(context.get("request"))


@register.simple_tag(takes_context=True)
def emergency_helpline(context):
    """The helpline every page offers (112 unless ``VINR_SITE_WIDE_HELPLINES`` says
    otherwise) as the municipality published it, in the visitor's language (once per
    publication: ``multilingual.published``)."""
    from information.models import Helpline

    # Not Locale.get_active(): that is a query on every page.
    locale_id = active_locale_id() or locale_id_for(source_language())
    line_filter = conf.site_wide_helplines_filter()

    def work_out():
        # The first line as the visitor sees it (information.visitors' order of languages).
        lines = list(
            Helpline.objects.filter(**line_filter, live=True).select_related("locale")[:20]
        )
        shown = shown_versions(lines, language_code_for(locale_id))
        return shown[0] if shown else (lines[0] if lines else None)

    key = (
        "emergency_helpline",
        locale_id,
        repr(sorted(line_filter.items())),
    )  # values may be lists
    return once_per_publication(key, context.get("request"), work_out)


@register.simple_tag(takes_context=True)
def hide_visit_url(context):
    """URL of the "Hide your visit" page chosen on the support section, in the visitor's language.

    The page is found through the section index (the current page or its parent, else the
    section of the visitor's language). When it
    is not translated into the visitor's language, the Swedish page's path is given under
    the visitor's prefix, where ``SupportIndexPage.route`` serves it with a notice.
    Worked out once per publication for each page and language.
    """
    page = context.get("page")
    request = context.get("request")
    key = (
        "hide_visit_url",
        type(page),
        getattr(page, "pk", None),
        getattr(page, "translation_key", None),
        translation.get_language(),
    )
    return once_per_publication(key, request, lambda: _hide_visit_url(page, request))


def _hide_visit_url(page, request):
    from information.models import SupportIndexPage, url_for_visitor

    index = page if isinstance(page, SupportIndexPage) else None
    if index is None:
        # The section above the page, else (the home page, a plan, a 404: the quick exit
        # is there too) the section of the visitor's language, else the Swedish one. One
        # query for all three, with the chosen page: this runs on every page of the site.
        parent_path = (
            page.path[: -page.steplen]
            if isinstance(page, Page) and page.pk and page.depth > 1
            else None
        )
        locale_ids = {active_locale_id(), locale_id_for(source_language())} - {None}
        candidates = list(
            SupportIndexPage.objects.live()
            .filter(
                Q(path=parent_path) | Q(locale_id__in=locale_ids)
                if parent_path
                else Q(locale_id__in=locale_ids)
            )
            .select_related("hide_visit_page")
            .order_by("path")
        )
        index = (
            next((p for p in candidates if p.path == parent_path), None)
            or next((p for p in candidates if p.locale_id == active_locale_id()), None)
            or next(
                (p for p in candidates if p.locale_id == locale_id_for(source_language())), None
            )
        )
    if index is None:
        return ""
    if index.alias_of_id:
        index = index.alias_of.specific
    target = index.hide_visit_page
    if target is None or not target.live:
        source = index.get_translation_or_none(
            Locale.objects.filter(language_code=source_language()).first()
        )
        target = source.specific.hide_visit_page if source is not None else None
    if target is None or not target.live:
        return ""
    if page is not None and getattr(page, "translation_key", None) == target.translation_key:
        return ""  # the visitor is reading it
    return url_for_visitor(target, request)


@register.simple_tag(takes_context=True)
def untranslated_note(context, obj):
    """A short note in the visitor's language when ``obj`` is shown in another language.

    Helplines, services, terms and cards that have no published translation are shown in
    Swedish (``multilingual.localization``, as pages in ``information.fallback``); the visitor is told so where
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
        text_direction(visitor),
        translation.gettext("(Not yet translated into your language.)"),
    )
