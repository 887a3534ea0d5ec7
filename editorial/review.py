"""Doors around the review workflow that Wagtail and wagtail-localize leave open.

Roles and workflow: ``editorial.roles`` and docs/roles.md. Wagtail already keeps
"Publicera" and "Avpublicera" for those with the ``publish`` permission; whoever lacks it
submits to the workflow *granskning*. Two actions take a page off the site, or put
Swedish text under another language's address, with ``change`` alone:

* deleting: Wagtail lets someone with ``change`` delete a page that is not live, and
  someone with ``add`` delete their own drafts. A translator deleted a support page in
  their language that way (issue 12, finding 5). Deleting is for those who may publish
  the page (Granskare): a draft translation holds a person's work too.
* wagtail-localize's "Convert to alias" replaces a translation by the live Swedish page
  at once, which is publishing without review.

Both are refused here for whoever may not publish the page, with a 403 and a message in
Swedish; nothing is changed.

And one door is missing: wagtail-localize's translation editor has "Publicera" and no
"Skicka till granskning", so a translator who may not publish could only leave the
texts for someone to find. :func:`submit_for_review` is that button (in the page and
snippet listings' menus, "Skicka till granskning"): it saves the translation as a draft
revision and starts the object's workflow, so Granskare find it under "Väntar på din
granskning" and approving it publishes exactly that revision.
"""

from django.apps import apps
from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import pgettext, pgettext_lazy
from wagtail.admin.widgets import Button
from wagtail.models import Page, WorkflowMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail_localize.models import Translation
from wagtail_localize.views import convert

from multilingual.languages import SOURCE_LANGUAGE
from multilingual.localization import locale_id_for
from translations import publish_translations, translator_permissions

DELETE_REFUSED = pgettext_lazy(
    "admin",
    "Only someone who may publish ”{page}” may delete it (the role Granskare). "
    "Submit the page for review instead, or ask a reviewer.",
)
CONVERT_REFUSED = pgettext_lazy(
    "admin",
    "Only someone who may publish ”{page}” may replace the translation with the original "
    "(the role Granskare): that publishes the Swedish text at the language's address.",
)


def refused(request, reason, page):
    """403 with the reason, in the admin's frame, and a way back to the page's section."""
    parent = page.get_parent()
    back_url = (
        reverse("wagtailadmin_explore", args=[parent.pk])
        if parent
        else reverse("wagtailadmin_home")
    )
    return TemplateResponse(
        request,
        "editorial/admin/refused.html",
        {"reason": reason, "back_url": back_url},
        status=403,
    )


def refuse_delete_unless_publisher(request, page):
    """``before_delete_page``: only someone who may publish the page deletes it."""
    if page.permissions_for_user(request.user).can_publish():
        return None
    return refused(request, DELETE_REFUSED.format(page=page.get_admin_display_title()), page)


def refuse_bulk_delete_unless_publisher(request, action_type, objects, action_class_instance):
    """``before_bulk_action``: the same rule for the page listing's bulk "Radera"."""
    if action_type != "delete":
        return None
    for page in objects:
        if isinstance(page, Page):
            response = refuse_delete_unless_publisher(request, page)
            if response is not None:
                return response
    return None


def convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias", for those who may publish the page only."""
    page = get_object_or_404(Page, id=page_id, alias_of_id__isnull=True)
    if not page.permissions_for_user(request.user).can_publish():
        return refused(request, CONVERT_REFUSED.format(page=page.get_admin_display_title()), page)
    return convert.convert_to_alias(request, page_id)


# Submitting a translation for review ----------------------------------------------------


def translation_into(instance):
    """wagtail-localize's translation whose target is ``instance``, or None (made by hand)."""
    if instance.locale.language_code == SOURCE_LANGUAGE:
        return None
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


