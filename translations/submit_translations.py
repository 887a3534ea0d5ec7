"""Submitting for translation without touching translations that already exist.

wagtail-localize's "Translate this page" (and "Translate" on a snippet) hands the object
to its ``TranslationCreator``, which also submits every snippet the object's blocks and
foreign keys choose (one level deep), into every ticked language, and saves each of them
from the strings its translation memory holds. For a snippet already translated by a
person outside wagtail-localize (the demo's Arabic Kvinnofridslinjen, a helpline copied
and translated by hand) that memory is empty: the snippet got a translation record (0 %
in the overview, empty boxes in the translation editor, which now replaces its edit form)
and a revision with the Swedish texts, published by the next "Publish" in that editor.

The form only offers languages the submitted object itself lacks, so wagtail-localize
never overwrites *that* object; the objects it pulls in are not checked. This module
keeps the same rule for them: :class:`KeepExistingTranslationsCreator` submits a related
snippet (or, with "include subtree", a child page) only into the languages where it has
no translation yet, and there as a draft. An existing translation is left alone: not
re-submitted, not emptied, not re-published; its own "Translate"/"Sync" is where it is
updated, by someone who opens it.

A translator translates from Swedish into their own languages only
(``translator_permissions.may_translate``): the form offers them only those languages, and
a page or snippet in another language is refused (403) before the form is shown. The
subtree of "Include subtree" goes into the same languages the form accepted.

The views are wagtail-localize's, with ``form_valid`` calling this creator instead; they
answer wagtail-localize's own URL names (``translations/localize_views.py``), so every
"Translate" button and link leads here.
"""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import pgettext
from wagtail.models import Page
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.tasks import background
from wagtail_localize.views import submit_translations

from multilingual.languages import SOURCE_LANGUAGE
from translations import translator_permissions
from translations.publish_translations import in_running_text


def existing_translation_locale_ids(instance):
    """Ids of the locales where ``instance`` has a translation a person may have written.

    An alias page is not one: it mirrors the source and wagtail-localize turns it into a
    translation, as it does for the submitted page itself.
    """
    translations = instance.get_translations(inclusive=False)
    if isinstance(instance, Page):
        translations = translations.filter(alias_of__isnull=True)
    return set(translations.values_list("locale_id", flat=True))


class KeepExistingTranslationsCreator(TranslationCreator):
    """wagtail-localize's creator, but only the submitted object goes into every locale.

    Everything it pulls in along the way (related snippets, and the pages of a subtree) is
    created in the locales where it does not exist yet, never updated where it does.
    ``left_alone`` lists ``(object, [locales])`` for the message to the editor.
    """

    def __init__(self, user, target_locales, submitted=None):
        super().__init__(user, target_locales)
        self.submitted_key = getattr(submitted, "translation_key", None)
        self.left_alone = []

    def create_translations(self, instance, include_related_objects=True):
        if (
            instance.translation_key == self.submitted_key
            or instance.translation_key in self.seen_objects
        ):
            return super().create_translations(instance, include_related_objects)
        existing = existing_translation_locale_ids(instance)
        kept = [locale for locale in self.target_locales if locale.pk in existing]
        if not kept:
            return super().create_translations(instance, include_related_objects)
        self.left_alone.append((instance, kept))
        if len(kept) == len(self.target_locales) and not include_related_objects:
            self.seen_objects.add(instance.translation_key)
            return None
        all_locales = self.target_locales
        self.target_locales = [locale for locale in all_locales if locale.pk not in existing]
        try:
            # A page of a subtree is walked even with no locale left: its own related
            # snippets may still be missing in some of the languages.
            return super().create_translations(instance, include_related_objects)
        finally:
            self.target_locales = all_locales


@transaction.atomic
def translate_object(instance, locales, components=None, user=None):
    """``wagtail_localize.operations.translate_object`` with the creator above."""
    translator = KeepExistingTranslationsCreator(user, locales, submitted=instance)
    translator.create_translations(instance)
    if components is not None:
        components.save(translator, sources_and_translations=translator.mappings)
    return translator


@transaction.atomic
def translate_page_subtree(page_id, locales, components, user):
    """``wagtail_localize.operations.translate_page_subtree`` with the creator above.

    Child pages that already exist in a language (other than as aliases) are left alone
    there, like related snippets.
    """
    page = Page.objects.get(id=page_id)
    translator = KeepExistingTranslationsCreator(user, locales)

    def walk(current_page):
        for child_page in current_page.get_children():
            translator.create_translations(child_page)
            if child_page.numchild:
                walk(child_page)

    walk(page)
    if components is not None:
        components.save(translator, sources_and_translations=translator.mappings)


def report_left_alone(request, translator):
    """Tell the editor which existing translations were not touched, and why."""
    for instance, locales in translator.left_alone:
        names = ", ".join(in_running_text(locale.get_display_name()) for locale in locales)
        messages.info(
            request,
            pgettext(
                "admin",
                "”%(object)s” (%(kind)s) already exists in %(languages)s and has not been changed. "
                "Update that translation from its own page if the Swedish text has changed.",
            )
            % {"object": instance, "kind": instance._meta.verbose_name, "languages": names},
        )


class SubmitWithoutOverwritingMixin:
    """``form_valid`` of wagtail-localize's submit views (1.14), with the creator above,
    and a translator kept to the Swedish source and their own languages."""

    def dispatch(self, request, *args, **kwargs):
        if (
            request.user.is_authenticated
            and translator_permissions.snippet_languages_for(request.user) is not None
        ):
            instance = self.get_object()
            if instance.locale.language_code != SOURCE_LANGUAGE:
                return translator_permissions.refuse_other_source(
                    request, instance, self.back_url(instance)
                )
        return super().dispatch(request, *args, **kwargs)

    def back_url(self, instance):
        if isinstance(instance, Page):
            return reverse("wagtailadmin_explore", args=[instance.get_parent().pk])
        meta = instance._meta
        return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:list")

    def get_form(self):
        form = super().get_form()
        languages = translator_permissions.snippet_languages_for(self.request.user)
        if languages is not None:
            field = form.fields["locales"]
            field.queryset = field.queryset.filter(language_code__in=languages)
        return form

    @transaction.atomic
    def form_valid(self, form):
        locales = form.cleaned_data["locales"]
        translator = translate_object(self.object, locales, self.components, self.request.user)

        if isinstance(self.object, Page) and form.cleaned_data["include_subtree"]:
            background.enqueue(
                translate_page_subtree,
                [self.object.id, locales, self.components, self.request.user],
                {},
            )

        single_translated_object = None
        if len(locales) == 1:
            locale_names = in_running_text(locales[0].get_display_name())
            single_translated_object = self.object.get_translation(locales[0])
        else:
            locale_names = pgettext("admin", "%(count)s locales") % {"count": len(locales)}

        messages.success(self.request, self.get_success_message(locale_names))
        report_left_alone(self.request, translator)
        return redirect(
            self.get_success_url() or self.get_default_success_url(single_translated_object)
        )


class SubmitPageTranslationView(
    SubmitWithoutOverwritingMixin, submit_translations.SubmitPageTranslationView
):
    pass


class SubmitSnippetTranslationView(
    SubmitWithoutOverwritingMixin, submit_translations.SubmitSnippetTranslationView
):
    pass
