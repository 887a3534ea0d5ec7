"""Site search for citizens, per language.

Wagtail search (the database backend: SQLite FTS here, PostgreSQL full-text in
production) over the live public pages of the visitor's language. In a language where
support pages are aliases of the Swedish ones (``information.fallback``) the alias carries the
Swedish text: such a result is a marked Swedish fallback, shown with ``lang="sv"`` and a
note, and it leads to the page under the visitor's prefix.

Nothing about a search is kept: no ``Query.add_hit`` (Wagtail's search statistics and
promotions store every query), no log line, no cookie. A query names what someone is
afraid of; it must not outlive the response.
"""

import re

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from multilingual.localization import active_locale_id

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 30


def search_results(query, locale_id):
    """``[{page, url, lang}]`` for ``query`` among the live public pages of ``locale_id``."""
    if not query or locale_id is None:
        return []
    found = list(
        Page.objects.live().public().filter(locale_id=locale_id).specific().search(query, operator="or")[:MAX_RESULTS]
    )
    originals = {
        page.pk: page
        for page in Page.objects.filter(pk__in=[p.alias_of_id for p in found if p.alias_of_id]).select_related("locale")
    }
    results = []
    for page in found:
        original = originals.get(page.alias_of_id)
        results.append({
            "page": original or page,
            "url": page.get_url(),
            "lang": original.locale.language_code if original is not None else None,
        })
    return results


@never_cache
def search(request):
    # Words only: the full-text backends give operators (quotes, OR, *) a meaning, and a
    # query they cannot parse must not become a server error.
    query = " ".join(re.sub(r"[^\w\s-]", " ", request.GET.get("q", "")).split())[:MAX_QUERY_LENGTH]
    results = search_results(query, active_locale_id())
    return render(request, "website/search.html", {"query": query, "results": results, "searched": bool(query)})
