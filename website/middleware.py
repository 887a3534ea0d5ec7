"""Response headers that keep a visit private and safe, a 400 for a malformed admin form, and
the request's Wagtail site and page found once per publication."""

import logging
import pickle
import traceback

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import Http404, HttpResponseBadRequest
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language, pgettext
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from multilingual.published import MISSING, once_per_publication, recall, remember

logger = logging.getLogger(__name__)

#: Where Wagtail keeps the request's site and route, as the docstrings of
#: ``Site.find_for_request`` and ``Page.route_for_request`` say: the memos below fill them.
SITE_ATTRIBUTE = "_wagtail_site"
ROUTE_ATTRIBUTE = "_wagtail_route_for_request"


class ReferrerPolicyMiddleware:
    """``no-referrer`` on public pages, ``same-origin`` in the admin.

    A visitor's next site must not learn which support page they came from, so public
    pages send no referrer at all. The admin cannot work that way: with ``no-referrer``
    browsers post forms with ``Origin: null`` and Django's CSRF check rejects the login.
    ``same-origin`` still sends nothing to other sites.
    """

    ADMIN_PREFIXES = ("/admin/", "/django-admin/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.ADMIN_PREFIXES):
            response["Referrer-Policy"] = "same-origin"
        else:
            response["Referrer-Policy"] = "no-referrer"
        return response


ADMIN_PREFIXES = ReferrerPolicyMiddleware.ADMIN_PREFIXES


class PermissionsPolicyMiddleware:
    """``Permissions-Policy`` from ``settings.PERMISSIONS_POLICY`` on every response.

    Nothing on the site needs the camera, the microphone or the visitor's position; the
    header denies them to the page and to anything it might ever embed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = policy
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with ``settings.ADMIN_CONTENT_SECURITY_POLICY`` in the admin.

    Public pages get the strict ``CONTENT_SECURITY_POLICY`` (no inline script or style at
    all). Wagtail's admin still uses inline scripts and styles, so it gets the looser
    policy Wagtail can work with; it stays limited to the site's own origin. Both allow
    images from ``settings.MEDIA_ORIGINS`` (the object storage's host, from the
    environment), and nothing else from it.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(ADMIN_PREFIXES)
        ):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
        origins = getattr(settings, "MEDIA_ORIGINS", [])
        if origins and not report_only:
            # Images in object storage (settings.MEDIA_ORIGINS), in both policies: the logo,
            # plan images and the admin's thumbnails are served from the bucket's host.
            update = dict(parts.update or {})
            update["img-src"] = [*(update.get("img-src") or []), *origins]
            parts.update = update
        return parts


class CacheControlMiddleware:
    """``Cache-Control`` a CDN can act on: public pages for a while, the admin never.

    An anonymous visitor's page is the same for everyone, so a CDN or the browser may
    keep it ``PUBLIC_CACHE_SECONDS``. The admin, anything shown to a logged-in user
    (previews, the user bar) and any response that sets a cookie are ``private, no-store``:
    a shared cache must never hand one person's page to another. A view that sets its
    own ``Cache-Control`` keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if self._is_personal(request, response):
            patch_cache_control(response, private=True, no_store=True)
        elif request.method in ("GET", "HEAD") and response.status_code == 200:
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_SECONDS)
        return response

    @staticmethod
    def _is_personal(request, response):
        if request.path_info.startswith(ADMIN_PREFIXES) or response.cookies:
            return True
        if not request.COOKIES:  # an anonymous visitor has none: no session to load
            return False
        user = getattr(request, "user", None)
        return bool(user is not None and user.is_authenticated)


