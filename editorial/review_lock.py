"""What a reviewer approves is exactly what goes live (issue 21, finding 1; docs/roles.md).

Wagtail approves a workflow task, which names the revision that was submitted, and then
publishes the object's *latest* revision. Pages are locked while in review, so those are
the same; snippets without ``LockableMixin`` are not: a number saved as a draft after
submission went live with an approval of new opening hours, and the reviewer's compare
view never showed it. Two rules close that, for pages and snippets alike:

* **A change after submission sends it back to review.** Whenever a revision of an object
  in review is saved — by the edit form, the translation editor, a sync or a script —
  whose content differs from the revision under review, the running task starts again on
  it. The reviewer's dashboard, compare view and approval then name the changed version,
  and an approval given on the old task state is refused (Wagtail: the task state is no
  longer in progress). A save that changes nothing just moves the task to the new revision.
* **Approving publishes the approved revision** (``WAGTAIL_FINISH_WORKFLOW_ACTION``), never
  a later one, whatever wrote it; before that the four-eyes rule is asked
  (``editorial.four_eyes``).
"""

# Wagtail imports this module while it defines its models (the finish action is read
# then): the models are imported inside the functions.

#: Keys of a revision's content that Wagtail writes itself on every save or publication;
#: a difference in them is not a change a reviewer has to see.
BOOKKEEPING = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "live_revision",
        "live",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "locked",
        "locked_at",
        "locked_by",
        "draft_title",
        "url_path",
        "numchild",
        "path",
        "depth",
        "owner",
    }
)


def substance(content):
    """A revision's content without Wagtail's bookkeeping: what a person changed."""
    return {key: value for key, value in (content or {}).items() if key not in BOOKKEEPING}


def task_under_review(revision):
    """The in-progress task state of the revision's object, or None."""
    from wagtail.models import TaskState, WorkflowState

    state = (
        WorkflowState.objects.filter(
            base_content_type_id=revision.base_content_type_id,
            object_id=revision.object_id,
            status=WorkflowState.STATUS_IN_PROGRESS,
        )
        .select_related("current_task_state__revision")
        .first()
    )
    if state is None or state.current_task_state is None:
        return None
    task_state = state.current_task_state
    return task_state if task_state.status == TaskState.STATUS_IN_PROGRESS else None


def remember_content_before_overwrite(sender, instance, raw=False, **kwargs):
    """``pre_save`` of Revision: Wagtail may overwrite a revision in place (its author's
    latest one); keep what it said, to tell whether the overwrite changed it."""
    from wagtail.models import Revision

    if raw or instance.pk is None:
        return
    instance._content_before_save = (
        Revision.objects.filter(pk=instance.pk).values_list("content", flat=True).first()
    )


def send_changes_back_to_review(sender, instance, created, raw=False, update_fields=None, **kwargs):
    """``post_save`` of Revision: the task under review follows every change (module docstring)."""
    from wagtail.models import TaskState, WorkflowState

    if raw or (update_fields and set(update_fields) <= {"approved_go_live_at"}):
        return
    task_state = task_under_review(instance)
    if task_state is None:
        return
    if instance.pk == task_state.revision_id:
        changed = substance(getattr(instance, "_content_before_save", None)) != substance(
            instance.content
        )
    else:
        if instance.pk < task_state.revision_id:
            return  # an older revision: not what goes live
        changed = substance(task_state.revision.content) != substance(instance.content)
    if not changed:
        TaskState.objects.filter(pk=task_state.pk).update(revision=instance)
        return
    # Start the same task again. Wagtail takes the object's latest revision, which the
    # object does not point to yet while its revision is being saved: set it here.
    task_state.cancel(user=instance.user, resume=True, comment="")
    state = WorkflowState.objects.get(pk=task_state.workflow_state_id)
    TaskState.objects.filter(pk=state.current_task_state_id).update(revision=instance)


def publish_approved_revision(workflow_state, user=None):
    """``WAGTAIL_FINISH_WORKFLOW_ACTION``: publish the revision the last task approved.

    Wagtail's own action publishes the latest revision instead. The four-eyes rule
    (``editorial.four_eyes``) is asked first: a refusal rolls the approval back.
    """
    from editorial import four_eyes

    revision = workflow_state.current_task_state.revision
    four_eyes.refuse_own_change(user, revision)
    revision.publish(user=user)


def connect():
    from django.db.models.signals import post_save, pre_save
    from wagtail.models import Revision

    pre_save.connect(
        remember_content_before_overwrite, sender=Revision, dispatch_uid="review_lock_before"
    )
    post_save.connect(
        send_changes_back_to_review, sender=Revision, dispatch_uid="review_lock_after"
    )
