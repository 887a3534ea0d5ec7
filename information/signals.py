"""Keep numbers in step: brochure PDFs with the numbers they print, and every language's
helpline or service with the Swedish one's number, hours flag and contact details."""

from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.signals import published

from multilingual.languages import source_language


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


def sync_facts(sender, instance, **kwargs):
    """``published``: a helpline's or service's facts are the published Swedish one's, in every language.

    A number is data, not text: an Arabic visitor must never read last year's number
    because nobody re-translated the Arabic helpline. So when the Swedish one is
    published its facts are written into every translation's row (what visitors see),
    and when a translation is published (from the translation editor, whose copy of the
    source may be older, or an old draft) it takes the facts of the published Swedish
    one again. Revisions are left as they were written: history stays true.
    """
    from multilingual.localization import locale_id_for

    model = type(instance)
    fields = fact_fields(model)
    source_locale_id = locale_id_for(source_language())
    family = model.objects.filter(translation_key=instance.translation_key)
    if instance.locale_id == source_locale_id:
        family.exclude(pk=instance.pk).update(**{name: getattr(instance, name) for name in fields})
    else:
        facts = family.filter(locale_id=source_locale_id, live=True).values(*fields).first()
        if facts is None:
            return
        family.filter(pk=instance.pk).update(**facts)
    # The rows changed without a save: PDFs that print these numbers must be made again.
    _touch_brochures()


def connect():
    from information.models import Helpline, LocalService

    for model in (Helpline, LocalService):
        published.connect(sync_facts, sender=model, dispatch_uid=f"facts-{model.__name__}-published")

    for model in (Helpline, LocalService):
        post_save.connect(_touch_brochures, sender=model, dispatch_uid=f"brochures-{model.__name__}-save")
        post_delete.connect(_touch_brochures, sender=model, dispatch_uid=f"brochures-{model.__name__}-delete")