def may_submit_for_review(user, instance):
    """Whether ``user`` may send ``instance`` to its workflow now.

    The same rules as Wagtail's own "Skicka till granskning" in the edit form: may edit
    it, it has a workflow, none is running. Snippets also follow the translators' limits
    (not the Swedish ones, only their languages: ``translations.translator_permissions``).
    """
    if (
        not isinstance(instance, WorkflowMixin)
        or instance.get_workflow() is None
        or instance.workflow_in_progress
    ):
        return False
    if isinstance(instance, Page):
        permissions = instance.permissions_for_user(user)
        return permissions.can_edit() and permissions.can_submit_for_moderation()
    if not ModelPermissionPolicy(type(instance)).user_has_permission(user, "change"):
        return False
    if not translator_permissions.may_edit_source_snippet(user, instance):
        return False
    languages = translator_permissions.snippet_languages_for(user)
    return languages is None or instance.locale.language_code in languages


def untranslated_count(translation, instance):
    """How many of the source's texts have no translation yet (they would show in Swedish).

    Counted as the publish check counts them (``translations.publish_translations``): a page's
    slug never counts, an untranslated one keeps the Swedish, working address.
    """
    return len(publish_translations.missing_segments(translation, instance))


def listing_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtailadmin_explore", args=[instance.get_parent().pk])
    meta = instance._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:list")


def submit_url(instance):
    if isinstance(instance, Page):
        return reverse("editorial_submit_for_review", args=["wagtailcore", "page", instance.pk])
    meta = instance._meta
    return reverse(
        "editorial_submit_for_review", args=[meta.app_label, meta.model_name, instance.pk]
    )


def submit_for_review(request, app_label, model_name, pk):
    """GET: what will be sent (and how many texts are still Swedish); POST: send it."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    if not issubclass(model, WorkflowMixin):
        raise Http404
    instance = get_object_or_404(model, pk=pk)
    if isinstance(instance, Page):
        instance = instance.specific
    title = instance.get_admin_display_title() if isinstance(instance, Page) else str(instance)
    if not may_submit_for_review(request.user, instance):
        reason = (
            pgettext("admin", "”%(title)s” has already been submitted for review.")
            if isinstance(instance, WorkflowMixin) and instance.workflow_in_progress
            else pgettext("admin", "You cannot submit ”%(title)s” for review.")
        ) % {"title": title}
        return TemplateResponse(
            request,
            "editorial/admin/refused.html",
            {"reason": reason, "back_url": listing_url(instance)},
            status=403,
        )
    translation = translation_into(instance)
    if request.method != "POST":
        return TemplateResponse(
            request,
            "editorial/admin/submit_for_review.html",
            {
                "title": title,
                "kind": instance._meta.verbose_name,
                "language": publish_translations.in_running_text(
                    instance.locale.get_display_name()
                ),
                "workflow": instance.get_workflow(),
                "untranslated": untranslated_count(translation, instance) if translation else 0,
                "back_url": listing_url(instance),
            },
        )
    with transaction.atomic():
        if translation is not None:
            # The texts from the translation editor become the draft the reviewer approves.
            translation.save_target(user=request.user, publish=False)
            instance = type(instance).objects.get(pk=instance.pk)
        elif instance.latest_revision is None:
            instance.save_revision(user=request.user)
        instance.get_workflow().start(instance, request.user)
    messages.success(
        request,
        pgettext("admin", "”%(title)s” (%(language)s) has been submitted for review.")
        % {
            "title": title,
            "language": publish_translations.in_running_text(instance.locale.get_display_name()),
        },
    )
    return redirect(listing_url(instance))


def submit_button(instance, user, priority):
    """ "Skicka till granskning" in a listing's menu, for a translation made in wagtail-localize.

    Objects edited in Wagtail's own form have the button there already. Swedish rows are
    passed over without a query (the listing builds this for every row).
    """
    if instance.locale_id == locale_id_for(SOURCE_LANGUAGE):
        return None
    if not may_submit_for_review(user, instance) or translation_into(instance) is None:
        return None
    return Button(
        pgettext("admin", "Submit for review"),
        url=submit_url(instance),
        icon_name="resubmit",
        priority=priority,
    )


def page_listing_buttons(page, user, next_url=None):
    if page.depth < 2 or page.locale_id == locale_id_for(SOURCE_LANGUAGE):
        return []
    button = submit_button(page.specific, user, priority=35)
    return [button] if button else []


def snippet_listing_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, WorkflowMixin):
        return []
    button = submit_button(snippet, user, priority=35)
    return [button] if button else []
