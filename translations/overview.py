"""How far each translation has come: the overview of the admin's "Översättningar".

wagtail-localize does the translating (segments, translation memory, PO files, machine
translation). :func:`translation_overview` gives, per page and snippet, per language:
percent translated, draft or live, and whether it is out of date ("Inaktuell"): the
Swedish source changed since its strings were last sent for translation, or what
visitors read (the published translation) lacks some of its current strings. Who may
translate what: ``translations.translator_permissions`` and ``translations.translators``.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments.extract import extract_segments

from multilingual.languages import SITE_LANGUAGES, SOURCE_LANGUAGE
from translations.publish_translations import IGNORED_PAGE_PATHS

# Overview ------------------------------------------------------------------------------


@dataclass
class Cell:
    """One object in one language."""

    language: str
    exists: bool = False  # a page or snippet exists in this language (not an alias)
    live: bool | None = None  # pages and draft-able snippets: published?
    managed: bool = False  # translated through wagtail-localize (has a Translation)
    translation_id: int | None = None
    percent: int | None = None  # share of the source's strings translated, 0–100
    # The Swedish text changed since it was last synced, or the published translation
    # lacks some of its current strings (see ``live_lacks_current_text``).
    out_of_date: bool = False
    edit_url: str = ""

    @property
    def state(self):
        """A short machine-readable state for templates and tests."""
        if not self.exists and not self.managed:
            return "missing"
        if self.out_of_date:
            return "out_of_date"
        if self.percent is not None and self.percent < 100:
            return "incomplete"
        if self.live is False:
            return "draft"
        return "done"


@dataclass
class Row:
    """One translatable page or snippet in the source language."""

    instance: object
    kind: str  # the model's verbose name, as the admin calls it ("stödsida", "stödlinje")
    title: str
    source: TranslationSource | None
    source_changed: bool = False
    cells: dict = field(default_factory=dict)  # language code -> Cell
    edit_url: str = ""  # the Swedish source in the editor
    submit_url: str = ""  # wagtail-localize's "Translate" form for this object
    update_url: str = ""  # wagtail-localize's "Sync translations" form, once submitted


def stored_strings(sources):
    """``{source id: {(path, text)}}``: the strings wagtail-localize stored for each source
    when it was last submitted or synced, in one query for all of them."""
    stored = defaultdict(set)
    for source_id, path, text in StringSegment.objects.filter(source__in=sources).values_list(
        "source_id", "context__path", "string__data"
    ):
        stored[source_id].add((path, text))
    return stored


def source_has_changed(source, instance, stored=None):
    """Whether ``instance`` now has other text than its translation source holds.

    Compares the translatable strings (path and text) that wagtail-localize would extract
    today with the ones it stored when the source was last submitted or synced, so a save
    that changes no text (or only a timestamp) does not count. ``stored`` is what
    :func:`stored_strings` gives, when checking many sources.
    """
    current = {
        (segment.path, segment.string.data)
        for segment in extract_segments(instance)
        if hasattr(segment, "string")
    }
    if stored is None:
        stored = stored_strings([source])
    return current != stored.get(source.pk, set())


def _progress(sources, page_source_ids=()):
    """Per (source id, locale id): strings translated, and when the newest was, in two queries.

    Returns ``(totals, done, newest)``: ``totals[source_id]`` strings to translate (a page's
    URL slug not counted, see ``translations.publish_translations``), ``done[(source_id,
    locale_id)]`` of them translated, ``newest[(source_id, locale_id)]`` the latest time
    one of them was translated (saved).
    """
    segments = [
        (source_id, string_id, context_id)
        for source_id, string_id, context_id, path in StringSegment.objects.filter(
            source__in=sources
        ).values_list("source_id", "string_id", "context_id", "context__path")
        if not (source_id in page_source_ids and path in IGNORED_PAGE_PATHS)
    ]
    totals = defaultdict(int)
    for source_id, _string, _context in segments:
        totals[source_id] += 1
    translated = defaultdict(dict)  # (string_id, context_id) -> {locale_id: last translated}
    for string_id, context_id, locale_id, when in StringTranslation.objects.filter(
        translation_of_id__in={s for _src, s, _c in segments},
        context_id__in={c for _src, _s, c in segments},
        has_error=False,
    ).values_list("translation_of_id", "context_id", "locale_id", "updated_at"):
        translated[(string_id, context_id)][locale_id] = when
    done = defaultdict(int)
    newest = {}
    for source_id, string_id, context_id in segments:
        for locale_id, when in translated.get((string_id, context_id), {}).items():
            key = (source_id, locale_id)
            done[key] += 1
            if when and (key not in newest or when > newest[key]):
                newest[key] = when
    return totals, done, newest


def live_lacks_current_text(total, done, newest, live, published):
    """Whether a published translation misses some of the source's current strings.

    What visitors read is the version published last. It holds every current string only
    if each was translated (an untranslated one was published in Swedish, or came with a
    sync after publishing) and none was translated after that publication. A sync alone
    therefore does not make a translation current: publishing the new texts does.
    """
    if not live or published is None:
        return False
    return done < total or (newest is not None and newest > published)


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def draft_snippet_models():
    """Translatable snippets with drafts: a translator's change to them is never public."""
    return [model for model in translatable_snippet_models() if issubclass(model, DraftStateMixin)]


