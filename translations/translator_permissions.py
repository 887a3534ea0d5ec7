"""Where wagtail-localize and Wagtail let a translator go further than the translators' rules.

The rules (docs/translating.md): a translator translates, but does not change the Swedish
source, and does not publish what they may not publish. Wagtail's permissions say most of
it; two doors stay open without this module:

* wagtail-localize's "Sync translated pages / snippets" form only asks for the
  ``submit_translation`` permission, and its "Publish immediately" box publishes every
  translation of the source, in every language, pages and snippets alike. A translator
  could publish a draft Persian helpline, or languages outside their own group.
  :class:`UpdateTranslationsView` takes its URL and offers the box only to someone who
  may publish every one of those translations.
* Snippets have no per-language permissions, so the translators' group has ``change`` on
  helplines, services, terms and brochures in every language (the translation editor
  needs it), Swedish included. :func:`refuse_source_snippet_edit` (a ``before_edit_snippet``
  hook) keeps the Swedish ones from translators: a translator's draft of the Swedish
  Kvinnofridslinjen with a new number could otherwise be published later by an editor
  who never noticed it.
* For the same reason the per-language translator groups ("Översättare – فارسی") would
  open every language's snippets; :func:`refuse_other_language_snippet_edit` keeps a
  translator to the languages of their groups (``editorial.roles``).
* wagtail-localize lets anyone with ``submit_translation`` translate any page or snippet
  into any language, from any language: an Arabic translator made Persian drafts of a
  page and its helplines from the Arabic text (issue 21). :func:`may_translate` is the
  rule every way into a translation asks (submit and its subtree, sync, PO upload): a
  translator translates from Swedish into their own languages only.
"""

import contextlib

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms import CheckboxInput
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import pgettext
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import TranslationSource
from wagtail_localize.views import update_translations
from wagtail_localize.views.edit_translation import apply_machine_translation

