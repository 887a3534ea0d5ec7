"""What every page shows around its content, worked out once per publication.

Each public page looks up the same things from published content: the language versions
(``hreflang`` and the language switcher), the emergency number, the "hide your visit"
link and the accessibility statement. They are a query or two each, and together were a
third of an uncached page's time, on every request, for answers that change only when
someone publishes (a few times a day).

The site says how to know that published content changed: ``VINR_PUBLICATION_GENERATION``
names a function that returns a number that changes whenever it does (the reference
site: its page cache's generation, ``website.page_cache.current_generation``, which
every app server reads from the same cache). Each process keeps the answers it worked
out under the number they were worked out under, and forgets them all when it sees
another number: the request after a publish, on every app server, works them out again.
Without the setting nothing is kept between requests.

Only answers that depend on nothing but published content and the key belong here (no
user, no draft, no query string): the key names everything else the answer reads, and
the request's host name is added to it here (addresses depend on the site). A preview
works everything out afresh: it shows a draft.
"""

import threading

from django.utils.module_loading import import_string

from multilingual.conf import setting

#: More keys than this (pages × languages × host names) and the process starts over.
MAX_ENTRIES = 20_000

_lock = threading.Lock()
_answers = {}
_generation = [None]


def current_generation(request=None):
    """The site's publication number, read once per request; None without the setting."""
    if request is not None and hasattr(request, "_publication_generation"):
        return request._publication_generation
    path = setting("VINR_PUBLICATION_GENERATION")
    value = import_string(path)() if path else None
    if request is not None:
        request._publication_generation = value
    return value


#: What ``recall`` answers when nothing is kept for a key.
MISSING = object()


def _where(key, request):
    """``(generation, key with the host name)``, or None when nothing may be kept: in a
    preview (it shows the draft, not what is published) or without a publication number."""
    if getattr(request, "is_preview", False):
        return None
    generation = current_generation(request)
    if generation is None:
        return None
    return generation, ((*key, request.get_host()) if request is not None else key)


def recall(key, request):
    """The answer kept for ``key`` since the last publication, or ``MISSING``."""
    where = _where(key, request)
    if where is None:
        return MISSING
    generation, key = where
    with _lock:
        if _generation[0] != generation or len(_answers) > MAX_ENTRIES:
            _answers.clear()
            _generation[0] = generation
        return _answers.get(key, MISSING)


def remember(key, request, answer):
    """Keep ``answer`` for ``key`` until the next publication. Worked out after a ``recall``
    in the same request: the number that request read is the one kept."""
    where = _where(key, request)
    if where is None:
        return
    generation, key = where
    with _lock:
        if _generation[0] == generation:
            _answers[key] = answer


def once_per_publication(key, request, work_out):
    """``work_out()``, or the answer it gave for ``key`` since the last publication."""
    answer = recall(key, request)
    if answer is MISSING:
        answer = work_out()
        remember(key, request, answer)
    return answer


def forget():
    """Forget every answer (tests that change published rows without Wagtail's signals)."""
    with _lock:
        _answers.clear()
        _generation[0] = None
