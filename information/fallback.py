"""The fallback rule: what a visitor sees when a support page is not in their language.

1. A page live in the visitor's language, and not an alias, is shown as it is.
2. Else the first fallback language's live page (sv, then en) is shown at the visitor's address.
3. Each source page of the section has an alias in every other language, made when it is created.
4. An alias, or a converted alias nobody has published yet, counts as missing in that language.
5. Deleting a source page deletes its aliases, never a translation (one below goes offline).

Routing (``SupportIndexPage.route``), links in templates (``url_for_visitor``) and the
section's list of pages ask ``for_visitor``; the synchronised tree (``mirror``,
``sync_support_tree``) and the signals below keep rule 3 to 5 however a page is created,
converted or deleted. Why only the support section: it is meant to be complete in every
language, while the rest of the site (home page, plans) exists only where it is written.

Why our own tree and not wagtail-localize's locale synchronisation: that mirrors the
*whole* site into each language. The aliases let editors see the whole section under every
language in the page explorer and translate an alias with "Translate this page".
"""

from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Locale, Page

from multilingual.conf import fallback_languages
from multilingual.languages import source_language
from multilingual.localization import language_code_for, locale_id_for


# What a visitor sees ---------------------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    """What a visitor of ``locale`` gets for a page: the page whose text they read, and
    ``fallback_from`` (the visitor's language code) when that text is in another language
    and the visitor is told so (rule 2)."""

    page: Page
    locale: Locale
    fallback_from: str | None
    #: The page's version in the visitor's language that is not shown (an alias, a draft).
    stand_in: Page | None = None

    @property
    def is_fallback(self):
        return self.fallback_from is not None

    def url(self, request=None):
        """The address under the visitor's own language prefix (rule 2).

        The shown page's own address when it is in the visitor's language, or its alias's
        there; otherwise the address of the nearest page above it that exists in the
        visitor's language (the section page: translated, a draft or an alias), followed by
        the slugs below it, where ``SupportIndexPage.route`` serves the fallback. Without
        any (no home page in that language) the fallback page's own address.
        """
        if not self.is_fallback:
            return self.page.get_url(request=request) or ""
        if self.stand_in is not None and self.stand_in.slug == self.page.slug:
            return self.stand_in.get_url(request=request) or ""
        slugs = [self.page.slug]
        for ancestor in reversed(self.page.get_ancestors().filter(depth__gt=1)):
            version = Page.objects.filter(translation_key=ancestor.translation_key, locale=self.locale).first()
            if version is not None:
                base = version.get_url(request=request)
                if base:
                    return base + "".join(f"{slug}/" for slug in reversed(slugs))
                break
            slugs.append(ancestor.slug)
        return self.page.get_url(request=request) or ""


def for_visitor(page, locale):
    """What a visitor reading in ``locale`` sees for ``page`` (any version of it: the source,
    a translation, an alias or a draft), or None when no version is live.

    The one place the fallback rule is decided (rules 1, 2 and 4); one query for pages of a
    known type.
    """
    model = page.specific_class or Page
    versions = {
        version.locale_id: version
        for version in model.objects.filter(translation_key=page.translation_key)
    }
    own = versions.get(locale.pk)
    if own is not None and own.live and not own.alias_of_id:
        return Shown(own, locale, None)
    for code in fallback_languages():
        found = versions.get(locale_id_for(code))
        if found is not None and found.live and not found.alias_of_id:
            return Shown(found, locale, locale.language_code, stand_in=own)
    return None


def source_child(index, slug):
    """The live child at ``slug`` of ``index``'s section in the first fallback language that
    has one: what an address under the visitor's prefix names when their own tree lacks it."""
    for code in fallback_languages():
        if code == language_code_for(index.locale_id):
            continue
        source_index = index.get_translation_or_none(Locale.objects.filter(language_code=code).first())
        if source_index is None or not source_index.live:
            continue
        child = source_index.get_children().live().public().filter(slug=slug).specific().first()
        if child is not None:
            return child
    return None


def is_fallback_language(code):
    """Whether pages in ``code`` are what other languages fall back to (no notice there)."""
    return code in fallback_languages()


# The synchronised tree (rules 3 to 5) ----------------------------------------------------


def support_sections(locale=None):
    """The support section roots (``SupportIndexPage``) written in the source language."""
    from information.models import SupportIndexPage

    locale = locale or Locale.objects.get(language_code=source_language())
    return SupportIndexPage.objects.filter(locale=locale, alias_of__isnull=True)


def in_support_section(page):
    """True for a support index page and every page below one."""
    from information.models import SupportIndexPage

    if isinstance(page.specific_deferred, SupportIndexPage):
        return True
    return SupportIndexPage.objects.filter(
        path__in=[page.path[:i] for i in range(Page.steplen, len(page.path), Page.steplen)]
    ).exists()


def mirror(page, locales):
    """Give ``page`` an alias in each of ``locales`` it does not exist in. Returns the count.

    An alias hangs under the page's parent in that language; without one (no home page in
    that language yet) there is nothing to hang it on, and ``mirror_into_new_language``
    makes it when that language's home page goes live.
    """
    created = 0
    have = set(Page.objects.filter(translation_key=page.translation_key).values_list("locale_id", flat=True))
    parent = None
    for locale in locales:
        if locale.pk in have:
            continue
        parent = parent or page.get_parent()
        if parent.locale_id != locale.pk and parent.get_translation_or_none(locale) is None:
            continue
        page.specific.copy_for_translation(locale, alias=True)
        created += 1
    return created


def sync_support_tree(locales=None):
    """Give every language an alias of each source support page it lacks. Returns the count.

    Idempotent: pages that exist in a language (translated or alias) are left alone.
    """
    source = Locale.objects.get(language_code=source_language())
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
    if language_code_for(instance.locale_id) != source_language() or not in_support_section(instance):
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
    if language_code_for(instance.locale_id) == source_language() or in_support_section(instance):
        return
    parents = {section.get_parent().translation_key for section in support_sections()}
    if instance.translation_key in parents:
        sync_support_tree([instance.locale])


def connect():
    from django.db.models.signals import post_save, pre_delete
    from wagtail.signals import page_published

    post_save.connect(mirror_new_page, dispatch_uid="information.fallback.new_page")
    post_save.connect(unpublish_converted_alias, dispatch_uid="information.fallback.converted_alias")
    pre_delete.connect(delete_mirrors, sender=Page, dispatch_uid="information.fallback.delete_mirrors")
    page_published.connect(mirror_into_new_language, dispatch_uid="information.fallback.new_language")