from multilingual.languages import SOURCE_LANGUAGE
from translations import publish_translations
from translations.publish_translations import in_running_text


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """wagtail-localize's sync form, with "Publish immediately" only for those who may.

    Someone who may not publish every translation of the source syncs without it: the new
    Swedish texts reach each translation's editor, and nothing goes live. A POST with the
    box ticked anyway is refused as a whole (nothing synced, nothing published) with a
    message that says why.
    """

    template_name = "translations/admin/update_translations.html"

    def dispatch(self, request, *args, **kwargs):
        """A translator syncs a Swedish source that has a translation into their language."""
        languages = snippet_languages_for(request.user) if request.user.is_authenticated else None
        if languages is not None:
            source = get_object_or_404(TranslationSource, id=kwargs["translation_source_id"])
            if source.locale.language_code != SOURCE_LANGUAGE:
                return refuse_other_source(request, source.get_source_instance())
            if not self.own_translations(source, languages):
                return refused(
                    request,
                    pgettext(
                        "admin",
                        "”%(object)s” has no translation into your language to synchronise. "
                        "Translate it first with ”Translate”.",
                    )
                    % {"object": source.object_repr},
                )
        return super().dispatch(request, *args, **kwargs)

    @staticmethod
    def own_translations(source, languages):
        """The enabled translations of ``source`` into ``languages`` (None: all of them)."""
        translations = source.translations.filter(enabled=True).select_related(
            "source", "target_locale"
        )
        if languages is not None:
            translations = translations.filter(target_locale__language_code__in=languages)
        return list(translations)

    def languages_user_cannot_publish(self):
        if not hasattr(self, "_refused"):
            translations = self.object.translations.filter(enabled=True).select_related(
                "source", "target_locale"
            )
            self._refused = [
                str(translation.target_locale.get_display_name())  # lazy: multilingual.languages
                for translation in translations
                if not publish_translations.may_publish(self.request.user, translation)
            ]
        return self._refused

    def get_form(self):
        form = super().get_form()
        if self.languages_user_cannot_publish():
            del form.fields["publish_translations"]
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["publish_refused_languages"] = self.languages_user_cannot_publish()
        languages = snippet_languages_for(self.request.user)
        if languages is not None:  # a translator's sync reaches their languages only
            context["translations"] = [
                item
                for item in context["translations"]
                if item["locale"].language_code in languages
            ]
        return context

    def post(self, request, **kwargs):
        asks_to_publish = CheckboxInput().value_from_datadict(
            request.POST, request.FILES, "publish_translations"
        )
        refused = self.languages_user_cannot_publish()
        if asks_to_publish and refused:
            messages.error(
                request,
                pgettext(
                    "admin",
                    "You may not publish every translation of ”%(object)s” (not: %(languages)s). "
                    "Nothing has been synchronised or published. Synchronise without publishing; "
                    "an editor then publishes each translation.",
                )
                % {"object": self.object.object_repr, "languages": ", ".join(refused)},
            )
            return self.render_to_response(self.get_context_data(**kwargs), status=403)
        return super().post(request, **kwargs)

    def form_valid(self, form):
        languages = snippet_languages_for(self.request.user)
        if languages is not None:
            return self.sync_own_languages(form, languages)
        # The form of someone who may not publish has no such field: they sync only.
        form.cleaned_data.setdefault("publish_translations", False)
        if form.cleaned_data["publish_translations"]:
            # Sync without publishing, then publish what is complete (support pages and
            # brochures are not published with untranslated parts).
            form.cleaned_data["publish_translations"] = False
            return publish_translations.sync_then_publish_complete(
                self.request,
                self.object,
                lambda: super(UpdateTranslationsView, self).form_valid(form),
            )
        return super().form_valid(form)

    @transaction.atomic
    def sync_own_languages(self, form, languages):
        """wagtail-localize's sync without publishing, for a translator's languages only.

        The Swedish texts are brought in (the source is shared: every language's editor
        then shows the new texts), but only the translator's translations get the rest
        (machine translation, view restrictions, components); nothing is published.
        """
        self.object.update_from_db()
        own = self.own_translations(self.object, languages)
        if form.cleaned_data.get("use_machine_translation"):
            machine_translator = get_machine_translator()
            for translation in own:
                apply_machine_translation(translation.id, self.request.user, machine_translator)
        for translation in own:
            with contextlib.suppress(ValidationError):
                translation.source.update_target_view_restrictions(translation.target_locale)
        self.components.save(self.object, sources_and_translations={self.object: own})
        messages.success(self.request, self.get_success_message())
        return redirect(self.get_success_url() or self.get_default_success_url())


def is_source_snippet_kept_for_publishers(instance):
    """A Swedish snippet with drafts: what visitors read in every language starts here."""
    return (
        isinstance(instance, TranslatableMixin)
        and isinstance(instance, DraftStateMixin)
        and instance.locale.language_code == settings.LANGUAGE_CODE
    )


