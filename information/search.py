"""Site search for citizens, per language.

Wagtail search (the database backend: SQLite FTS here, PostgreSQL full-text in
production) over the live public pages of the visitor's language. In a language where
support pages are aliases of the Swedish ones (``information.fallback``) the alias carries the
Swedish text: such a result is a marked Swedish fallback, shown with ``lang="sv"`` and a
note, and it leads to the page under the visitor's prefix.

A page is found by the words visitors read on it: its text, the helplines, local services
and glossary terms it shows, in any form of the word where the language has a stemmer
(``multilingual.search_words``). Nothing behind a password or a login is ever listed.

Nothing about a search is kept: no ``Query.add_hit`` (Wagtail's search statistics and
promotions store every query), no log line, no cookie. A query names what someone is
afraid of; it must not outlive the response.
"""

import re

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from information.visitors import is_private
from multilingual.conf import base_template
from multilingual.localization import active_locale_id, language_code_for
from multilingual.search_words import query_words, words

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 30


def search_results(query, locale_id):
    """``[{page, url, lang}]`` for ``query`` among the live public pages of ``locale_id``.

    The query's words are looked for with their stems in the visitor's language and in
    Swedish, as each page's words are indexed (``multilingual.search_words``). A page is
    left out when it, its source or any translation of it is behind a password or a login
    (Wagtail's view restrictions): an alias in another language carries the restricted
    Swedish text, and a title in a list of results already says too much.
    """
    if not query or locale_id is None:
        return []
    words = query_words(query, language_code_for(locale_id))
    if not words:
        return []
    pages = Page.objects.live().public().filter(locale_id=locale_id).specific()
    found = list(pages.search(words, operator="or")[: MAX_RESULTS * 2])
    hidden = _restricted_sources(found)
    found = [page for page in found if page.pk not in hidden][:MAX_RESULTS]
    originals = {
        page.pk: page
        for page in Page.objects.filter(
            pk__in=[p.alias_of_id for p in found if p.alias_of_id]
        ).select_related("locale")
    }
    results = []
    for page in found:
        original = originals.get(page.alias_of_id)
        results.append(
            {
                "page": original or page,
                "url": page.get_url(),
                "lang": original.locale.language_code if original is not None else None,
            }
        )
    return results


def matching_helplines(query, locale_id, limit=5):
    """Published helplines whose name or number holds a word of ``query`` (in the
    visitor's language or Swedish), each shown in the visitor's language: someone who
    searches for "Terrafem" or "1177" gets the number at once."""
    from django.conf import settings
    from django.db.models import Q

    from information.models import Helpline
    from multilingual.localization import locale_id_for, localized_many

    match = Q()
    for word in words(query):
        if len(word) > 1:
            match |= (
                Q(name__icontains=word)
                | Q(phone_number__contains=word)
                | Q(alternative_number__contains=word)
            )
    if not match:
        return []
    rows = Helpline.objects.filter(
        match, live=True, locale_id__in=[locale_id, locale_id_for(settings.LANGUAGE_CODE)]
    )
    chosen = {}
    for row in rows.order_by("-is_emergency", "name", "pk"):
        chosen.setdefault(row.translation_key, row)
    return localized_many(list(chosen.values())[:limit])


def _restricted_sources(pages):
    """The ids of ``pages`` whose family (source, translations, alias target) is private:
    the visitors' rule (``information.visitors.is_private``), not a copy of it."""
    targets = {
        page.pk: page
        for page in Page.objects.filter(pk__in={p.alias_of_id for p in pages if p.alias_of_id})
    }
    return {
        p.pk
        for p in pages
        if is_private(p) or (p.alias_of_id in targets and is_private(targets[p.alias_of_id]))
    }


@never_cache
def search(request):
    # Words only: the full-text backends give operators (quotes, OR, *) a meaning, and a
    # query they cannot parse must not become a server error.
    query = " ".join(re.sub(r"[^\w\s-]", " ", request.GET.get("q", "")).split())[:MAX_QUERY_LENGTH]
    locale_id = active_locale_id()
    results = search_results(query, locale_id)
    helplines = matching_helplines(query, locale_id) if query and locale_id is not None else []
    context = {"query": query, "results": results, "helplines": helplines, "searched": bool(query)}
    return render(request, "information/search.html", {"base_template": base_template(), **context})
