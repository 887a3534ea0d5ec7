"""Which version of a page or snippet a visitor sees: the one authority.

For a visitor reading language X (a page family is a page and its translations and
aliases, one ``translation_key``):

1. The family's page live in X, and not an alias, is shown as it is.
2. Else the live page of the first of ``VINR_FALLBACK_LANGUAGES`` that has one (sv, then
   en) is shown at the visitor's own address, with a notice: a fallback. An alias, or a
   translation nobody has published yet, counts as missing in its language.
3. A source-language page taken offline (unpublished, not deleted) takes its fallbacks
   with it: an editor who takes a page down expects it down. Live translations stay.
4. A family is private in every language when any of its pages, or a page above one, has
   a view restriction (Wagtail's privacy setting): it is never listed, never in the
   sitemap or hreflang, and served only behind that restriction (``MirroredPage``).
5. Snippets (helplines, services, terms, brochures) follow the same order of languages,
   ``multilingual.localization.visitor_languages``, which ``plans`` uses too.

Routing (``SupportIndexPage.route``), the section's list, links (``url_for_visitor``),
menus, the sitemap, hreflang, the glossary, helplines and brochures ask here; none keeps
its own version of the rule. The synchronised tree that gives every language an alias
is ``information.fallback``'s.
"""

from dataclasses import dataclass

from django.apps import apps
from django.core.signals import request_started
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from multilingual.conf import fallback_languages
from multilingual.languages import source_language
from multilingual.localization import (
    in_locale,
    language_code_for,
    locale_id_for,
    shown_versions,
    visitor_languages,
)
from multilingual.published import once_per_publication

__all__ = [
    "Shown",
    "child_for_slug",
    "choose",
    "for_visitor",
    "helplines_offering",
    "is_fallback_language",
    "is_private",
    "private_keys",
    "section_listing",
    "section_page_for_visitor",
    "snippet_for_visitor",
    "speakers_first",
    "terms_for_visitor",
    "url_for_visitor",
    "visitor_languages",
]


@dataclass(frozen=True)
class Shown:
    """What a visitor reading ``language`` gets for a page family: the page whose text they
    read, and ``fallback_from`` (the visitor's language code) when that text is in another
    language and the visitor is told so (rule 2)."""

    page: Page
    language: str
    fallback_from: str | None
    #: The family's page in the visitor's language that is not shown (an alias, a draft).
    stand_in: Page | None = None
    #: Rule 4: shown only behind a view restriction (a password, a login).
    private: bool = False

    @property
    def is_fallback(self):
        return self.fallback_from is not None

    @property
    def viewable_publicly(self):
        """Whether an anonymous visitor may read it: what listings, search and sitemaps ask."""
        return not self.private

    def url(self, request=None, parent_url=None):
        """The address under the visitor's own language prefix (rule 2).

        The shown page's own address when it is in the visitor's language; else
        ``parent_url`` (the visitor's version of the page above, when the caller knows it)
        followed by the page's slug; else the address of the nearest page above it that
        exists in the visitor's language, followed by the slugs below it, where
        ``SupportIndexPage.route`` serves the fallback. Without any (no home page in that
        language) the fallback page's own address.
        """
        if not self.is_fallback:
            return self.page.get_url(request=request) or ""
        if parent_url:
            return f"{parent_url}{self.page.slug}/"
        if self.stand_in is not None and self.stand_in.slug == self.page.slug:
            return self.stand_in.get_url(request=request) or ""
        slugs = [self.page.slug]
        for ancestor in reversed(self.page.get_ancestors().filter(depth__gt=1)):
            version = Page.objects.filter(
                translation_key=ancestor.translation_key, locale_id=locale_id_for(self.language)
            ).first()
            if version is not None:
                base = version.get_url(request=request)
                if base:
                    return base + "".join(f"{slug}/" for slug in reversed(slugs))
                break
            slugs.append(ancestor.slug)
        return self.page.get_url(request=request) or ""


