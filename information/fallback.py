"""The synchronised support tree: every page of the section exists in every language.

Which version a visitor sees is ``information.visitors``'s rule (an alias, or a converted
alias nobody has published yet, counts as missing there). This module keeps the tree:

1. Each source page of the section has an alias in every other language, made when it is
   created, or when a language is added (its pages above the section become aliases too).
2. Converting an alias into a translation leaves a draft until somebody publishes it.
3. Deleting a source page deletes its aliases, never a translation (one below goes offline).

The synchronised tree (``mirror``, ``sync_support_tree``) and the signals below keep these
however a page is created, converted or deleted. Why only the support section: it is meant to be complete in every
language, while the rest of the site (home page, plans) exists only where it is written.

Why our own tree and not wagtail-localize's locale synchronisation: that mirrors the
*whole* site into each language. The aliases let editors see the whole section under every
language in the page explorer and translate an alias with "Translate this page".
"""

from django.apps import apps
from django.db import transaction
from wagtail.actions import ConvertAliasPageAction
from wagtail.models import Locale, Page

from information.visitors import family_view_restrictions
from multilingual.languages import source_language
from multilingual.localization import language_code_for, locale_id_for


class MirroredPage:
    """A page type of the support section: translating a page in code takes over its alias.

    Rule 3 gives every language an alias of a source page as soon as the page exists, so
    Wagtail's ``copy_for_translation`` would find the language taken. As wagtail-localize's
    "Translate this page" does, the alias then becomes the translation: a draft holding the
    source text (rule 4), for the caller to fill in and publish.
    """

    def copy_for_translation(self, locale, copy_parents=False, alias=False, exclude_fields=None):
        if not alias:
            mirror_page = Page.objects.filter(
                translation_key=self.translation_key, locale=locale, alias_of__isnull=False
            ).first()
            if mirror_page is not None:
                ConvertAliasPageAction(mirror_page.specific).execute(skip_permission_checks=True)
                return type(self).objects.get(pk=mirror_page.pk)
        return super().copy_for_translation(
            locale, copy_parents=copy_parents, alias=alias, exclude_fields=exclude_fields
        )

    def get_view_restrictions(self):
        """A family is private in every language (``information.visitors``, rule 4): a
        password on the Swedish page also guards its translations and aliases."""
        return family_view_restrictions(self)


# The synchronised tree (rules 3 to 5) ----------------------------------------------------


def support_sections(locale=None):
    """The support section roots (``SupportIndexPage``) written in the source language.

    None on a site that has no locale for the source language yet (a host site migrated
    before the extension, whose only locale is ``en``)."""
    SupportIndexPage = apps.get_model("information", "SupportIndexPage")
    locale_id = locale.pk if locale is not None else locale_id_for(source_language())
    if locale_id is None:
        return SupportIndexPage.objects.none()
    return SupportIndexPage.objects.filter(locale_id=locale_id, alias_of__isnull=True)


def in_support_section(page):
    """True for a support index page and every page below one."""
    SupportIndexPage = apps.get_model("information", "SupportIndexPage")

    if isinstance(page.specific_deferred, SupportIndexPage):
        return True
    return SupportIndexPage.objects.filter(
        path__in=[page.path[:i] for i in range(Page.steplen, len(page.path), Page.steplen)]
    ).exists()


def mirror(page, locales):
    """Give ``page`` an alias in each of ``locales`` it does not exist in. Returns the count.

    An alias hangs under the page's parent in that language. Without one (a language just
    added, no home page in it yet) the pages above get aliases too, as Wagtail does with
    ``copy_parents``: the section is there the moment a language is, and the home page's
    alias shows the Swedish home page, marked as Swedish, until someone translates it.
    """
    created = 0
    have = set(
        Page.objects.filter(translation_key=page.translation_key).values_list(
            "locale_id", flat=True
        )
    )
    for locale in locales:
        if locale.pk in have:
            continue
        page.specific.copy_for_translation(locale, copy_parents=True, alias=True)
        created += 1
    return created


def sync_support_tree(locales=None):
    """Give every language an alias of each source support page it lacks. Returns the count.

    Idempotent: pages that exist in a language (translated or alias) are left alone.
    """
    source = Locale.objects.filter(language_code=source_language()).first()
    if source is None:
        return 0
    targets = list(Locale.objects.exclude(pk=source.pk) if locales is None else locales)
    created = 0
    with transaction.atomic():
        for section in support_sections(source):
            for page in [section, *section.get_descendants().order_by("path")]:
                created += mirror(page, targets)
    return created


def mirror_new_page(sender, instance, created=False, raw=False, **kwargs):
    """``post_save``: a new source-language page of the support section gets its aliases.

    On save rather than in an admin hook, so a page made in code (an import, the demo, a
    municipality's own script) is mirrored exactly as one made in the admin.
    """
    if not created or raw or not isinstance(instance, Page) or instance.alias_of_id:
        return
    if language_code_for(instance.locale_id) != source_language() or not in_support_section(
        instance
    ):
        return
    mirror(instance, Locale.objects.exclude(pk=instance.locale_id))


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
    if not instance.live or language_code_for(instance.locale_id) == source_language():
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
    aliases = list(
        Page.objects.filter(alias_of_id=instance.pk).exclude(locale_id=instance.locale_id)
    )
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
    if language_code_for(instance.locale_id) == source_language() or in_support_section(instance):
        return
    parents = {section.get_parent().translation_key for section in support_sections()}
    if instance.translation_key in parents:
        sync_support_tree([instance.locale])


def mirror_into_added_locale(sender, instance, created=False, raw=False, **kwargs):
    """``post_save`` of ``Locale``: a language added in the admin (Settings → Locales) gets
    the support section at once, without anyone translating its home page first."""
    if created and not raw:
        sync_support_tree([instance])


def connect():
    from django.db.models.signals import post_save, pre_delete
    from wagtail.signals import page_published

    post_save.connect(mirror_new_page, dispatch_uid="information.fallback.new_page")
    post_save.connect(
        unpublish_converted_alias, dispatch_uid="information.fallback.converted_alias"
    )
    pre_delete.connect(
        delete_mirrors, sender=Page, dispatch_uid="information.fallback.delete_mirrors"
    )
    page_published.connect(
        mirror_into_new_language, dispatch_uid="information.fallback.new_language"
    )
    post_save.connect(
        mirror_into_added_locale, sender=Locale, dispatch_uid="information.fallback.added_locale"
    )
