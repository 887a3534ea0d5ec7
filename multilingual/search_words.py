"""What search reads of a page, and the other forms of its words.

Two things Wagtail's database backends do not do, done here in Python so that SQLite and
PostgreSQL find the same pages:

- **Part of a word, in the admin.** The admin's page search matches the *start* of the
  words of a title; Swedish joins words into one ("nämnd" is inside "socialnämndens"), and
  an editor also looks for a word of the text. ``text_word_endings`` indexes every ending
  of every word of the title and text as an autocomplete field (``word_endings``).
- **Other forms of a word, on the site.** SQLite's full-text index has no stemmer but
  English, and PostgreSQL stems with one configuration for every language. Each page's
  words are stemmed with Snowball in the page's language and in the source language
  (pages everywhere quote Swedish names such as "Kvinnofridslinjen" or "kontaktförbud"),
  and a query is stemmed the same way (``query_words``): "kvinnojouren" finds
  "Kvinnojourer", Arabic "عنف" finds "العنف" (the stemmer removes the article).
  Languages without a Snowball stemmer (Somali, Tigrinya, Kurdish, Ukrainian) are found
  as written.

A page also shows snippets (helplines, local services, glossary terms, brochures) chosen
in its blocks: their text, in the page's language, is part of what search reads
(``snippet_text``), so "Terrafem" or "1177" finds the pages that give the number. When a
snippet is published, the pages that show it are indexed again (``index_pages_showing``,
connected in ``information.signals``): only those, found with Wagtail's reference index.
After changing what is indexed: ``manage.py update_index``.
"""

import re
from functools import lru_cache

import snowballstemmer
from django.conf import settings
from django.db import models
from django.utils.encoding import force_str
from django.utils.html import strip_tags
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

WORD = re.compile(r"\w+")
LONGEST_WORD = 40  # longer "words" are addresses or codes, not worth every ending

# Snowball names its stemmers after the language in English (Django's language info);
# a few languages are stemmed with a close neighbour's.
STEMMER_FOR = {
    "bs": "serbian",
    "hr": "serbian",
    "sr": "serbian",
    "nb": "norwegian",
    "nn": "norwegian",
    "no": "norwegian",
}


@lru_cache
def stemmer_name(code):
    """Snowball's name for the stemmer of a language code, or None."""
    from django.utils.translation import get_language_info

    code = (code or "").split("-")[0].lower()
    name = STEMMER_FOR.get(code)
    if name is None:
        try:
            name = get_language_info(code)["name"].lower()
        except KeyError:
            return None
    return name if name in snowballstemmer.algorithms() else None


def words(text):
    """The words of ``text`` (HTML tags left out), lower case, once each, in order."""
    return list(dict.fromkeys(WORD.findall(strip_tags(force_str(text or "")).lower())))


def stems(words_, languages):
    """The stems of ``words_`` in each of ``languages`` that has a stemmer, once each,
    those that differ from every word."""
    found = {}
    for code in dict.fromkeys(languages):
        name = stemmer_name(code)
        if name is not None:
            # A new stemmer each time: Snowball's stemmers keep state, threads share modules.
            found.update(dict.fromkeys(snowballstemmer.stemmer(name).stemWords(words_)))
    given = set(words_)
    return [stem for stem in found if stem and stem not in given]


def word_endings(*texts):
    """Every ending of every word of ``texts``, two letters or more, once each, separated by
    spaces: "Socialnämnden" gives "socialnämnden ocialnämnden … nämnden ämnden … en"."""
    endings = {}
    for text in texts:
        for word in words(text):
            word = word[:LONGEST_WORD]
            endings.update(dict.fromkeys(word[start:] for start in range(len(word) - 1)))
    return " ".join(endings)


def query_words(query, language):
    """The words of a visitor's query and their stems in ``language`` and in the source
    language, for a search that finds any of them (``operator="or"``)."""
    given = words(query)
    return " ".join(given + stems(given, [language, settings.LANGUAGE_CODE]))


# A page ---------------------------------------------------------------------------------


def _text(value):
    if isinstance(value, list | tuple):
        return " ".join(_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_text(item) for item in value.values())
    return strip_tags(force_str(value)) if value is not None else ""


def _snippets_in(value):
    """The snippets chosen anywhere in a block value (streams, structs, lists)."""
    if isinstance(value, TranslatableMixin) and not isinstance(value, Page):
        yield value
    elif isinstance(value, dict):  # a struct
        for item in value.values():
            yield from _snippets_in(item)
    elif hasattr(value, "__iter__") and not isinstance(
        value, str | bytes | models.Model
    ):  # a stream or a list
        for item in value:
            yield from _snippets_in(getattr(item, "value", item))


def snippet_words(snippet):
    """What a visitor reads of a snippet: its names, texts and numbers."""
    texts = []
    for field in snippet._meta.concrete_fields:
        if (
            isinstance(field, models.CharField | models.TextField)
            and not isinstance(field, models.SlugField)
            and not field.choices
        ):
            texts.append(_text(getattr(snippet, field.attname)))
    return " ".join(text for text in texts if text)