def _shown_as_itself(page):
    return page is not None and page.live and not page.alias_of_id


def choose(versions, language, private=False):
    """The rule (1 to 3) on one family's pages ``{locale id: page}``: a ``Shown`` or None."""
    own = versions.get(locale_id_for(language))
    if _shown_as_itself(own):
        return Shown(own, language, None, private=private)
    source = versions.get(locale_id_for(source_language()))
    if source is not None and not source.live and not source.alias_of_id:
        return None  # rule 3: taken down in the source language, so down everywhere it stood in
    for code in fallback_languages():
        found = versions.get(locale_id_for(code))
        if _shown_as_itself(found):
            return Shown(found, language, language, stand_in=own, private=private)
    return None


def for_visitor(page, language):
    """What a visitor reading ``language`` (a code) sees for ``page`` (any page of its
    family: the source, a translation, an alias or a draft), or None when nothing is
    shown. Two queries for pages of a known type (locale ids are cached)."""
    model = page.specific_class or Page
    versions = {
        version.locale_id: version
        for version in model.objects.filter(translation_key=page.translation_key)
    }
    return choose(versions, language, private=is_private(page))


def is_fallback_language(code):
    """Whether pages in ``code`` are what other languages fall back to (no notice there)."""
    return code in fallback_languages()


# Privacy (rule 4) -------------------------------------------------------------------------

_PRIVATE = {}


def _forget_private(**kwargs):
    _PRIVATE.clear()


# Read again in each request and after any save (a page added below a protected one).
request_started.connect(
    _forget_private, dispatch_uid="information.visitors.request_started", weak=False
)
for _signal in (post_save, post_delete):
    _signal.connect(_forget_private, dispatch_uid=f"information.visitors.{id(_signal)}", weak=False)


def _read_private_keys():
    paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    if not paths:
        return frozenset()
    below = Q()
    for path in paths:
        below |= Q(path__startswith=path)
    return frozenset(Page.objects.filter(below).values_list("translation_key", flat=True))


def private_keys():
    """The ``translation_key`` of every page at or below a page with a view restriction:
    those families are private in every language (rule 4). Worked out once per
    publication (``multilingual.published``; saving or deleting a restriction is one)."""
    if "keys" not in _PRIVATE:
        _PRIVATE["keys"] = once_per_publication(
            ("information.private_keys",), None, _read_private_keys
        )
    return _PRIVATE["keys"]


def is_private(page):
    """Whether ``page``'s family is shown only behind a view restriction (rule 4)."""
    return page.translation_key in private_keys() if private_keys() else False


def family_view_restrictions(page):
    """The view restrictions on any page of ``page``'s family or above one: what serving
    any of its pages asks for (``MirroredPage.get_view_restrictions``)."""
    above = {
        path[:end]
        for path in Page.objects.filter(translation_key=page.translation_key).values_list(
            "path", flat=True
        )
        for end in range(Page.steplen, len(path) + 1, Page.steplen)
    }
    return PageViewRestriction.objects.filter(page__path__in=above)


# Listings and links -----------------------------------------------------------------------


