"""Wagtail's database search backend, for queries as people type them.

SQLite's full-text index (FTS5) and PostgreSQL's ``to_tsquery`` give quotes, brackets,
``*``, ``:`` and the like a meaning; modelsearch passes a term to them in quotes without
escaping a double quote, so ``"Kvinno`` (a search that starts with a quote) was a syntax
error and a server error in every admin listing and chooser. The words are all both
indexes keep (they split text at every other sign), so this backend searches for the
words of the query alone, and a query without words finds nothing.

Set it as the ``BACKEND`` of ``WAGTAILSEARCH_BACKENDS`` instead of
``wagtail.search.backends.database``; it is that backend in every other way.
"""

import copy
import re

from modelsearch.backends.base import EmptySearchResults
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.query import And, Boost, Fuzzy, Not, Or, Phrase, PlainText

NOT_A_WORD = re.compile(r"[^\w\s]+")


def words_of(text):
    """The words of ``text`` separated by single spaces (signs become spaces)."""
    return " ".join(NOT_A_WORD.sub(" ", text or "").split())


def words_only(query):
    """``query`` (a string or a modelsearch query) with only words left, or None when no
    word is left."""
    if isinstance(query, str):
        return words_of(query) or None
    if isinstance(query, PlainText | Fuzzy):
        words = words_of(query.query_string)
        if not words:
            return None
        query = copy.copy(query)
        query.query_string = words
        return query
    if isinstance(query, Phrase):
        words = words_of(query.query_string)
        return Phrase(words) if words else None
    if isinstance(query, And | Or):
        subqueries = [
            sub for sub in (words_only(sub) for sub in query.subqueries) if sub is not None
        ]
        return type(query)(subqueries) if subqueries else None
    if isinstance(query, Not):
        subquery = words_only(query.subquery)
        return Not(subquery) if subquery is not None else None
    if isinstance(query, Boost):
        subquery = words_only(query.subquery)
        return Boost(subquery, query.boost) if subquery is not None else None
    return query  # MatchAll and the like: no text


class WordsOnly:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        query = words_only(query)
        if query is None:
            return EmptySearchResults()
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


def SearchBackend(params):  # Wagtail looks the backend up by this name
    backend = database_backend(params)  # SQLite FTS5 or PostgreSQL, by the database
    backend.__class__ = type(f"WordsOnly{type(backend).__name__}", (WordsOnly, type(backend)), {})
    return backend