OWN_FIELDS = {"snippet_text", "text_stems", "text_word_endings"}


class FoundByAnyWord:
    """A page found by part of any word in the admin and by other forms of its words on
    the site. Add ``SEARCH_FIELDS`` to the page's ``search_fields``; a page that shows
    snippets other than those chosen in its blocks lists them in ``searchable_snippets``."""

    def searchable_snippets(self):
        return []

    def shown_snippets(self):
        """The snippets the page shows, each as visitors of the page's language see it
        (one query per kind of snippet)."""
        from django.utils import translation

        from multilingual.localization import localized_many

        chosen = list(self.searchable_snippets())
        for field in self._meta.get_fields():
            if isinstance(field, StreamField):
                chosen.extend(_snippets_in(getattr(self, field.attname)))
        by_model = {}
        for snippet in chosen:
            by_model.setdefault(type(snippet), {})[snippet.pk] = snippet
        shown = []
        with translation.override(self._search_language()):
            for snippets in by_model.values():
                shown.extend(localized_many(snippets.values()))
        return shown

    def _search_language(self):
        from multilingual.localization import language_code_for

        return language_code_for(self.locale_id) or settings.LANGUAGE_CODE

    def _search_texts(self):
        """``(own text, snippet text)``, worked out once for the three fields the indexer
        asks for in a row (kept with the page's revision: a new one is read afresh)."""
        key = (self.pk, self.locale_id, self.latest_revision_id, self.live_revision_id, self.title)
        memo = getattr(self, "_search_texts_memo", None)
        if memo is None or memo[0] != key:
            own = " ".join(
                _text(field.get_value(self))
                for field in self.get_searchable_search_fields()
                if field.field_name not in OWN_FIELDS
            )
            memo = (key, own, " ".join(snippet_words(snippet) for snippet in self.shown_snippets()))
            self._search_texts_memo = memo
        return memo[1], memo[2]

    def snippet_text(self):
        return self._search_texts()[1]

    def text_stems(self):
        # The page's language and the source language (an alias's text is the source's).
        languages = [self._search_language(), settings.LANGUAGE_CODE]
        own, snippets = self._search_texts()
        return " ".join(stems(words(own + " " + snippets), languages))

    def text_word_endings(self):
        return word_endings(*self._search_texts())


SEARCH_FIELDS = [
    index.SearchField("snippet_text"),
    index.SearchField("text_stems"),
    index.AutocompleteField("text_word_endings"),
]


# A snippet published -------------------------------------------------------------------


def languages_showing(snippet):
    """The language codes whose visitors read this version of ``snippet`` now.

    Every language for a source-language version: a translation takes its numbers
    (``information.signals.sync_facts``) and languages without a translation of their
    own show it. Otherwise the languages that fall back to it, its own among them (one
    query per site language that is not its own, at most)."""
    from multilingual.languages import site_languages, source_language
    from multilingual.localization import in_locale, language_code_for, locale_id_for

    own = language_code_for(snippet.locale_id)
    codes = site_languages()
    if own == source_language():
        return codes
    shown = [own]
    for code in codes:
        if code != own and locale_id_for(code) is not None:
            seen = in_locale(snippet, locale_id_for(code))
            if seen is not None and seen.pk == snippet.pk:
                shown.append(code)
    return shown


def pages_showing(snippet, languages):
    """Ids of the live pages in ``languages`` that chose ``snippet`` in any of its languages
    (in a block or a related row): Wagtail's reference index, one query."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ReferenceIndex

    family = (
        type(snippet)
        .objects.filter(translation_key=snippet.translation_key)
        .values_list("pk", flat=True)
    )
    referring = ReferenceIndex.objects.filter(
        to_content_type=ReferenceIndex._get_base_content_type(snippet),
        to_object_id__in=[str(pk) for pk in family],
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("object_id", flat=True)
    return set(
        Page.objects.live()
        .filter(pk__in=[int(pk) for pk in referring], locale__language_code__in=languages)
        .values_list("pk", flat=True)
    )


def index_pages_again(page_ids):
    """Index these pages again, each as its own type, as Wagtail does after a save (in the
    background when a ``TASKS`` backend is set, at once otherwise)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.search.tasks import insert_or_update_object_task

    rows = Page.objects.filter(pk__in=page_ids).values_list("pk", "content_type_id")
    for pk, content_type_id in rows:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None and issubclass(model, index.Indexed):
            insert_or_update_object_task.enqueue(
                model._meta.app_label, model._meta.model_name, str(pk)
            )


def index_pages_showing(snippet, also=()):
    """After ``snippet`` is published: the live pages that show it, in the languages that
    read this version, are indexed again, and so are ``also`` (ids of pages that show
    every snippet of its kind in these languages, e.g. a glossary). Nothing when no search
    backend updates itself."""
    from wagtail.search.backends import get_search_backends

    if not any(True for _backend in get_search_backends(with_auto_update=True)):
        return set()
    languages = languages_showing(snippet)
    pages = pages_showing(snippet, languages) | set(also(languages) if callable(also) else also)
    index_pages_again(pages)
    return pages
