"""Small tools that make demo loaders idempotent.

Every demo object gets a translation key derived from a stable name, so a second run of
``load_demo`` finds what the first one made and updates it instead of adding a copy.
"""

import uuid

from django.conf import settings
from wagtail.actions import ConvertAliasPageAction
from wagtail.models import DraftStateMixin, Locale

DEMO_NAMESPACE = uuid.UUID("6f1c9a52-0d0b-4c8e-9a57-5e3c7b1d2a10")


def stable_key(name):
    """The same UUID for the same name, on every machine and every run."""
    return uuid.uuid5(DEMO_NAMESPACE, name)


def ensure_locales():
    """A Wagtail locale for every configured language; returns them by language code."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }


def assign_changed(obj, fields):
    """Set ``fields`` on ``obj``; True when any of them had another value."""
    changed = False
    for name, value in fields.items():
        current = getattr(obj, name)
        if hasattr(current, "raw_data"):  # a StreamField: compare its stored JSON
            current = list(current.raw_data)
        if current != value:
            setattr(obj, name, value)
            changed = True
    return changed


def publish_if_changed(page, **fields):
    """Set ``fields`` on ``page`` and publish a revision only when something changed."""
    changed = assign_changed(page, fields)
    if changed or not page.live:
        page.save_revision().publish()
    return page


def ensure_child_page(parent, page_class, key, **fields):
    """Find (by stable key) or create a published child page of ``parent``."""
    translation_key = stable_key(key)
    page = page_class.objects.filter(translation_key=translation_key, locale=parent.locale).first()
    if page is None:
        page = page_class(translation_key=translation_key, locale=parent.locale, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page_class.objects.get(pk=page.pk)
    return publish_if_changed(page, **fields)


def ensure_translation(source, locale, **fields):
    """The page's translation into ``locale``, created if missing, with ``fields`` set.

    Created the way Wagtail and wagtail-localize create translations (same translation
    key, parent's translation as parent), so editors see it as a translation of the source.
    """
    translation = source.get_translation_or_none(locale)
    if translation is None:
        translation = source.copy_for_translation(locale, copy_parents=True)
    elif translation.alias_of_id:
        # A mirror of the synchronised support tree that the demo now has a text for:
        # convert it as an editor would; it is then a draft until published below.
        ConvertAliasPageAction(translation).execute(skip_permission_checks=True)
        translation = type(translation).objects.get(pk=translation.pk)
    translation = translation.specific
    return publish_if_changed(translation, **fields)


def upsert_translatable(model, key, locale, **fields):
    """A translatable snippet (TranslatableMixin) by stable key and locale, saved only if new
    or changed.

    A snippet with drafts (``DraftStateMixin``: helplines, services, brochures, terms) is
    published through a revision, as an editor publishes it, so it has a live revision
    like everything edited in the admin; a second run with the same content publishes
    nothing and makes no revision.
    """
    obj = model.objects.filter(translation_key=stable_key(key), locale=locale).first()
    if obj is None:
        obj = model(translation_key=stable_key(key), locale=locale, **fields)
        obj.save()
        changed = True
    else:
        changed = assign_changed(obj, fields)
    if isinstance(obj, DraftStateMixin):
        if changed or not obj.live:
            obj.save_revision().publish()
            obj = model.objects.get(pk=obj.pk)  # publishing saved another instance of it
    elif changed:
        obj.save()
    return obj
