"""Keep numbers in step: brochure PDFs with the numbers they print, and every language's
helpline or service with the Swedish one's number, hours flag and contact details."""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.signals import published


#: What Wagtail writes to the row when a draft of a live helpline or service is saved: the
#: published content, and so the PDFs, have not changed.
DRAFT_BOOKKEEPING = {"latest_revision", "has_unpublished_changes"}


def _touch_brochures(update_fields=None, **kwargs):
    from information.models import Brochure

    if update_fields and set(update_fields) <= DRAFT_BOOKKEEPING:
        return

    # A changed number must reach every PDF; there are few brochures, so touch them all.
    Brochure.objects.update(updated_at=timezone.now())


def fact_fields(model):
    """Fields that must be the same in every language (``SynchronizedField(..., overridable=False)``)."""
    from wagtail_localize.fields import SynchronizedField

    return [
        field.field_name
        for field in getattr(model, "translatable_fields", [])
        if isinstance(field, SynchronizedField) and not field.overridable
    ]


def push_facts(sender, instance, **kwargs):
    """``published``: a published Swedish helpline or service hands its facts to every translation.

    A number is data, not text: an Arabic visitor must never read last year's number
    because nobody re-translated the Arabic helpline. The facts are written to each
    translation's row (what visitors see) and to its newest revision, so that publishing
    a translation's older draft later cannot bring the old number back.
    """
    if instance.locale.language_code != settings.LANGUAGE_CODE:
        return
    fields = fact_fields(type(instance))
    values = {name: getattr(instance, name) for name in fields}
    serialized = instance.serializable_data()
    others = type(instance).objects.filter(translation_key=instance.translation_key).exclude(pk=instance.pk)
    for other in others.select_related("latest_revision"):
        type(instance).objects.filter(pk=other.pk).update(**values)
        revision = other.latest_revision
        if revision is not None:
            revision.content.update({name: serialized[name] for name in fields})
            revision.save(update_fields=["content"])


def connect():
    from information.models import Helpline, LocalService

    for model in (Helpline, LocalService):
        published.connect(push_facts, sender=model, dispatch_uid=f"facts-{model.__name__}-published")

    for model in (Helpline, LocalService):
        post_save.connect(_touch_brochures, sender=model, dispatch_uid=f"brochures-{model.__name__}-save")
        post_delete.connect(_touch_brochures, sender=model, dispatch_uid=f"brochures-{model.__name__}-delete")
