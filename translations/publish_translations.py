"""Publishing a translation: complete, or with each gap confirmed by a person.

wagtail-localize's translation editor publishes whatever it has: an untranslated string
goes live in the source language (a Swedish sentence on the Arabic page, inside
``lang="ar"``), with a warning that names nothing and appears on every publish, because a
page's URL slug, rarely translated, always counts as missing.

Here, for the pages and snippets whose model says ``translation_must_be_complete = True``
(support pages and brochures: what someone in danger reads), publishing is refused
while a string is untranslated; the message lists each one, and a person who may publish
can open :func:`publish_incomplete_translation`, which names every gap again and
publishes only after they tick that the Swedish text may show there. Other models publish
as before, with a warning that lists what is missing. A page's slug never counts. The
other ways to publish a translation are held to the same rule: "Sync" with "Publish
immediately" (:func:`sync_then_publish_complete`) and the page explorer's bulk publish
(:func:`refuse_bulk_publish_of_incomplete_translations`).

Why a ``before_edit_page`` / ``before_edit_snippet`` hook: wagtail-localize's editor *is*
the page's (snippet's) edit view, taken over by its own hook of the same name, and
"Publish" is a POST to that view. A hook that runs first (``order=-1``) sees the POST
before wagtail-localize does, with Wagtail's edit permission already checked, and needs
no copy of the editor. ``Translation.save_target`` itself cannot be wrapped (a model
method, also called by sync and submit), and Wagtail's ``before_publish_page`` hook is
not called on this path (wagtail-localize publishes the revision directly).
"""

from django import forms
from django.contrib import messages as django_messages
from django.core.exceptions import (
    FieldDoesNotExist,
    ObjectDoesNotExist,
    PermissionDenied,
    ValidationError,
)
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import get_language, npgettext, pgettext, pgettext_lazy
from wagtail.admin import messages
from wagtail.models import DraftStateMixin, Page, TranslatableMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail_localize.models import StringSegment, Translation, TranslationSource, get_edit_url
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.strings import StringValue

from multilingual.languages import direction

#: The translatable string of a page that never counts as missing: its URL slug. An
#: untranslated slug keeps the Swedish one, which is a working address in every language.
IGNORED_PAGE_PATHS = ("slug",)


def must_be_complete(instance_or_model):
    """Whether a translation of it may only be published complete (or confirmed)."""
    model = instance_or_model if isinstance(instance_or_model, type) else type(instance_or_model)
    return bool(getattr(model, "translation_must_be_complete", False))


def counted_segments(source, is_page):
    """The source's string segments that must be translated, in the editor's order."""
    segments = StringSegment.objects.filter(source=source)
    if is_page:
        segments = segments.exclude(context__path__in=IGNORED_PAGE_PATHS)
    return segments.order_by("order")


def missing_segments(translation, instance_or_model):
    """String segments with no usable translation (none, or one with an error) in the target."""
    model = instance_or_model if isinstance(instance_or_model, type) else type(instance_or_model)
    return list(
        counted_segments(translation.source, issubclass(model, Page))
        .annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .select_related("string", "context")
    )


def describe(segment, instance):
    """ "innehåll: Du kan få hjälp" — the field's label and the Swedish text, for a person."""
    field_name = segment.context.path.split(".")[0]
    try:
        label = str(type(instance)._meta.get_field(field_name).verbose_name)
    except FieldDoesNotExist:
        label = field_name
    text = strip_tags(segment.string.data).strip()
    if len(text) > 120:
        text = text[:117] + "…"
    return f"{label}: ”{text}”"


def may_publish(user, translation):
    """Whether ``user`` may publish the target of ``translation``: the one answer for the
    translation editor's "Publish", "Publish anyway" and "Sync … Publish immediately".

    As docs/roles.md has it: pages follow Wagtail's page permissions on the translated
    page (Granskare have *publish* on every tree, Kommunikatör and translators nowhere),
    or on its translated parent when the sync would still create the page. Snippets with
    drafts need the model's ``publish`` permission (Granskare); a snippet without drafts
    is live as soon as it is saved, so there it takes ``change``. A superuser may.
    """
    model = translation.source.specific_content_type.model_class()
    if model is None:  # the source's model is gone: nobody publishes it
        return False
    if issubclass(model, Page):
        try:
            page = translation.get_target_instance()
        except ObjectDoesNotExist:
            # Publishing would create the page (and its missing parents); the parent decides.
            try:
                parent = translation.source.get_source_instance().get_parent()
                target_parent = parent.get_translation(translation.target_locale)
            except ObjectDoesNotExist:
                return user.is_superuser
            return target_parent.permissions_for_user(user).can_publish_subpage()
        return page.permissions_for_user(user).can_publish()
    action = "publish" if issubclass(model, DraftStateMixin) else "change"
    return ModelPermissionPolicy(model).user_has_permission(user, action)


def enabled_translation(instance):
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