def refuse_source_snippet_edit(request, instance):
    """``before_edit_snippet``: the Swedish helpline (service, term, brochure) is not for translators.

    The translators' groups have ``change`` on these models only so that the translation
    editor opens for the other languages. Someone whose every group is a translator group
    (see :func:`snippet_languages_for`) may not save even a draft of a Swedish one: refused
    before the form is shown or saved (also a revision revert, which is the edit view
    too), with a message in the admin's language; a translator translates from the
    listing's *Översätt* instead. Kommunikatör and others with ``change`` edit it and
    submit it for review (the workflow, docs/roles.md); it reaches visitors only when a
    Granskare approves or publishes it.
    """
    if not may_edit_source_snippet(request.user, instance):
        meta = type(instance)._meta
        messages.error(
            request,
            pgettext(
                "admin",
                "The Swedish version of ”%(object)s” (%(kind)s) is changed and published by editors, "
                "not by translators. Translate it instead with ”Translate” in the listing, or open "
                "the translation into your language.",
            )
            % {"object": instance, "kind": meta.verbose_name},
        )
        return redirect(reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:list"))
    return None


def may_edit_source_snippet(user, instance):
    """False for a translator and a Swedish snippet with drafts; True otherwise."""
    if not is_source_snippet_kept_for_publishers(instance):
        return True
    if ModelPermissionPolicy(type(instance)).user_has_permission(user, "publish"):
        return True
    return snippet_languages_for(user) is None


def snippet_languages_for(user):
    """The languages whose snippets ``user`` may edit, or None for every language.

    Only someone whose every group is a translator group is limited: to the languages of
    those groups ("Översättare" is every language). Anyone in another group (Kommunikatör,
    Granskare, a municipality's own) keeps what Wagtail's permissions give them.
    """
    from editorial.roles import translator_groups

    if user.is_superuser:
        return None
    names = set(user.groups.values_list("name", flat=True))
    groups = translator_groups()
    if not names or names - set(groups):
        return None
    return {code for name in names for code in groups[name]}


def refuse_other_language_snippet_edit(request, instance):
    """``before_edit_snippet``: a Persian translator edits Persian snippets, not Arabic ones."""
    if (
        not isinstance(instance, TranslatableMixin)
        or instance.locale.language_code == settings.LANGUAGE_CODE
    ):
        return None  # the Swedish ones: refuse_source_snippet_edit
    languages = snippet_languages_for(request.user)
    if languages is None or instance.locale.language_code in languages:
        return None
    meta = type(instance)._meta
    messages.error(
        request,
        pgettext(
            "admin",
            "”%(object)s” (%(kind)s) is in %(language)s, a language you do not translate into.",
        )
        % {
            "object": instance,
            "kind": meta.verbose_name,
            "language": in_running_text(instance.locale.get_display_name()),
        },
    )
    return redirect(reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:list"))


# Translating from Swedish into one's own language (issue 21) ------------------------------


def may_translate(user, source_language, target_language):
    """Whether ``user`` may make or change a translation from one language into another.

    A translator (every group a translator group, :func:`snippet_languages_for`) works from
    the Swedish source into the languages of their groups, nothing else: not from an
    Arabic page into Persian, not from Swedish into a language that is not theirs.
    Everyone else keeps what Wagtail's permissions give them (roles.md: Kommunikatör
    submits for translation into any language).
    """
    languages = snippet_languages_for(user)
    if languages is None:
        return True
    return source_language == SOURCE_LANGUAGE and target_language in languages


def may_work_on(user, translation):
    """:func:`may_translate` for one of wagtail-localize's translations (PO upload)."""
    return may_translate(
        user, translation.source.locale.language_code, translation.target_locale.language_code
    )


def refused(request, reason, back_url=""):
    """403 in the admin's frame: why, and the way back."""
    return TemplateResponse(
        request,
        "editorial/admin/refused.html",
        {"reason": reason, "back_url": back_url},
        status=403,
    )


def refuse_other_source(request, instance, back_url=""):
    """The answer to a translator who starts from a page or snippet that is not Swedish."""
    languages = snippet_languages_for(request.user) or set()
    names = ", ".join(
        sorted(
            in_running_text(locale.get_display_name())
            for locale in Locale.objects.filter(language_code__in=languages)
        )
    )
    return refused(
        request,
        pgettext(
            "admin",
            "You translate only from Swedish, into %(languages)s. ”%(object)s” is in %(language)s: "
            "translate its Swedish original instead.",
        )
        % {
            "languages": names,
            "object": instance,
            "language": in_running_text(instance.locale.get_display_name()),
        },
        back_url,
    )


# No button that leads to "not allowed" (issue 21, finding 7) ------------------------------


def page_actions_refused(page, user):
    """Addresses of the page's actions ``user`` would be refused, to leave out of its menus.

    Delete needs the right to publish the page (``editorial.review``). A translator does not
    move or copy pages (the translations mirror the Swedish structure) and translates only a
    Swedish page into their languages (:func:`may_translate`).
    """
    refused_urls = []
    if not page.permissions_for_user(user).can_publish():
        refused_urls.append(reverse("wagtailadmin_pages:delete", args=[page.pk]))
        refused_urls.append(reverse("wagtail_localize:convert_to_alias", args=[page.pk]))
    languages = snippet_languages_for(user)
    if languages is not None:
        refused_urls.append(reverse("wagtailadmin_pages:move", args=[page.pk]))
        refused_urls.append(reverse("wagtailadmin_pages:copy", args=[page.pk]))
        refused_urls.extend(translation_actions_refused(page, languages))
    return refused_urls


def translation_actions_refused(instance, languages):
    """ "Translate" and "Sync" of ``instance`` that a translator of ``languages`` cannot complete."""
    refused_urls = []
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is not None and (
        instance.locale.language_code != SOURCE_LANGUAGE
        or not UpdateTranslationsView.own_translations(source, languages)
    ):
        refused_urls.append(reverse("wagtail_localize:update_translations", args=[source.pk]))
    if instance.locale.language_code != SOURCE_LANGUAGE and not getattr(
        instance, "alias_of_id", None
    ):
        if hasattr(instance, "get_parent"):
            refused_urls.append(
                reverse("wagtail_localize:submit_page_translation", args=[instance.pk])
            )
        else:
            meta = instance._meta
            refused_urls.append(
                reverse(
                    "wagtail_localize:submit_snippet_translation",
                    args=[meta.app_label, meta.model_name, instance.pk],
                )
            )
    return refused_urls


def leaves_out(button, refused_urls):
    url = getattr(button, "url", None) or ""
    return any(url == refused or url.startswith(refused + "?") for refused in refused_urls)


def hide_refused_page_listing_buttons(buttons, page, user, context=None):
    """``construct_page_listing_buttons``: the page listing's "⋯" without refused actions."""
    refused_urls = page_actions_refused(page, user)
    for button in buttons:
        dropdown = getattr(button, "dropdown_buttons", None)
        if dropdown is not None:
            dropdown[:] = [item for item in dropdown if not leaves_out(item, refused_urls)]
    buttons[:] = [button for button in buttons if not leaves_out(button, refused_urls)]


def hide_refused_page_header_buttons(request, response):
    """The page header's "⋯" (explorer, edit form) without refused actions.

    Wagtail has no ``construct_`` hook for the header's buttons (only
    ``register_page_header_buttons``, which cannot take away another hook's), so the
    finished list is filtered in the response, before it is rendered
    (``localize_views.LocalizeViewReplacementMiddleware.process_template_response``).
    """
    context = getattr(response, "context_data", None) or {}
    view = context.get("view")
    page = getattr(view, "page", None) or getattr(view, "parent_page", None)
    buttons = context.get("header_buttons")
    if not isinstance(page, Page) or page.pk is None or not isinstance(buttons, list):
        return
    hide_refused_page_listing_buttons(buttons, page, request.user)
    # A "⋯" left empty is not shown at all.
    buttons[:] = [button for button in buttons if getattr(button, "dropdown_buttons", True)]


def hide_refused_snippet_listing_buttons(buttons, snippet, user):
    """``construct_snippet_listing_buttons``: no "Translate"/"Sync" a translator cannot complete."""
    languages = snippet_languages_for(user)
    if languages is None or not isinstance(snippet, TranslatableMixin):
        return
    refused_urls = translation_actions_refused(snippet, languages)
    buttons[:] = [button for button in buttons if not leaves_out(button, refused_urls)]


def hide_refused_page_action_menu_items(menu_items, request, context):
    """``construct_page_action_menu``: no "Convert to alias" for someone who may not publish the page."""
    page = context.get("page")
    if page is None or page.pk is None or page.permissions_for_user(request.user).can_publish():
        return
    menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


def refuse_copy_by_translator(request, page):
    """``before_copy_page``: a translator does not make pages outside the Swedish structure."""
    if snippet_languages_for(request.user) is None:
        return None
    return refused(
        request,
        pgettext(
            "admin",
            "Translators do not copy pages: each translation keeps the place of its Swedish page.",
        ),
    )


def refuse_move_by_translator(request, page, destination=None):
    """``before_move_page``: the translations mirror the Swedish tree; a translator does not move them."""
    if snippet_languages_for(request.user) is None:
        return None
    return refused(
        request,
        pgettext(
            "admin",
            "Translators do not move pages: each translation keeps the place of its Swedish page.",
        ),
    )
