"""Whole-page cache for anonymous visitors, emptied at once when published content changes.

Why: on 25 November or after a news story many people arrive at once, and most of them
read the same few support pages. An anonymous visitor's page is the same for everyone
(the site sets them no cookie and shows them nothing personal), so it is rendered once
and then answered from the cache (Redis with ``REDIS_URL``, shared by every app server)
without a single SQL query.

What is cached: a ``GET`` (or ``HEAD``) of a public page by a visitor without a session
or CSRF cookie, whose answer is ``200``, sets no cookie, is marked ``Cache-Control:
public`` by ``website.middleware.CacheControlMiddleware`` (so never the admin, a
preview, a page seen by a logged-in editor, or the site search, which says
``never_cache``), varies on nothing but ``Cookie``, and uses no CSP nonce (a nonce must
be new on every response). A query string is allowed only when every key is one of
``PAGE_CACHE_QUERY_PARAMETERS`` (the measure list's filters: fixed vocabularies); any
other key, such as a search's ``q``, bypasses the cache, so what a visitor typed never
becomes a cache key. Each key must come once, with a value as the site's links write it
(:func:`canonical_query`): otherwise a visitor could store the same page under endless
addresses. Keys are hashes of the address.

Invalidation: one number for the whole site, the *generation*, is stored next to the
pages, and every stored page carries the generation it was rendered under. Publishing,
unpublishing, moving or deleting a page, publishing, unpublishing or deleting a snippet
(helpline, local service, brochure, glossary term), saving or deleting anything else
the pages show (organisations, site settings, images, view restrictions, sites and
languages) adds one to it: every stored page is stale at once, on every app server,
because they all read the same number. A finer scheme (which page shows which helpline
in which language) would have to know every template's dependencies and would be wrong
the day a template changes. For a site of this size (a few hundred pages in 14
languages, a handful of editors publishing a few times a day) emptying everything costs
one render of each page read afterwards, about 50 ms once, against weeks of hits.

The number is raised at once and again when the database transaction commits: a
request that read the old rows between the two stores them under the intermediate
number, which the second raise retires.

Each process also keeps the pages it answered lately (up to ``PAGE_CACHE_LOCAL_BYTES``,
the least recently used go first) and answers from that copy while the shared generation
is the one the page was stored under: a hit reads only the generation from the shared
cache, not the page (on disk, that was a second file and its decompression; on Redis,
the page's bytes over the network).
"""

import hashlib
import logging
import re
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, get_conditional_response
from django.utils.http import parse_http_date_safe

logger = logging.getLogger(__name__)

GENERATION_KEY = "generation"
CACHE_ALIAS = "pages"
#: Response headers a cached copy must not carry: outer middleware sets them afresh.
UNSTORED_HEADERS = {"set-cookie", "content-security-policy", "x-page-cache"}
ADMIN_PREFIXES = ("/admin/", "/django-admin/", "/documents/")


def page_cache():
    return caches[CACHE_ALIAS]


class RecentPages:
    """The pages this process answered lately, by key, up to ``PAGE_CACHE_LOCAL_BYTES``.

    Only ever answered under the shared generation read in the same request (an entry
    stored under an older one is dropped when seen), and no longer than
    ``PAGE_CACHE_SECONDS`` after it was rendered, as in the shared cache."""

    def __init__(self):
        self.size = 0
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key, generation):
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            if (
                entry["generation"] != generation
                or entry["rendered"] + settings.PAGE_CACHE_SECONDS < time.time()
            ):
                self._drop(key)
                return None
            self.entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        limit = settings.PAGE_CACHE_LOCAL_BYTES
        size = len(entry["content"])
        if limit <= 0 or size > limit or "rendered" not in entry:
            return
        with self.lock:
            if key in self.entries:
                self._drop(key)
            self.entries[key] = entry
            self.size += size
            while self.size > limit:
                self._drop(next(iter(self.entries)))

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0

    def _drop(self, key):
        self.size -= len(self.entries.pop(key)["content"])


recent_pages = RecentPages()


def current_generation(cache=None):
    """The site-wide generation, created (from the clock) when missing.

    Starting from the clock rather than 1 means a Redis that lost the number (restart,
    eviction) never gives an old number back to pages stored under it."""
    cache = cache or page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def bump_generation():
    """Retire every cached page, on every app server sharing the cache."""
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # missing (never set, evicted) or Redis down
        if not cache.add(GENERATION_KEY, time.time_ns(), timeout=None):
            try:
                cache.incr(GENERATION_KEY)
            except ValueError:
                logger.error(
                    "The page cache could not be emptied (cache unavailable): pages may be stale "
                    "for up to PAGE_CACHE_SECONDS."
                )


def content_changed(**kwargs):
    """Published content changed: retire cached pages now and when the transaction commits."""
    bump_generation()
    transaction.on_commit(bump_generation)


#: A filter value as the site's own links write it: a vocabulary key, slug or id (a number
#: without leading zeros), never longer than this.
CANONICAL_VALUE = re.compile(r"(?!0[0-9])[A-Za-z0-9_-]*")
MAX_VALUE_LENGTH = 64


def canonical_query(request):
    """The query string as one sorted ``key=value`` list, or ``None`` when it is not canonical.

    Only the addresses the site's own links and filter form make are keys: allowed keys,
    each once, each value in its plain form. Anything else (a repeated filter, ``02025``
    for ``2025``, text) is answered without the cache: the same page under endless
    addresses would otherwise fill it, one entry per address."""
    allowed = settings.PAGE_CACHE_QUERY_PARAMETERS
    pairs = []
    for name in request.GET:
        values = request.GET.getlist(name)
        if name not in allowed or len(values) != 1:
            return None
        value = values[0]
        if len(value) > MAX_VALUE_LENGTH or not CANONICAL_VALUE.fullmatch(value):
            return None
        pairs.append(f"{name}={value}")
    return "&".join(sorted(pairs))


