"""System checks: the review lock must be what finishes a workflow."""

from django.conf import settings
from django.core import checks

FINISH_WORKFLOW_ACTION = "editorial.review_lock.publish_approved_revision"


@checks.register()
def approval_publishes_the_approved_revision(app_configs, **kwargs):
    """Wagtail's own finish action publishes the object's *latest* revision, not the one the
    reviewer approved (editorial/review_lock.py): a host that leaves the setting out, or
    sets its own, would lose the review lock without a word."""
    action = getattr(settings, "WAGTAIL_FINISH_WORKFLOW_ACTION", None)
    if action == FINISH_WORKFLOW_ACTION:
        return []
    return [
        checks.Error(
            f"WAGTAIL_FINISH_WORKFLOW_ACTION is {action!r}: approving in review would publish the "
            "latest revision, which may hold changes the reviewer never saw.",
            hint=f'Set WAGTAIL_FINISH_WORKFLOW_ACTION = "{FINISH_WORKFLOW_ACTION}" (docs/install.md).',
            id="editorial.E001",
        )
    ]