def section_listing(index, language=None, request=None):
    """Every page below the section ``index`` a visitor reading ``language`` can open there,
    as ``(shown, url)``: the family's ``Shown`` and its address under the visitor's prefix.

    Private families are left out. Exactly what ``SupportIndexPage.route`` serves at those
    addresses; in the order of the visitor's own tree, then pages only a fallback has.
    """
    language = language or language_code_for(index.locale_id)
    locale_ids = [locale_id_for(code) for code in visitor_languages(language)]
    sections = list(
        Page.objects.filter(
            translation_key=index.translation_key, locale_id__in=[i for i in locale_ids if i]
        ).values_list("path", flat=True)
    )
    if not sections:
        return []
    below = Q()
    for path in sections:
        below |= Q(path__startswith=path, depth=len(path) // Page.steplen + 1)
    families = {}
    for child in Page.objects.filter(below).specific().order_by("path"):
        families.setdefault(child.translation_key, {})[child.locale_id] = child
    hidden = private_keys()
    own_id = locale_id_for(language)
    base = index.get_url(request=request)
    entries = []
    for key, versions in families.items():
        shown = choose(versions, language, private=key in hidden)
        if shown is None or shown.private:
            continue
        order = (0, versions[own_id].path) if own_id in versions else (1, shown.page.path)
        entries.append((order, shown, shown.url(request, parent_url=base)))
    entries.sort(key=lambda entry: entry[0])
    return [(shown, url) for _order, shown, url in entries]


def child_for_slug(index, slug):
    """The page an address ``<index>/<slug>/`` names when the visitor's own tree has no
    live page there: the live child at ``slug`` of the section in the first fallback
    language that has one (its family then goes through ``for_visitor``)."""
    language = language_code_for(index.locale_id)
    for code in fallback_languages():
        if code == language:
            continue
        source_index = Page.objects.filter(
            translation_key=index.translation_key, locale_id=locale_id_for(code), live=True
        ).first()
        if source_index is None:
            continue
        child = source_index.get_children().live().filter(slug=slug).specific().first()
        if child is not None:
            return child
    return None


def url_for_visitor(page, request=None):
    """The address of a support-section page in the visitor's language.

    Its live page in that language where there is one; otherwise an address under the
    visitor's prefix, where ``SupportIndexPage.route`` serves the fallback with a notice
    in the visitor's language. A link never drops a visitor into another language's
    prefix (``/sv/``), whose switcher and texts are then no longer theirs.
    """
    language = translation.get_language()
    shown = for_visitor(page, language) if locale_id_for(language) is not None else None
    if shown is None:
        return page.get_url(request=request) or ""
    return shown.url(request)


def section_page_for_visitor(model, request=None):
    """``(page, url)`` of the support section's one ``model`` page (brochures, glossary;
    a model or ``"app_label.ModelName"``): a page of the family and its address for the
    visitor (``url_for_visitor``). Kept on the request: a support page links to the
    glossary from several blocks."""
    if isinstance(model, str):
        model = apps.get_model(model)
    cache = getattr(request, "_section_pages", None)
    key = (model, translation.get_language())
    if cache is not None and key in cache:
        return cache[key]
    page = model.objects.live().filter(alias_of__isnull=True).order_by("pk").first()
    result = (page, url_for_visitor(page, request) if page is not None else "")
    if request is not None:
        if cache is None:
            cache = request._section_pages = {}
        cache[key] = result
    return result


# Snippets (rule 5) ------------------------------------------------------------------------


def snippet_for_visitor(obj, language):
    """``obj`` (a snippet, any language) as a visitor reading ``language`` sees it, or None."""
    return in_locale(obj, locale_id_for(language))


def terms_for_visitor(language):
    """Every published glossary term a visitor reading ``language`` sees, sorted; a term
    in another language is marked ``fallback``."""
    GlossaryTerm = apps.get_model("information", "GlossaryTerm")
    own = locale_id_for(language)
    terms = shown_versions(GlossaryTerm.objects.filter(live=True), language)
    for term in terms:
        term.fallback = term.locale_id != own
    terms.sort(key=lambda t: t.term.lower())
    return terms


def helplines_offering(language_code, model=None):
    """Published helplines (or ``model``: local services) that answer in ``language_code``,
    each as a visitor reading that language sees it."""
    model = model or apps.get_model("information", "Helpline")
    lines = model.objects.filter(live=True).select_related("locale")
    return [
        line
        for line in shown_versions(lines, language_code)
        if language_code in line.language_codes
    ]


def speakers_first(contacts, language_code):
    """Contacts (helplines, services) that answer in ``language_code`` first, the
    emergency number (112) still before all; otherwise the order is kept (a stable sort)."""
    return sorted(
        contacts,
        key=lambda c: (
            not getattr(c, "is_emergency", False),
            language_code not in c.language_codes,
        ),
    )
