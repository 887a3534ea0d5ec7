"""Admin views for the translation workflow (see translations/overview.py)."""

import polib
from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import DataError, IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import npgettext, pgettext, pgettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

from multilingual.languages import SITE_LANGUAGES, SOURCE_LANGUAGE, direction, local_name
from translations.overview import translation_overview
from translations.publish_translations import in_running_text
from translations.translator_permissions import may_work_on

MAX_PO_BYTES = 5 * 1024 * 1024


class HelpTranslatingView(WagtailAdminTemplateMixin, TemplateView):
    """How translation works here, for editors and translators, inside the admin (they
    cannot open docs/translating.md in the repository)."""

    template_name = "translations/admin/help_translating.html"
    page_title = pgettext_lazy("admin", "Help: translating")
    header_icon = "help"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]


class UploadPoRefusedView(WagtailAdminTemplateMixin, TemplateView):
    """A refused PO upload, in the admin with the reason (answered with status 400)."""

    template_name = "translations/admin/upload_po_refused.html"
    page_title = pgettext_lazy("admin", "The PO file was not uploaded")
    header_icon = "warning"
    http_method_names = ["post"]

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def post(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(), status=400)


def overlong_translation(translation, po):
    """Why a translated text is longer than its field may be (a title over 255 characters),
    or None: the database refuses it (PostgreSQL) or the page could not be saved later."""
    model = translation.source.specific_content_type.model_class()
    for entry in po:
        name = (entry.msgctxt or "").split(".")[0]
        try:
            field = model._meta.get_field(name)
        except (FieldDoesNotExist, ValueError):
            continue
        limit = getattr(field, "max_length", None)
        if limit and len(entry.msgstr) > limit:
            return pgettext(
                "admin",
                "The translation of “%(field)s” is too long: at most %(limit)s characters, it has %(length)s. "
                "Shorten it and upload the file again.",
            ) % {"field": field.verbose_name, "limit": limit, "length": len(entry.msgstr)}
    return None


def refuse_upload(request, reason):
    view = UploadPoRefusedView.as_view(
        extra_context={"reason": reason, "back_url": safe_next_url(request)}
    )
    return view(request)


def safe_next_url(request):
    next_url = request.POST.get("next") or ""
    if not next_url.startswith("/") or next_url.startswith("//"):
        next_url = reverse("translations_overview")
    return next_url


class TranslationOverviewView(WagtailAdminTemplateMixin, TemplateView):
    """Every page and snippet, every language: how much is translated, and what is stale."""

    template_name = "translations/admin/translation_overview.html"
    page_title = pgettext_lazy("admin", "Translations")
    header_icon = "wagtail-localize-language"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        names = {code: name for code, name, _local in SITE_LANGUAGES}
        wanted = [
            code
            for code in self.request.GET.getlist("language")
            if code in names and code != SOURCE_LANGUAGE
        ]
        only_pending = self.request.GET.get("pending") == "1"
        rows, codes = translation_overview(languages=wanted or None, only_pending=only_pending)
        context.update(
            {
                "rows": rows,
                "languages": [
                    {
                        "code": code,
                        "name": names[code],
                        "local": local_name(code),
                        "dir": direction(code),
                    }
                    for code in codes
                ],
                "all_languages": [
                    {
                        "code": code,
                        "local": local_name(code),
                        "dir": direction(code),
                        "checked": code in wanted,
                    }
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
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), pk=translation_id
    )
    instance = translation.get_target_instance()
    if not user_can_edit_instance(request.user, instance) or not may_work_on(
        request.user, translation
    ):
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
    except (UnicodeDecodeError, ValueError):
        return refuse_upload(request, pgettext("admin", "The file is not a PO file in UTF-8."))
    if "\x00" in text:
        # PostgreSQL cannot store it (the import answered 500); no editor types one.
        return refuse_upload(
            request,
            pgettext(
                "admin",
                "The PO file contains a NUL character (\\0), which cannot be saved. Remove it and upload the file again.",
            ),
        )
    try:
        po = polib.pofile(text)
    except (OSError, ValueError) as error:
        return refuse_upload(
            request,
            pgettext(
                "admin",
                "The PO file could not be read: %(error)s. Correct it in your PO editor and upload it again.",
            )
            % {"error": str(error)[:200]},
        )
    if (
        "X-WagtailLocalize-TranslationID" not in po.metadata
        and "X-WagtailLocalize-TranslationID" in text
    ):
        # The id is written in the file, but the header around it does not parse.
        return refuse_upload(
            request,
            pgettext(
                "admin",
                "The PO file could not be read: its header, with the id of the translation, is missing or damaged. "
                "Download the file for this translation again and copy your translations into it.",
            ),
        )
    if po.metadata.get("X-WagtailLocalize-TranslationID") != str(translation.uuid):
        return refuse_upload(
            request,
            pgettext(
                "admin",
                "The PO file does not belong to this translation (%(object)s, %(language)s). "
                "Download the file for this very translation.",
            )
            % {
                "object": translation.source.object_repr,
                "language": in_running_text(translation.target_locale.get_display_name()),
            },
        )
    too_long = overlong_translation(translation, po)
    if too_long:
        return refuse_upload(request, too_long)
    try:
        with transaction.atomic():
            translation.import_po(po, user=request.user, tool_name="PO File")
    except (DataError, IntegrityError):
        return refuse_upload(
            request,
            pgettext(
                "admin",
                "The PO file could not be saved: a text in it cannot be stored. Nothing was imported.",
            ),
        )
    report_refused_texts(request, translation, po)
    return redirect(safe_next_url(request))


def report_refused_texts(request, translation, po):
    """Say how many of the file's texts were kept, and how many were not and why.

    wagtail-localize stores a text with HTML (or link ids) its original lacks, but flags it
    and never uses it: a file full of such texts was reported "saved" while none reached the page.
    """
    sent = {entry.msgstr for entry in po if entry.msgstr}
    total = sum(1 for entry in po if entry.msgstr)
    refused = StringTranslation.objects.filter(
        locale_id=translation.target_locale_id,
        context__object_id=translation.source.object_id,
        has_error=True,
        data__in=sent,
    ).count()
    if refused:
        messages.error(
            request,
            npgettext(
                "admin",
                "%(count)s text was not saved: it contains HTML that is not in the original. "
                "Translate it without adding tags or links, in the editor or the PO file.",
                "%(count)s texts were not saved: they contain HTML that is not in the original. "
                "Translate them without adding tags or links, in the editor or the PO file.",
                refused,
            )
            % {"count": refused},
        )
    if refused >= total > 0:
        return
    if refused:
        messages.success(
            request,
            pgettext(
                "admin",
                "%(saved)s of %(total)s texts in the PO file are saved. Review and publish the page when it is ready.",
            )
            % {"saved": total - refused, "total": total},
        )
        return
    messages.success(
        request,
        pgettext(
            "admin",
            "The translations in the PO file are saved. Review and publish the page when it is ready.",
        ),
    )
