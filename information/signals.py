"""Keep brochure PDFs in step with the numbers they print."""

from django.db.models.signals import post_delete, post_save
from django.utils import timezone


#: What Wagtail writes to the row when a draft of a live helpline or service is saved: the
#: published content, and so the PDFs, have not changed.
DRAFT_BOOKKEEPING = {"latest_revision", "has_unpublished_changes"}


def _touch_brochures(update_fields=None, **kwargs):
    from information.models import Brochure

    if update_fields and set(update_fields) <= DRAFT_BOOKKEEPING:
        return

    # A changed number must reach every PDF; there are few brochures, so touch them all.
    Brochure.objects.update(updated_at=timezone.now())


def connect():
    from information.models import Helpline, LocalService

    for model in (Helpline, LocalService):
        post_save.connect(_touch_brochures, sender=model, dispatch_uid=f"brochures-{model.__name__}-save")
        post_delete.connect(_touch_brochures, sender=model, dispatch_uid=f"brochures-{model.__name__}-delete")