def cache_key(request):
    """A hash of scheme, host, path and (canonical) query string, or ``None`` to bypass."""
    query = canonical_query(request) if request.GET else ""
    if query is None:
        return None
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return "page." + hashlib.sha256(address.encode("utf-8")).hexdigest()


def request_may_use_cache(request):
    if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
        return False
    if request.path_info.startswith(ADMIN_PREFIXES):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or settings.CSRF_COOKIE_NAME in cookies:
        return False  # an editor (or a form): their pages are their own
    return "HTTP_AUTHORIZATION" not in request.META


def response_may_be_stored(request, response):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or isinstance(getattr(request, "_csp_nonce", None), str):
        return False
    cache_control = {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if "public" not in cache_control or cache_control & {"private", "no-store", "no-cache"}:
        return False
    vary = {
        part.strip().lower() for part in cc_delim_re.split(response.get("Vary", "")) if part.strip()
    }
    # A view that builds its answer in the site's language whatever the visitor's (the
    # open-data catalogue and API) says so; LocaleMiddleware still adds Accept-Language.
    same_everywhere = (
        {"accept-language"} if getattr(response, "same_in_every_language", False) else set()
    )
    if vary - {"cookie"} - same_everywhere:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


class PageCacheMiddleware:
    """Answer anonymous page requests from the page cache, and fill it (module docstring).

    Placed after WhiteNoise and before the session middleware: a hit needs no session,
    user or database, and the security headers (CSP, Referrer-Policy …) of the middleware
    around it are still set on every response, cached or not.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_may_use_cache(request):
            return self.get_response(request)
        key = cache_key(request)
        if key is None:
            return self.get_response(request)
        cache = page_cache()
        generation = current_generation(cache)
        entry = recent_pages.get(key, generation)
        if entry is None:
            entry = cache.get(key)
            if entry is not None and entry["generation"] == generation:
                recent_pages.put(key, entry)
        if entry is not None and entry["generation"] == generation:
            return self.from_entry(request, entry)

        response = self.get_response(request)
        if generation is not None and response_may_be_stored(request, response):
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in UNSTORED_HEADERS
            ]
            entry = {
                "generation": generation,
                "status": response.status_code,
                "headers": headers,
                "content": response.content,
                "rendered": time.time(),
            }
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
            recent_pages.put(key, entry)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def from_entry(request, entry):
        content = entry["content"]
        response = HttpResponse(
            b"" if request.method == "HEAD" else content, status=entry["status"]
        )
        for name, value in entry["headers"]:
            response[name] = value
        response["Content-Length"] = str(len(content))
        response["X-Page-Cache"] = "hit"
        if response.has_header("ETag") or response.has_header("Last-Modified"):
            # A client that has this copy (a harvester of the open-data catalogue) gets 304.
            last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
            response = get_conditional_response(
                request, etag=response.get("ETag"), last_modified=last_modified, response=response
            )
            response["X-Page-Cache"] = "hit"
        return response


# What changes published content -------------------------------------------------------

#: Apps whose every model is content a page may show (``multilingual`` and the extension's
#: apps, and this site's own): a save of a model without drafts, or any delete, is a change.
CONTENT_APPS = {"website", "multilingual", "plans", "information", "opendata"}
#: Wagtail's own models that pages show or that decide who may see a page. Not renditions:
#: they are made while a page renders, and would retire the page being stored.
WAGTAIL_CONTENT_MODELS = {
    ("wagtailcore", "site"),
    ("wagtailcore", "locale"),
    ("wagtailcore", "pageviewrestriction"),
    ("wagtailimages", "image"),
    ("wagtaildocs", "document"),
}


def shows_on_pages(model):
    meta = model._meta
    return (
        meta.app_label in CONTENT_APPS
        or (meta.app_label, meta.model_name) in WAGTAIL_CONTENT_MODELS
    )


#: What Wagtail writes to a row when a draft is saved or a page locked: nothing public.
DRAFT_BOOKKEEPING = {
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "comments",
    "wagtail_admin_comments",
    "locked",
    "locked_at",
    "locked_by",
}


def _saved(sender, instance, update_fields=None, **kwargs):
    """A save is a change unless it only wrote draft bookkeeping or saved a page or snippet
    that is not live: a draft is not public, and ``published`` tells when it becomes so.
    (A live page made in code, as ``load_demo`` or a factory does, is a change.)"""
    from wagtail.models import DraftStateMixin, Page

    is_page = issubclass(sender, Page)
    if not (is_page or shows_on_pages(sender)):
        return
    if issubclass(sender, DraftStateMixin) and (
        not instance.live or (update_fields and set(update_fields) <= DRAFT_BOOKKEEPING)
    ):
        return
    content_changed()


def _deleted(sender, **kwargs):
    from wagtail.models import Page

    if issubclass(sender, Page) or shows_on_pages(sender):
        content_changed()


def connect():
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import (
        page_published,
        page_unpublished,
        post_page_move,
        published,
        unpublished,
    )

    for signal in (page_published, page_unpublished, published, unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"page_cache-{id(signal)}")
    post_save.connect(_saved, dispatch_uid="page_cache-saved")
    post_delete.connect(_deleted, dispatch_uid="page_cache-deleted")
