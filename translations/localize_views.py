"""Five wagtail-localize admin views that the reference site replaces to keep translators' limits
(and the page header's "⋯" menu filtered to what the person may do, see the middleware).

Which view answers is decided by the URL's *name*, not by where its pattern sits in the URL
list. Every button and link wagtail-localize makes to these views is
``reverse("wagtail_localize:…")``, so the same name always reaches the replacement,
whichever app or hook loads first. Wagtail has no permission policy or hook around these
views (wagtail-localize publishes a sync's translations with ``revision.publish`` and no
user, which skips Wagtail's publish check), so the replacement works at the one point
Django gives for this: ``process_view``, after the URL has been resolved.

* ``update_translations``: the sync form. "Publish immediately" is offered only to someone
  who may publish every translation (``translator_permissions.UpdateTranslationsView``).
* ``submit_page_translation``, ``submit_snippet_translation``: "Translate this page" and a
  snippet's "Translate" keep existing translations of what they use
  (``submit_translations``).
* ``convert_to_alias``: only for those who may publish the page (``review``).
* ``upload_pofile``: the translation editor's "Upload PO file". wagtail-localize's own
  view imported a 5.39 MB file, answered an empty file or one without its translation id
  with a server error, and skipped the translators' limits. The project's upload
  (``views.upload_po``) answers instead, with its checks and clear refusals, and sends the
  translator back to the editor.
"""

from functools import cached_property
from urllib.parse import urlsplit

from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access

from editorial import review
from translations import submit_translations, translator_permissions, views


def upload_po_from_editor(request, translation_id):
    """The editor's PO upload, answered by the project's upload view.

    The editor sends its own full address as ``next``; the project's view goes back only
    to a path on this site, so the address is made a path here when it is this site's.
    """
    next_url = request.POST.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, {request.get_host()}, request.is_secure()
    ):
        parts = urlsplit(next_url)
        post = request.POST.copy()
        post["next"] = parts.path + (f"?{parts.query}" if parts.query else "")
        request.POST = post
    return views.upload_po(request, translation_id)


class LocalizeViewReplacementMiddleware:
    """Answers the five wagtail-localize URLs above with the project's views.

    The replacement gets what the URL captured (``page_id``, ``translation_source_id``…)
    and the wrappers Wagtail puts around every admin view (access check, the admin's 404
    page, ``never_cache``). Everything else about the request (CSRF, login, messages) has
    been handled by the middleware listed before this one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    @cached_property
    def replacements(self):
        from wagtail.admin.urls import display_custom_404  # with the admin's URLs, loaded by then

        return {
            f"wagtail_localize:{name}": never_cache(display_custom_404(require_admin_access(view)))
            for name, view in {
                "update_translations": translator_permissions.UpdateTranslationsView.as_view(),
                "submit_page_translation": submit_translations.SubmitPageTranslationView.as_view(),
                "submit_snippet_translation": submit_translations.SubmitSnippetTranslationView.as_view(),
                "convert_to_alias": review.convert_to_alias,
                "upload_pofile": upload_po_from_editor,
            }.items()
        }

    def process_template_response(self, request, response):
        """The page header's "⋯" without the actions the person would be refused
        (``translator_permissions.hide_refused_page_header_buttons``)."""
        translator_permissions.hide_refused_page_header_buttons(request, response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        replacement = self.replacements.get(request.resolver_match.view_name)
        if replacement is None:
            return None
        return replacement(request, *view_args, **view_kwargs)
