"""Four eyes on a number (issue 21, finding 3; docs/roles.md, "Four eyes").

A changed phone number, address or opening hours decides whether someone in danger
reaches help. Whoever changed one of them does not publish it: a second person approves
it. This holds for every role, Granskare, Administratör and superusers included — they
may approve someone else's change, not publish their own. Which models and fields:
``VINR_FOUR_EYES_FIELDS`` (``multilingual.conf``), on by default for helplines and local
services; ``{}`` switches it off.

"Their own change": a revision since the live one, written by them, that changed one of
those fields. A change that was undone before publishing is no change.

Asked where something is published: the approval (``editorial.review_lock``, so the
approval is rolled back) and the edit form's *Publicera* (the ``before_publish`` hooks in
``editorial.wagtail_hooks``: the changes stay as a draft, with a message).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import pgettext_lazy

from multilingual.conf import four_eyes_fields
from multilingual.languages import source_language

OWN_CHANGE = pgettext_lazy(
    "admin",
    "You changed %(fields)s of ”%(title)s”: a second person must approve that before it is "
    "published. Your changes are saved as a draft; submit them for review.",
)


def guarded_fields(model):
    """The fields of ``model`` that only a second person publishes ([] for other models)."""
    return list(four_eyes_fields().get(model._meta.label, ()))


def _translation_facts(obj):
    """Fields a translation takes from the published source on publication (never its own)."""
    if (
        getattr(getattr(obj, "locale", None), "language_code", source_language())
        == source_language()
    ):
        return set()
    from information.signals import fact_fields

    return set(fact_fields(type(obj)))


def changed_fields_and_authors(revision):
    """(guarded fields that publishing ``revision`` changes, ids of the users who changed them)."""
    # From the database: the revision may still hold the edited object it was made from.
    obj = revision.content_type.model_class()._default_manager.filter(pk=revision.object_id).first()
    if obj is None:
        return [], set()
    fields = [name for name in guarded_fields(type(obj)) if name not in _translation_facts(obj)]
    if not fields:
        return [], set()
    live_values = {name: getattr(obj, name) for name in fields} if obj.live else {}
    target = {name: revision.content.get(name) for name in fields}
    changed = [name for name in fields if target[name] != live_values.get(name)]
    if not changed:
        return [], set()
    revisions = obj.revisions.filter(pk__lte=revision.pk).order_by("pk")
    if obj.live and obj.live_revision_id:
        revisions = revisions.filter(pk__gt=obj.live_revision_id)
    authors = set()
    previous = live_values
    for later in revisions.only("pk", "user_id", "content"):
        values = {name: later.content.get(name) for name in fields}
        if any(values[name] != previous.get(name) for name in changed):
            authors.add(later.user_id)
        previous = values
    return changed, authors


def own_change(user, revision):
    """The labels of the guarded fields ``user`` changed in what publishing ``revision`` makes live."""
    if user is None or not user.is_authenticated:
        return []
    changed, authors = changed_fields_and_authors(revision)
    if user.pk not in authors:
        return []
    model = revision.content_type.model_class()
    return [str(model._meta.get_field(name).verbose_name) for name in changed]


def refusal(user, revision):
    fields = own_change(user, revision)
    if not fields:
        return None
    return OWN_CHANGE % {"fields": ", ".join(fields), "title": revision.object_str}


def refuse_own_change(user, revision):
    """Raise PermissionDenied when ``user`` would publish their own change of a guarded field."""
    reason = refusal(user, revision)
    if reason:
        raise PermissionDenied(reason)


def refuse_publishing_own_change(request, obj):
    """``before_publish`` / ``before_publish_page``: the edit form's *Publicera*. The form
    has been saved as a draft already; it stays one."""
    if not guarded_fields(type(obj)):
        return None
    revision = obj.get_latest_revision()
    reason = refusal(request.user, revision) if revision is not None else None
    if reason is None:
        return None
    messages.error(request, reason)
    if hasattr(obj, "snippet_viewset"):
        return redirect(obj.snippet_viewset.get_url_name("edit"), obj.pk)
    return redirect("wagtailadmin_pages:edit", obj.pk)
