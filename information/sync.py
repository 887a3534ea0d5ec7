"""Keep the support section's tree the same in every language (synchronised tree).

Every page of the Swedish support section has a counterpart in each language: a real
translation when someone has written one, otherwise an *alias* (Wagtail's live mirror of
the Swedish page, updated whenever the Swedish page is published). Editors therefore see
the whole section under every language in the page explorer and translate an alias with
wagtail-localize's "Translate this page", and visitors reach every support page under
their own language's address.

Why our own and not wagtail-localize's locale synchronisation: that mirrors the *whole*
site into each language (home page, every plan, focus area and measure), while only the
support section is meant to be complete in every language. The rules around the aliases:

- an alias is not a translation: visitors get the Swedish page with a notice in their own
  language (``SupportIndexPage.route``), and the language switcher, ``hreflang`` and the
  sitemap leave it out;
- turning an alias into a translation makes it a *draft* (``unpublish_converted_alias``):
  wagtail-localize would otherwise leave the converted page live with the Swedish text
  under, say, ``/so/``, before anyone has translated or checked it;
- deleting a Swedish page deletes its aliases, never a translation
  (``delete_mirrors``).
"""

from django.db import transaction
from wagtail.models import Locale, Page

from multilingual.languages import SOURCE_LANGUAGE


def support_sections(locale=None):
    """The support section roots (``SupportIndexPage``) written in the source language."""
    from information.models import SupportIndexPage

    locale = locale or Locale.objects.get(language_code=SOURCE_LANGUAGE)
    return SupportIndexPage.objects.filter(locale=locale, alias_of__isnull=True)


def in_support_section(page):
    """True for a support index page and every page below one."""
    from information.models import SupportIndexPage

    if isinstance(page.specific_deferred, SupportIndexPage):
        return True
    return SupportIndexPage.objects.filter(
        path__in=[page.path[:i] for i in range(Page.steplen, len(page.path), Page.steplen)]
    ).exists()


def _mirror(page, locale):
    """Create an alias of ``page`` in ``locale`` unless the page exists there; True if created."""
    if Page.objects.filter(translation_key=page.translation_key, locale=locale).exists():
        return False
    parent = page.get_parent()
    if parent.locale_id == locale.pk:
        target_parent = parent
    else:
        target_parent = parent.get_translation_or_none(locale)
    if target_parent is None:  # e.g. no home page in that language: nothing to hang it on
        return False
    page.specific.copy_for_translation(locale, alias=True)
    return True


def sync_support_tree(locales=None):
    """Give every language an alias of each source support page it lacks. Returns the count.

    Idempotent: pages that exist in a language (translated or alias) are left alone.
    """
    source = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    targets = list(Locale.objects.exclude(pk=source.pk) if locales is None else locales)
    created = 0
    with transaction.atomic():
        for section in support_sections(source):
            pages = [section, *section.get_descendants().order_by("path")]
            for locale in targets:
                for page in pages:
                    created += _mirror(page, locale)
    return created


def mirror_new_page(page):
    """After an editor creates a source-language page in the support section."""
    if page.alias_of_id or page.locale.language_code != SOURCE_LANGUAGE or not in_support_section(page):
        return 0
    created = 0
    for locale in Locale.objects.exclude(pk=page.locale_id):
        created += _mirror(page, locale)
    return created


def unpublish_converted_alias(sender, instance, update_fields=None, **kwargs):
    """``post_save``: an alias just became a page of its own, so it starts as a draft.

    Both wagtail-localize ("Translate this page" on an alias) and Wagtail ("Convert alias
    to ordinary page") convert by saving ``alias_of_id`` alone, on the live alias. The page
    then still holds the Swedish text; it goes live again when a person publishes the
    translation. Setting ``live`` on ``instance`` too matters: wagtail-localize saves the
    same object again right after, with all its fields.
    """
    if not isinstance(instance, Page) or instance.alias_of_id:
        return
    if update_fields is None or set(update_fields) != {"alias_of_id"}:
        return
    if not instance.live or instance.locale.language_code == SOURCE_LANGUAGE:
        return
    if not in_support_section(instance):
        return
    instance.live = False
    instance.has_unpublished_changes = True
    Page.objects.filter(pk=instance.pk).update(live=False, has_unpublished_changes=True)


def delete_mirrors(sender, instance, **kwargs):
    """``pre_delete`` (any page): a deleted source page's aliases in other languages go with it.

    Wagtail keeps an alias whose original is deleted as an ordinary page (``alias_of`` is
    ``SET_NULL``): it would then pose as a translation, live with the Swedish text. This
    runs however the page is deleted (admin, shell, import). An alias with a real
    translation below it (a translated page under a mirrored section page) is not deleted
    with that work, only taken offline.
    """
    aliases = list(Page.objects.filter(alias_of_id=instance.pk).exclude(locale_id=instance.locale_id))
    if not aliases or not in_support_section(instance):
        return
    for alias in aliases:
        if alias.get_descendants().filter(alias_of__isnull=True).exists():
            Page.objects.filter(pk=alias.pk).update(live=False, has_unpublished_changes=True)
        else:
            alias.delete()


def mirror_into_new_language(sender, instance, **kwargs):
    """``page_published``: a language's page above the section (its home page) went live.

    A language added after the support section was written gets its aliases as soon as
    its home page exists, without anyone running ``sync_support_tree``.
    """
    if instance.locale.language_code == SOURCE_LANGUAGE or in_support_section(instance):
        return
    parents = {section.get_parent().translation_key for section in support_sections()}
    if instance.translation_key in parents:
        sync_support_tree([instance.locale])


def connect():
    from django.db.models.signals import post_save, pre_delete
    from wagtail.signals import page_published

    post_save.connect(unpublish_converted_alias, dispatch_uid="information.sync.converted_alias")
    pre_delete.connect(delete_mirrors, sender=Page, dispatch_uid="information.sync.delete_mirrors")
    page_published.connect(mirror_into_new_language, dispatch_uid="information.sync.new_language")