def language_name(translation):
    """The target language as a word in a sentence ("publicerades på arabiska")."""
    return in_running_text(translation.target_locale.get_display_name())


def in_running_text(display_name):
    """A language's name inside a Swedish sentence: lower case ("till arabiska"), as
    Swedish writes language names; the capital stays for labels and in English."""
    name = str(display_name)  # lazy: multilingual.languages
    return name[:1].lower() + name[1:] if get_language() == "sv" else name


def publish(request, translation, instance):
    """Publish the translation as wagtail-localize's editor does; False on a validation error."""
    try:
        translation.save_target(user=request.user, publish=True)
    except ValidationError:
        messages.error(
            request,
            pgettext(
                "admin",
                "”%(object)s” was not published in %(language)s: some translations are not valid "
                "(marked below). Correct them and publish again.",
            )
            % {"object": instance, "language": language_name(translation)},
        )
        return False
    return True


def publish_from_editor(request, instance):
    """``before_edit_page`` / ``before_edit_snippet``: the translation editor's "Publish"."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    if not isinstance(instance, TranslatableMixin) or getattr(instance, "alias_of_id", None):
        return None
    translation = enabled_translation(instance)
    if translation is None:  # not a translation made with wagtail-localize: Wagtail's own form
        return None
    if not may_publish(request.user, translation):
        raise PermissionDenied
    missing = missing_segments(translation, instance)
    language = language_name(translation)
    if missing and must_be_complete(instance):
        messages.error(
            request,
            npgettext(
                "admin",
                "”%(object)s” was not published in %(language)s: %(count)s part is not translated and "
                "would show in Swedish: %(parts)s. Translate it first, or choose ”Publish anyway” if "
                "the Swedish text should show there.",
                "”%(object)s” was not published in %(language)s: %(count)s parts are not translated and "
                "would show in Swedish: %(parts)s. Translate them first, or choose ”Publish anyway” if "
                "the Swedish text should show there.",
                len(missing),
            )
            % {
                "object": instance,
                "language": language,
                "count": len(missing),
                "parts": "; ".join(describe(segment, instance) for segment in missing),
            },
            buttons=[
                messages.button(
                    reverse("translations_publish_incomplete", args=[translation.pk]),
                    pgettext("admin", "Publish anyway …"),
                )
            ],
        )
        return redirect(request.path)
    if publish(request, translation, instance):
        instance.refresh_from_db()
        if missing:
            messages.warning(
                request,
                pgettext(
                    "admin",
                    "”%(object)s” was published in %(language)s. These parts are not translated and show in Swedish: %(parts)s.",
                )
                % {
                    "object": instance,
                    "language": language,
                    "parts": "; ".join(describe(segment, instance) for segment in missing),
                },
            )
        else:
            messages.success(
                request,
                pgettext("admin", "”%(object)s” was published in %(language)s.")
                % {"object": instance, "language": language},
            )
    return redirect(request.path)


class ConfirmMissingForm(forms.Form):
    confirm = forms.BooleanField(
        label=pgettext_lazy(
            "admin", "Yes, publish with the Swedish text in the parts without a translation"
        ),
        error_messages={"required": pgettext_lazy("admin", "Tick the box to publish anyway.")},
    )
    segments = forms.CharField(widget=forms.HiddenInput, required=False)


def publish_incomplete_translation(request, translation_id):
    """Publish a translation with untranslated parts, after a person confirms each one.

    Shows every missing part (field and Swedish text). The confirmation carries the list
    the person saw: if a part was added or translated since, nothing is published and the
    new list is shown. Only for people who may publish the translation (403 otherwise).
    """
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), pk=translation_id
    )
    try:
        instance = translation.get_target_instance()
    except ObjectDoesNotExist:  # no target yet (or its source is gone): nothing to publish
        raise Http404 from None
    if not translation.enabled or not may_publish(request.user, translation):
        raise PermissionDenied
    editor_url = get_edit_url(instance)
    missing = missing_segments(translation, instance)
    shown = ",".join(str(segment.pk) for segment in missing)
    form = ConfirmMissingForm(request.POST or None, initial={"segments": shown})
    status = 200
    stale = False
    if request.method == "POST":
        if form.is_valid() and form.cleaned_data["segments"] == shown:
            with transaction.atomic():
                published = publish(request, translation, instance)
            if published:
                django_messages.success(
                    request,
                    npgettext(
                        "admin",
                        "”%(object)s” was published in %(language)s with %(count)s part in Swedish.",
                        "”%(object)s” was published in %(language)s with %(count)s parts in Swedish.",
                        len(missing),
                    )
                    % {
                        "object": instance,
                        "language": language_name(translation),
                        "count": len(missing),
                    },
                )
            return redirect(editor_url)
        if form.is_valid():  # confirmed, but another list than the one now missing
            stale = True
            form = ConfirmMissingForm(initial={"segments": shown})
        status = 400
    return render(
        request,
        "translations/admin/publish_incomplete_translation.html",
        {
            "translation": translation,
            "instance": instance,
            "language": language_name(translation),
            "missing": [describe(segment, instance) for segment in missing],
            "form": form,
            "stale": stale,
            "editor_url": editor_url,
            "page_title": pgettext("admin", "Publish with parts in Swedish"),
            "header_title": pgettext("admin", "Publish with parts in Swedish"),
            "header_icon": "warning",
        },
        status=status,
    )


def sync_then_publish_complete(request, source, sync):
    """ "Sync translations" with "Publish immediately": publish only what is complete.

    wagtail-localize's sync form publishes every translation right after bringing in the
    new Swedish strings, so a changed sentence would go live in Swedish on every
    translated support page at once. Here ``sync()`` (wagtail-localize's own, told not to
    publish) runs first; then each translation is published unless its model must be
    complete and a string is missing (typically the new ones). Those stay as they were
    live, and the editor is told which languages wait for what.
    """
    model = source.specific_content_type.model_class()
    held = []
    with transaction.atomic():
        response = sync()
        for translation in source.translations.filter(enabled=True).select_related(
            "source", "target_locale"
        ):
            missing = missing_segments(translation, model) if must_be_complete(model) else []
            if missing:
                held.append(f"{language_name(translation)} ({len(missing)})")
                continue
            try:
                translation.save_target(user=request.user, publish=True)
            except ValidationError:
                held.append(
                    f"{language_name(translation)} ({pgettext('admin', 'invalid translation')})"
                )
    if held:
        messages.warning(
            request,
            pgettext(
                "admin",
                "”%(object)s” was synchronised but not published in: %(languages)s — the number of parts "
                "not translated is in brackets. Translate them and publish from the translation editor; "
                "until then the last published translation is shown.",
            )
            % {"object": source.object_repr, "languages": ", ".join(held)},
        )
    return response


def refuse_bulk_publish_of_incomplete_translations(request, action_type, objects, action):
    """``before_bulk_action``: the page explorer's bulk "Publicera", for translations too.

    It publishes each selected page's latest revision (and, if ticked, every draft page
    below). A support page translation submitted with wagtail-localize holds the Swedish
    text wherever a string is untranslated, so this would publish it half-translated
    past the check in the editor. Refused as a whole (nothing published) with the pages
    and their untranslated parts named; publish those from the translation editor.
    """
    if action_type != "publish":
        return None
    pages = list(objects)
    form = getattr(action, "cleaned_form", None)
    if form is not None and form.cleaned_data.get("include_descendants"):
        for page in objects:
            pages.extend(page.get_descendants().not_live())
    refused = []
    for page in pages:
        model = page.specific_class
        if model is None or not must_be_complete(model):
            continue
        translation = enabled_translation(page)
        missing = missing_segments(translation, model) if translation else []
        if missing:
            refused.append(
                f"”{page.get_admin_display_title()}” ({language_name(translation)}: {len(missing)})"
            )
    if not refused:
        return None
    messages.error(
        request,
        pgettext(
            "admin",
            "Nothing was published. These translations have parts that are not translated and would "
            "show in Swedish (number in brackets): %(pages)s. Open them in the translation editor: "
            "the parts are listed there and can be published with a confirmation.",
        )
        % {"pages": ", ".join(refused)},
    )
    return redirect(action.next_url)


# Untranslated parts say which language they are in (issue 21, finding 6) ----------------


def mark_source_language(get_segments):
    """Wrap ``TranslationSource._get_segments_for_translation``: a part without a translation
    is copied in the source language inside ``<span lang="sv" dir="ltr">``.

    wagtail-localize fills every untranslated string of a translation (a draft, or one
    published with "Publish anyway") with the Swedish text. On the Arabic page it stood
    inside ``<html lang="ar" dir="rtl">``: a screen reader read Swedish with an Arabic
    voice, right to left. The span is rich text, kept where the field is rich text; a
    plain-text field (a title, a slug) takes the string's text only, so nothing shows there.
    """

    def get_segments_for_translation(source, locale, fallback=False):
        segments = get_segments(source, locale, fallback=fallback)
        if not fallback or locale.language_code == source.locale.language_code:
            return segments
        missing = set(
            StringSegment.objects.filter(source=source)
            .annotate_translation(locale)
            .filter(translation__isnull=True)
            .values_list("context__path", "order")
        )
        if not missing:
            return segments
        code = source.locale.language_code
        opening = f'<span lang="{code}" dir="{direction(code)}">'
        for segment in segments:
            if isinstance(segment, StringSegmentValue) and (segment.path, segment.order) in missing:
                segment.string = StringValue(f"{opening}{segment.string.data}</span>")
        return segments

    get_segments_for_translation.marks_source_language = True
    return get_segments_for_translation


if not getattr(TranslationSource._get_segments_for_translation, "marks_source_language", False):
    TranslationSource._get_segments_for_translation = mark_source_language(
        TranslationSource._get_segments_for_translation
    )
