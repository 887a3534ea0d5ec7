"""The translator groups, completed once each language's home page exists (docs/roles.md).

Translators may translate other languages' pages and submit them for review; they may
not change the Swedish source, nor publish, unpublish or delete (Wagtail's page
permissions on each language's tree root; wagtail-localize has no per-language
permissions). The groups are roles (``editorial.roles``); their limits on snippets and
on wagtail-localize's views: ``translations.translator_permissions``.
"""

from django.db import transaction
from wagtail.models import Page, Site

from editorial.roles import ensure_roles, translator_groups
from multilingual.languages import SITE_LANGUAGES, SOURCE_LANGUAGE


def language_roots(codes):
    """Each language's tree root: the translation of the default site's root page."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return {}
    return {
        page.locale.language_code: page
        for page in Page.objects.filter(
            translation_key=site.root_page.translation_key, locale__language_code__in=codes
        ).select_related("locale")
    }


@transaction.atomic
def setup_translators(languages=None):
    """Complete the translator groups; returns {group name: [language codes]}.

    The groups themselves — "Översättare" for every language and "Översättare – العربية"
    and so on, one per language — are made by ``manage.py vinr_setup`` (``editorial.roles``; the
    reference site's data migration makes them too). What a migration cannot do is give a group its page
    permissions in a language whose home page does not exist yet: run this after
    translating the home page into a new language (``load_demo`` runs it). It also
    brings older installs to the current rule — translators translate and submit for
    review; they do not publish, unpublish or delete (docs/roles.md) — and makes the
    other roles and the review workflow if they are missing. Running it again changes
    nothing.

    ``languages`` (default: all but Swedish) are the languages whose home page must
    exist; the groups of these languages are returned.
    """
    all_codes = [code for code, *_rest in SITE_LANGUAGES if code != SOURCE_LANGUAGE]
    unknown = sorted(set(languages or []) - set(all_codes))
    if unknown:
        raise ValueError(
            f"Unknown or source language(s): {', '.join(unknown)}. Choose from: {', '.join(all_codes)}."
        )
    codes = [code for code in all_codes if not languages or code in languages]
    roots = language_roots(codes)
    missing = [code for code in codes if code not in roots]
    if missing:
        raise ValueError(
            f"No home page in: {', '.join(missing)}. Translate the home page into these languages first "
            "(or run load_demo)."
        )
    ensure_roles()
    return {
        name: [code for code in group_codes if code in codes]
        for name, group_codes in translator_groups().items()
        if set(group_codes) & set(codes)
    }
