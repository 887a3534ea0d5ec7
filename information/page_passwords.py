"""Wagtail's page-password form, with a limit on guessing.

Wagtail's own view (``wagtail.views.authenticate_with_password``) answers every wrong
password with the form again, as often as anyone asks: a short password on a page for
relatives or staff falls to a script. Here each client address gets
``VINR_PAGE_PASSWORD_TRIES`` tries per protected page (restriction) in
``VINR_PAGE_PASSWORD_WINDOW`` seconds, counted in the cache; then the form comes back
with "Too many tries" in the visitor's language and status 429, even for the right
password, until the window has passed. A right password within the limit clears the count. Behind a load balancer the site names its
client-address function in ``VINR_CLIENT_ADDRESS``, or one visitor's tries lock everyone out.

A host site puts the view in front of Wagtail's URLs, under the same name::

    path("_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
         authenticate_with_password, name="wagtailcore_authenticate_with_password"),
"""

from django.core.cache import cache
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from wagtail import views as wagtail_views
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from multilingual.conf import client_address, setting


def tries_allowed():
    return setting("VINR_PAGE_PASSWORD_TRIES")


def window_seconds():
    return setting("VINR_PAGE_PASSWORD_WINDOW")


def _key(request, restriction_id):
    return f"vinr:page-password:{restriction_id}:{client_address(request)}"


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's view, once the address has tries left for this restriction."""
    key = _key(request, page_view_restriction_id)
    if request.method == "POST":
        if (cache.get(key) or 0) >= tries_allowed():
            return _too_many(request, page_view_restriction_id, page_id)
        response = wagtail_views.authenticate_with_password(
            request, page_view_restriction_id, page_id
        )
        if response.status_code in (301, 302):
            cache.delete(key)
        else:
            cache.add(key, 0, window_seconds())
            try:
                cache.incr(key)
            except ValueError:  # expired in between
                cache.set(key, 1, window_seconds())
        return response
    return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)


def _too_many(request, restriction_id, page_id):
    restriction = get_object_or_404(PageViewRestriction, id=restriction_id)
    page = get_object_or_404(Page, id=page_id).specific
    # Bound, so that it can carry an error; the password it was sent is not checked.
    form = PasswordViewRestrictionForm(
        {"password": "", "return_url": request.POST.get("return_url", "")}, instance=restriction
    )
    form.errors.clear()
    minutes = max(1, round(window_seconds() / 60))
    form.add_error(
        None,
        gettext("Too many tries. Wait %(minutes)s minutes and try again.") % {"minutes": minutes},
    )
    action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
    response = page.serve_password_required_response(request, form, action_url)
    response.status_code = 429
    add_never_cache_headers(response)
    return response
