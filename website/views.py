"""Admin views for the translation workflow (see website/translation.py)."""

import polib
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import pgettext, pgettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

from multilingual.languages import SITE_LANGUAGES, SOURCE_LANGUAGE, direction, local_name
from website.translation import translation_overview
from website.translator_permissions import may_work_on

MAX_PO_BYTES = 5 * 1024 * 1024


class HelpTranslatingView(WagtailAdminTemplateMixin, TemplateView):
    """How translation works here, for editors and translators, inside the admin (they
    cannot open docs/translating.md in the repository)."""

    template_name = "website/admin/help_translating.html"
    page_title = pgettext_lazy("admin", "Help: translating")
    header_icon = "help"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]


class UploadPoRefusedView(WagtailAdminTemplateMixin, TemplateView):
    """A refused PO upload, in the admin with the reason (answered with status 400)."""

    template_name = "website/admin/upload_po_refused.html"
    page_title = pgettext_lazy("admin", "The PO file was not uploaded")
    header_icon = "warning"
    http_method_names = ["post"]

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def post(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(), status=400)


def refuse_upload(request, reason):
    view = UploadPoRefusedView.as_view(extra_context={"reason": reason, "back_url": safe_next_url(request)})
    return view(request)


def safe_next_url(request):
    next_url = request.POST.get("next") or ""
    if not next_url.startswith("/") or next_url.startswith("//"):
        next_url = reverse("website_translation_overview")
    return next_url


class TranslationOverviewView(WagtailAdminTemplateMixin, TemplateView):
    """Every page and snippet, every language: how much is translated, and what is stale."""

    template_name = "website/admin/translation_overview.html"
    page_title = pgettext_lazy("admin", "Translations")
    header_icon = "wagtail-localize-language"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        names = {code: name for code, name, _local in SITE_LANGUAGES}
        wanted = [code for code in self.request.GET.getlist("language") if code in names and code != SOURCE_LANGUAGE]
        only_pending = self.request.GET.get("pending") == "1"
        rows, codes = translation_overview(languages=wanted or None, only_pending=only_pending)
        context.update(
            {
                "rows": rows,
                "languages": [{"code": code, "name": names[code], "local": local_name(code), "dir": direction(code)} for code in codes],
                "all_languages": [
                    {"code": code, "local": local_name(code), "dir": direction(code), "checked": code in wanted}
                    for code in names
                    if code != SOURCE_LANGUAGE
                ],
                "only_pending": only_pending,
                "next_url": self.request.get_full_path(),
            }
        )
        return context


@require_POST
def upload_po(request, translation_id):
    """Import a translator's PO file into one translation; the result stays a draft.

    wagtail-localize's own upload view answers a PO file without its translation id with a
    server error; this one checks the file first and says what is wrong (400, on an admin
    page with a way back), and imports nothing unless all of it can be read.
    """
    translation = get_object_or_404(Translation.objects.select_related("source", "target_locale"), pk=translation_id)
    instance = translation.get_target_instance()
    if not user_can_edit_instance(request.user, instance) or not may_work_on(request.user, translation):
        raise PermissionDenied
    upload = request.FILES.get("file")
    if upload is None:
        return refuse_upload(request, pgettext("admin", "Choose a PO file to upload."))
    if upload.size > MAX_PO_BYTES:
        return refuse_upload(request, pgettext("admin", "The PO file is too large (at most 5 MB)."))
    try:
        text = upload.read().decode("utf-8")
        # polib opens a file when given a path: a PO file always has several lines, a path
        # has none, so one-line "content" is refused before polib sees it.
        if "\n" not in text.strip():
            raise ValueError("not a PO file")
        po = polib.pofile(text)
    except (UnicodeDecodeError, OSError, ValueError):
        return refuse_upload(request, pgettext("admin", "The file is not a PO file in UTF-8."))
    if po.metadata.get("X-WagtailLocalize-TranslationID") != str(translation.uuid):
        return refuse_upload(
            request,
            pgettext(
                "admin",
                "The PO file does not belong to this translation (%(object)s, %(language)s). "
                "Download the file for this very translation.",
            ) % {"object": translation.source.object_repr, "language": translation.target_locale.get_display_name()},
        )
    with transaction.atomic():
        translation.import_po(po, user=request.user, tool_name="PO File")
    messages.success(
        request, pgettext("admin", "The translations in the PO file are saved. Review and publish the page when it is ready.")
    )
    return redirect(safe_next_url(request))