def translation_overview(languages=None, only_pending=False):
    """Rows for every translatable page and snippet in the source language.

    ``languages`` limits the columns (default: every language but the source);
    ``only_pending`` keeps rows where some language is missing, incomplete or out of date.
    """
    from django.urls import reverse

    codes = [code for code, *_rest in SITE_LANGUAGES if code != SOURCE_LANGUAGE]
    if languages:
        codes = [code for code in codes if code in languages]
    locales = {
        locale.language_code: locale
        for locale in Locale.objects.filter(language_code__in=[SOURCE_LANGUAGE, *codes])
    }
    source_locale = locales.get(SOURCE_LANGUAGE)
    if source_locale is None:
        return [], codes
    by_id = {locale.pk: code for code, locale in locales.items()}

    # The objects in the source language: pages (not the tree root), then snippets.
    objects = [
        ("page", page)
        for page in Page.objects.filter(locale=source_locale, depth__gt=1, alias_of__isnull=True)
        .order_by("path")
        .specific()
    ]
    for model in translatable_snippet_models():
        for snippet in model.objects.filter(locale=source_locale).order_by("pk"):
            objects.append((str(model._meta.verbose_name), snippet))

    keys = [obj.translation_key for _kind, obj in objects]
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(object_id__in=keys, locale=source_locale)
    }
    translations = defaultdict(dict)  # source id -> locale code -> Translation
    for translation in Translation.objects.filter(source__in=sources.values(), enabled=True):
        code = by_id.get(translation.target_locale_id)
        if code:
            translations[translation.source_id][code] = translation
    page_keys = {obj.translation_key for kind, obj in objects if kind == "page"}
    page_source_ids = {source.pk for key, source in sources.items() if key in page_keys}
    totals, done, newest = _progress(list(sources.values()), page_source_ids)
    stored = stored_strings(list(sources.values()))

    # Which translations exist already (made through localize, by copy, or by the demo).
    existing = defaultdict(dict)  # translation key -> code -> live (None if no live state)
    existing_pages = Page.objects.filter(translation_key__in=keys, alias_of__isnull=True).exclude(
        locale=source_locale
    )
    for key, locale_id, live, pk, published in existing_pages.values_list(
        "translation_key", "locale_id", "live", "pk", "last_published_at"
    ):
        if locale_id in by_id:
            existing[key][by_id[locale_id]] = (live, pk, published)
    for model in translatable_snippet_models():
        # Snippets with drafts say whether each translation is published, and when.
        draftable = issubclass(model, DraftStateMixin)
        fields = ["translation_key", "locale_id", "pk"] + (
            ["live", "last_published_at"] if draftable else []
        )
        for values in (
            model.objects.filter(translation_key__in=keys)
            .exclude(locale=source_locale)
            .values_list(*fields)
        ):
            key, locale_id, pk = values[:3]
            live, published = values[3:] if draftable else (None, None)
            if locale_id in by_id:
                existing[key][by_id[locale_id]] = (live, pk, published)

    rows = []
    for kind, obj in objects:
        source = sources.get(obj.translation_key)
        label = str(obj._meta.verbose_name)  # "stödsida", "stödlinje": the admin's own words
        row = Row(
            instance=obj, kind=label, title=str(obj.title if kind == "page" else obj), source=source
        )
        if source is not None:
            row.source_changed = source_has_changed(source, obj, stored)
            row.update_url = reverse("wagtail_localize:update_translations", args=[source.pk])
        if kind == "page":
            row.edit_url = reverse("wagtailadmin_pages:edit", args=[obj.pk])
            row.submit_url = reverse("wagtail_localize:submit_page_translation", args=[obj.pk])
        else:
            meta = obj._meta
            row.edit_url = reverse(
                f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[obj.pk]
            )
            row.submit_url = reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[meta.app_label, meta.model_name, obj.pk],
            )
        for code in codes:
            cell = Cell(language=code)
            live, pk, published = existing[obj.translation_key].get(code, (None, None, None))
            cell.exists = pk is not None
            cell.live = live
            translation = translations.get(source.pk, {}).get(code) if source else None
            if translation is not None:
                cell.managed = True
                cell.translation_id = translation.pk
                total = totals.get(source.pk, 0)
                key = (source.pk, translation.target_locale_id)
                cell.percent = 100 if total == 0 else round(100 * done.get(key, 0) / total)
                cell.out_of_date = row.source_changed or live_lacks_current_text(
                    total, done.get(key, 0), newest.get(key), live, published
                )
            elif cell.exists:
                # Translated outside wagtail-localize (copied and edited by hand): there are
                # no strings to count, but a Swedish page or snippet published after its
                # translation was last published has changed since.
                source_published = getattr(obj, "last_published_at", None)
                cell.out_of_date = bool(
                    published and source_published and source_published > published
                )
            if pk is not None:
                if kind == "page":
                    cell.edit_url = reverse("wagtailadmin_pages:edit", args=[pk])
                else:
                    meta = obj._meta
                    cell.edit_url = reverse(
                        f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[pk]
                    )
            row.cells[code] = cell
        if only_pending and all(cell.state in ("done", "draft") for cell in row.cells.values()):
            continue
        rows.append(row)
    return rows, codes
