"""Keep numbers in step: every language's helpline or service with the Swedish one's
number, hours flag and contact details, and the brochure PDFs that print them."""

from wagtail.signals import published

from multilingual.languages import source_language


def brochures_showing(contact):
    """Ids of the live brochures, in every language, that print this helpline or service
    (in any of its languages): a brochure's contacts point at one row of the family."""
    from information.models import Brochure, Helpline

    block_type = "helpline" if isinstance(contact, Helpline) else "local_service"
    family = set(
        type(contact)
        .objects.filter(translation_key=contact.translation_key)
        .values_list("pk", flat=True)
    )
    return [
        pk
        for pk, contacts in Brochure.objects.filter(live=True).values_list("pk", "contacts")
        if any(
            block["type"] == block_type and block["value"] in family for block in contacts.raw_data
        )
    ]


def render_brochures_showing(sender, instance, **kwargs):
    """``published`` for helplines and services: the brochures that print it get their new
    PDF rendered in the background. Only those: the others print nothing that changed.
    (A PDF asked for before is rendered for the reader: its file name is a digest of what
    it prints, see ``information.pdf``.)"""
    from information.pdf import BROCHURE_PDF

    for pk in brochures_showing(instance):
        BROCHURE_PDF.published(pk)


def render_published_brochure(sender, instance, **kwargs):
    """``published`` for brochures: its PDF is rendered in the background."""
    from information.pdf import BROCHURE_PDF

    BROCHURE_PDF.published(instance.pk)


def glossaries_in(languages):
    """Ids of the live glossary pages in ``languages``: each lists every term."""
    from information.models import GlossaryPage

    return (
        GlossaryPage.objects.live()
        .filter(locale__language_code__in=languages)
        .values_list("pk", flat=True)
    )


def index_pages_showing(sender, instance, **kwargs):
    """``published``/``unpublished`` for helplines, services and glossary terms: search reads
    a page with the text of what it shows (``multilingual.search_words``), so the pages
    that show this one, in the languages that read this version, are indexed again: a
    Somali visitor finds the new name or number at once. Only those pages."""
    from information.models import GlossaryTerm
    from multilingual.search_words import index_pages_showing as index_again

    index_again(instance, also=glossaries_in if isinstance(instance, GlossaryTerm) else ())


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


def connect():
    from wagtail.signals import unpublished

    from information.models import Brochure, GlossaryTerm, Helpline, LocalService

    for model in (Helpline, LocalService):
        published.connect(
            sync_facts, sender=model, dispatch_uid=f"facts-{model.__name__}-published"
        )
        # After sync_facts: the PDFs print the synchronised numbers.
        published.connect(
            render_brochures_showing,
            sender=model,
            dispatch_uid=f"brochures-{model.__name__}-published",
        )
    published.connect(
        render_published_brochure, sender=Brochure, dispatch_uid="brochures-Brochure-published"
    )
    for model in (Helpline, LocalService, GlossaryTerm):
        # After sync_facts: the pages are indexed with the synchronised numbers.
        published.connect(
            index_pages_showing, sender=model, dispatch_uid=f"search-{model.__name__}-published"
        )
        unpublished.connect(
            index_pages_showing, sender=model, dispatch_uid=f"search-{model.__name__}-unpublished"
        )