class MalformedAdminPostMiddleware:
    """A hand-made or truncated admin form POST answers 400, not 500.

    Wagtail's StreamField and ListBlock widgets read their form data without checking it
    (``data["body-count"]``, ``int(...)``): a POST without the block counts, as a script
    or a broken proxy may send, raised ``MultiValueDictKeyError`` and the admin answered
    500. Only that case is turned into 400: an admin POST whose error was raised while a
    block read its form data (``value_from_datadict``). Every other error stays an error.
    """

    READERS = {"value_from_datadict"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if request.method != "POST" or not request.path_info.startswith(ADMIN_PREFIXES):
            return None
        if not isinstance(exception, (KeyError, ValueError, TypeError)):
            return None
        frames = traceback.extract_tb(exception.__traceback__)
        if not any(
            frame.name in self.READERS and "/wagtail/blocks/" in frame.filename for frame in frames
        ):
            return None
        logger.warning("Malformed admin form POST to %s: %r", request.path_info, exception)
        return HttpResponseBadRequest(
            pgettext(
                "admin",
                "The form arrived incomplete and was not saved. Reload the page and try again.",
            ),
            content_type="text/plain; charset=utf-8",
        )


class KnownSiteMiddleware:
    """Which Wagtail site answers the request's host name, worked out once per publication.

    Wagtail finds it with a query on every request (``Site.find_for_request``) and keeps
    the answer on ``request._wagtail_site``, the place its docstring names. Sites are
    content (saving one is a publication, ``website.page_cache``), so the answer is kept
    (``multilingual.published``) under the host name and port Wagtail reads, pickled as
    the routing memo keeps its pages: each request gets its own copy (the site carries
    its root page once a request reads it), about 20 µs. After ``CommonMiddleware``,
    which refuses host names not in ``ALLOWED_HOSTS``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not hasattr(request, SITE_ATTRIBUTE):
            key = ("wagtail_site", request._get_raw_host(), request.get_port())
            kept = once_per_publication(
                key, request, lambda: pickle.dumps(Site.find_for_request(request))
            )
            setattr(request, SITE_ATTRIBUTE, pickle.loads(kept))
        return self.get_response(request)


class KnownRouteMiddleware:
    """Which page answers a public address, worked out once per publication.

    Wagtail routes every request down the tree: the root page in the visitor's language,
    then for each level a query for the child with the next slug and another for its
    specific type. The pages on the way change only when someone publishes, so the first
    request for an address after a publication routes as Wagtail does, and the page found
    is kept (``multilingual.published``, pickled: each request gets its own copy). Later
    requests for the address call only that page's own ``route`` with the rest of the
    path, so its checks (live, sub-pages of a routable page) still run on every request.
    View restrictions are Wagtail's ``before_serve_page`` hook, as before. Measured with
    ``bench/routing_bench.py``: 10–35 % of an uncached page's time.

    The answer is handed to Wagtail where ``Page.route_for_request`` documents that it
    keeps it (``request._wagtail_route_for_request``), so ``wagtail.views.serve`` and
    anything else asking for the request's page use it. Kept only when that shortcut
    gives the same answer as Wagtail's routing (checked when it is kept) and the page is
    the one at that address in the language's tree: a page reached by a custom ``route``
    (a support page shown in Swedish where it has no translation) is routed afresh on
    every request. An address is kept only once it has been answered ``200``, so
    addresses that do not exist (a measure number made up) add nothing; and each page is
    kept once, not once per address.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        to_keep = getattr(request, "_route_to_keep", None)
        if to_keep is not None and response.status_code == 200:
            for key, answer in to_keep:
                remember(key, request, answer)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve or hasattr(request, ROUTE_ATTRIBUTE):
            return None
        site = Site.find_for_request(request)
        if site is None:
            return None
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        key = ("wagtail_route", site.pk, get_language(), path)
        known = recall(key, request)
        if known is None:
            return None  # routed afresh: a custom route decides
        if known is not MISSING:
            page_pk, remaining = known
            page = recall(self.page_key(site, page_pk), request)
            if page is not MISSING:
                try:
                    setattr(request, ROUTE_ATTRIBUTE, self.route(request, page, remaining))
                except Http404:
                    pass  # Wagtail routes it, as without this middleware
                return None
        request._route_to_keep = self.work_out(request, site, path, key)
        return None

    @staticmethod
    def page_key(site, page_pk):
        """A page is kept once, whatever the addresses below it."""
        return ("wagtail_route_page", site.pk, get_language(), page_pk)

    @staticmethod
    def route(request, page, remaining):
        return pickle.loads(page).route(request, list(remaining))

    @staticmethod
    def outcome(result):
        """What a route result serves, comparable across copies of the same pages: a
        routable page's view is a method bound to its page (compared by identity)."""

        def plain(value):
            return getattr(value, "__func__", value)

        return (
            type(result.page),
            result.page.pk,
            [plain(arg) for arg in result.args],
            result.kwargs,
        )

    @classmethod
    def work_out(cls, request, site, path, key):
        """Route as Wagtail does; what to keep if the answer is 200: ``[(key, answer)]``."""
        found = Page.route_for_request(request, path)
        if found is None:
            return None  # a 404: nothing to keep
        page = found.page
        root = site.root_page.localized
        components = [component for component in path.split("/") if component]
        consumed = page.depth - root.depth
        if not (0 <= consumed <= len(components) and page.path.startswith(root.path)):
            return [(key, None)]
        if page.url_path != root.url_path + "".join(
            f"{component}/" for component in components[:consumed]
        ):
            return [(key, None)]  # not the page at this address: a custom route chose it
        kept = pickle.dumps(page, pickle.HIGHEST_PROTOCOL)
        remaining = tuple(components[consumed:])
        try:
            again = cls.route(request, kept, remaining)
        except Http404:
            return [(key, None)]
        if cls.outcome(again) != cls.outcome(found):
            return [(key, None)]
        return [(cls.page_key(site, page.pk), kept), (key, (page.pk, remaining))]
