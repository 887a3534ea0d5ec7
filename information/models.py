"""Support information for people in danger, their relatives and people who use violence."""

from datetime import timedelta

from django.db import models
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    Locale,
    Page,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.snippets import blocks as snippet_blocks
from wagtail.url_routing import RouteResult
from wagtail_localize.fields import SynchronizedField, TranslatableField

from information import fallback, visitors
from information.blocks import BrochureSectionBlock, SupportBodyBlock
from information.panels import VerificationWarningPanel
from information.phone import dialled_digits, validate_phone_number
from multilingual.admin_search import word_endings
from multilingual.conf import PageTypesSetting, support_index_parent_page_types
from multilingual.languages import direction, language_entries, local_name, site_languages
from multilingual.localization import in_locale, language_code_for, locale_id_for, shown_versions
from multilingual.pages import HostBaseTemplateMixin, ParentPageTypesFromSettings
from multilingual.search_words import SEARCH_FIELDS, FoundByAnyWord

#: A number older than this is flagged in the admin: a wrong number can cost a life.
HELPLINE_VERIFY_EVERY = timedelta(days=183)


def tel_uri(number):
    """A phone number as a ``tel:`` URI: the digits shown, and a leading + (``information.phone``)."""
    return "tel:" + dialled_digits(number)


class ReachableByPhone:
    """What a helpline and a local service share: a number to call, in some languages."""

    @property
    def tel_href(self):
        return tel_uri(self.phone_number)

    @property
    def language_codes(self):
        return [code.strip() for code in self.languages_offered.split(",") if code.strip()]

    @property
    def offered_languages(self):
        return language_entries(self.language_codes)


class TranslationStartsAsDraft:
    """A snippet translation made by wagtail-localize starts as a draft of its own.

    A translation is a copy of the published source: it must not inherit the source's
    publishing record (Wagtail excludes these fields for pages, not for snippets), or a
    fresh draft would look published in the admin.

    An existing, published translation is never saved as a draft by wagtail-localize:
    ``translations.submit_translations`` leaves existing translations alone.
    """

    exclude_fields_in_copy = ["live_revision", "first_published_at", "last_published_at"]


class FoundByPartOfItsName(index.Indexed):
    """Helplines and services in the admin's search: by name and audience, and by any part
    of a compound word of the name ("frid" finds Kvinnofridslinjen; multilingual.admin_search)."""

    search_fields = [
        index.SearchField("name"),
        index.SearchField("audience"),
        index.AutocompleteField("name"),
        index.AutocompleteField("word_endings"),
        index.FilterField("locale_id"),
    ]

    def word_endings(self):
        return word_endings(self.name)


class Helpline(
    TranslationStartsAsDraft,
    ReachableByPhone,
    WorkflowMixin,
    DraftStateMixin,
    RevisionMixin,
    TranslatableMixin,
    FoundByPartOfItsName,
    models.Model,
):
    """A telephone line people can call (stödlinje), e.g. Kvinnofridslinjen or 112.

    Numbers are data that the municipality verifies, never text in a template.

    Like every snippet a visitor reads here (services, glossary terms, brochures), it has
    drafts (``DraftStateMixin``): a changed number, or a translation wagtail-localize has
    just made, reaches visitors only when someone with the *publish* permission publishes
    it. Until then the row keeps the published content (a live object's edits wait in
    revisions) or, never published, has ``live=False`` and is not shown at all; public
    code reads snippets through ``multilingual.localization`` or filters ``live=True``.
    """

    name = models.CharField(pgettext_lazy("admin", "name"), max_length=200)
    phone_number = models.CharField(
        pgettext_lazy("admin", "phone number"),
        max_length=40,
        help_text=pgettext_lazy("admin", "As you dial it, e.g. 020-50 50 50."),
        validators=[validate_phone_number],
    )
    alternative_number = models.CharField(
        pgettext_lazy("admin", "alternative number"),
        max_length=40,
        blank=True,
        help_text=pgettext_lazy("admin", "For example an EU number such as 116 016."),
        validators=[validate_phone_number],
    )
    opening_hours = models.CharField(
        pgettext_lazy("admin", "opening hours"), max_length=200, blank=True
    )
    open_around_the_clock = models.BooleanField(
        pgettext_lazy("admin", "open around the clock"), default=False
    )
    free_of_charge = models.BooleanField(pgettext_lazy("admin", "free of charge"), default=True)
    anonymous = models.BooleanField(pgettext_lazy("admin", "you can stay anonymous"), default=False)
    is_emergency = models.BooleanField(
        pgettext_lazy("admin", "emergency number"),
        default=False,
        help_text=pgettext_lazy("admin", "Shown first, e.g. 112."),
    )
    languages_offered = models.CharField(
        pgettext_lazy("admin", "languages"),
        max_length=300,
        blank=True,
        help_text=pgettext_lazy("admin", "Language codes separated by commas, e.g. sv,en,ar."),
    )
    audience = models.CharField(pgettext_lazy("admin", "for whom"), max_length=300, blank=True)
    description = RichTextField(
        pgettext_lazy("admin", "description"), blank=True, features=["bold", "italic", "link"]
    )
    website = models.URLField(pgettext_lazy("admin", "website"), blank=True)
    last_verified = models.DateField(
        pgettext_lazy("admin", "last verified"),
        null=True,
        blank=True,
        help_text=pgettext_lazy(
            "admin",
            "The day someone called or checked the number and the opening hours. A number not checked for six months is flagged.",
        ),
    )

    panels = [
        VerificationWarningPanel(),
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("phone_number"),
                FieldPanel("alternative_number"),
                FieldPanel("is_emergency"),
            ],
            heading=pgettext_lazy("admin", "Number"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("opening_hours"),
                FieldPanel("open_around_the_clock"),
                FieldPanel("free_of_charge"),
                FieldPanel("anonymous"),
                FieldPanel("languages_offered"),
            ],
            heading=pgettext_lazy("admin", "When and how"),
        ),
        FieldPanel("audience"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("last_verified"),
    ]

    # Words are translated; numbers and facts are the same in every language and follow
    # the Swedish helpline when it is published (``information.signals.sync_facts``).
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("opening_hours"),
        TranslatableField("audience"),
        TranslatableField("description"),
        SynchronizedField("phone_number", overridable=False),
        SynchronizedField("alternative_number", overridable=False),
        SynchronizedField("is_emergency", overridable=False),
        SynchronizedField("open_around_the_clock", overridable=False),
        SynchronizedField("free_of_charge", overridable=False),
        SynchronizedField("anonymous", overridable=False),
        SynchronizedField("languages_offered", overridable=False),
        SynchronizedField("last_verified", overridable=False),
        SynchronizedField("website"),  # a helpline may have a page in the language
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = pgettext_lazy("admin", "helpline")
        verbose_name_plural = pgettext_lazy("admin", "helplines")
        ordering = ["-is_emergency", "name"]

    def __str__(self):
        return f"{self.name} ({self.phone_number})"

    @property
    def alternative_tel_href(self):
        return tel_uri(self.alternative_number)

    @property
    def needs_verification(self):
        """True when nobody has checked the number for about six months."""
        if self.last_verified is None:
            return True
        return timezone.localdate() - self.last_verified > HELPLINE_VERIFY_EVERY


class LocalService(
    TranslationStartsAsDraft,
    ReachableByPhone,
    WorkflowMixin,
    DraftStateMixin,
    RevisionMixin,
    TranslatableMixin,
    FoundByPartOfItsName,
    models.Model,
):
    """A place in the municipality where people get help: social services, the shelter …"""

    name = models.CharField(pgettext_lazy("admin", "name"), max_length=200)
    audience = models.CharField(pgettext_lazy("admin", "for whom"), max_length=300, blank=True)
    phone_number = models.CharField(
        pgettext_lazy("admin", "phone number"),
        max_length=40,
        blank=True,
        validators=[validate_phone_number],
        help_text=pgettext_lazy("admin", "As you dial it, e.g. 0123-45 67 00."),
    )
    email = models.EmailField(pgettext_lazy("admin", "email"), blank=True)
    address = models.CharField(pgettext_lazy("admin", "address"), max_length=300, blank=True)
    opening_hours = models.CharField(
        pgettext_lazy("admin", "opening hours"), max_length=200, blank=True
    )
    languages_offered = models.CharField(
        pgettext_lazy("admin", "languages"),
        max_length=300,
        blank=True,
        help_text=pgettext_lazy(
            "admin",
            "Language codes separated by commas, e.g. sv,en,ar. An interpreter can be mentioned in the description.",
        ),
    )
    walk_in = models.BooleanField(
        pgettext_lazy("admin", "you can come without an appointment"),
        default=False,
        help_text=pgettext_lazy(
            "admin", "Tick if people can come straight in, without an appointment (drop-in)."
        ),
    )
    description = RichTextField(
        pgettext_lazy("admin", "description"), blank=True, features=["bold", "italic", "link"]
    )
    website = models.URLField(pgettext_lazy("admin", "website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("audience"),
        MultiFieldPanel(
            [
                FieldPanel("phone_number"),
                FieldPanel("email"),
                FieldPanel("address"),
                FieldPanel("website"),
            ],
            heading=pgettext_lazy("admin", "Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("opening_hours"), FieldPanel("walk_in"), FieldPanel("languages_offered")],
            heading=pgettext_lazy("admin", "When and how"),
        ),
        FieldPanel("description"),
    ]

    # As for helplines: contact details follow the published Swedish service.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("audience"),
        TranslatableField("opening_hours"),
        TranslatableField("description"),
        TranslatableField("address"),  # may be words: "the address is secret to protect …"
        SynchronizedField("phone_number", overridable=False),
        SynchronizedField("email", overridable=False),
        SynchronizedField("walk_in", overridable=False),
        SynchronizedField("languages_offered", overridable=False),
        SynchronizedField("website"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = pgettext_lazy("admin", "local support service")
        verbose_name_plural = pgettext_lazy("admin", "local support services")
        ordering = ["name"]

    def __str__(self):
        # With the number, as a helpline: a reviewer's dashboard names what they approve.
        return f"{self.name} ({self.phone_number})" if self.phone_number else self.name


class GlossaryTerm(
    TranslationStartsAsDraft,
    WorkflowMixin,
    DraftStateMixin,
    RevisionMixin,
    TranslatableMixin,
    models.Model,
):
    """A word a visitor may not know (VINR, barnfridsbrott, kontaktförbud …), explained."""

    term = models.CharField(pgettext_lazy("admin", "word or abbreviation"), max_length=120)
    slug = models.SlugField(
        pgettext_lazy("admin", "anchor"),
        max_length=120,
        allow_unicode=False,
        help_text=pgettext_lazy(
            "admin",
            "Used in the link to the word in the glossary, e.g. 'kontaktforbud'. The same in every language.",
        ),
    )
    definition = RichTextField(
        pgettext_lazy("admin", "explanation"), features=["bold", "italic", "link"]
    )

    panels = [FieldPanel("term"), FieldPanel("slug"), FieldPanel("definition")]

    translatable_fields = [
        TranslatableField("term"),
        TranslatableField("definition"),
        SynchronizedField("slug", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = pgettext_lazy("admin", "glossary term")
        verbose_name_plural = pgettext_lazy("admin", "glossary terms")
        ordering = ["term"]

    def __str__(self):
        return self.term

    @property
    def anchor(self):
        return f"term-{self.slug}"


class Brochure(
    TranslationStartsAsDraft,
    WorkflowMixin,
    DraftStateMixin,
    RevisionMixin,
    TranslatableMixin,
    models.Model,
):
    """A short brochure (broschyr) that is a web page and a printable PDF in every language.

    The PDF is made from the same content (see ``information.pdf``), unless a communicator
    uploads a designed PDF for a language (``uploaded_pdf`` is set per translation).
    """

    title = models.CharField(pgettext_lazy("admin", "title"), max_length=200)
    slug = models.SlugField(
        pgettext_lazy("admin", "slug"),
        max_length=100,
        help_text=pgettext_lazy(
            "admin", "Part of the address, e.g. 'stod-vid-vald'. The same in every language."
        ),
    )
    summary = models.TextField(pgettext_lazy("admin", "introduction"), blank=True, max_length=600)
    sections = StreamField(
        [("section", BrochureSectionBlock())],
        verbose_name=pgettext_lazy("admin", "sections"),
        blank=True,
        help_text=pgettext_lazy("admin", "Short sections: a heading and a few sentences each."),
    )
    contacts = StreamField(
        [
            (
                "helpline",
                snippet_blocks.SnippetChooserBlock(
                    "information.Helpline", label=pgettext_lazy("admin", "Helpline")
                ),
            ),
            (
                "local_service",
                snippet_blocks.SnippetChooserBlock(
                    "information.LocalService",
                    label=pgettext_lazy("admin", "Local support service"),
                ),
            ),
        ],
        verbose_name=pgettext_lazy("admin", "numbers and contacts"),
        blank=True,
    )
    paper_size = models.CharField(
        pgettext_lazy("admin", "paper size"),
        max_length=2,
        choices=[("A5", pgettext_lazy("admin", "A5 (folded A4)")), ("A4", "A4")],
        default="A5",
    )
    uploaded_pdf = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=pgettext_lazy("admin", "own PDF for this language"),
        help_text=pgettext_lazy(
            "admin",
            "Optional: a ready-made PDF that is downloaded instead of the one made automatically.",
        ),
    )
    updated_at = models.DateTimeField(pgettext_lazy("admin", "last changed"), auto_now=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("sections"),
        FieldPanel("contacts"),
        MultiFieldPanel([FieldPanel("paper_size"), FieldPanel("uploaded_pdf")], heading="PDF"),
    ]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("sections"),
        SynchronizedField("slug", overridable=False),
        SynchronizedField("contacts", overridable=False),
        SynchronizedField("paper_size"),
        SynchronizedField("uploaded_pdf"),
    ]
    # As for support pages: no untranslated part goes live unconfirmed.
    translation_must_be_complete = True

    class Meta(TranslatableMixin.Meta):
        verbose_name = pgettext_lazy("admin", "brochure")
        verbose_name_plural = pgettext_lazy("admin", "brochures")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def localized_contacts(self):
        """Published helplines and services in this brochure's language (FKs point at the source).

        A contact translated but not yet published is printed from its published source;
        one never published at all is left out.
        """
        contacts = []
        for block in self.contacts:
            target = in_locale(block.value, self.locale_id)
            if target is not None:
                contacts.append((block.block_type, target))
        return contacts


class SupportIndexPage(
    fallback.MirroredPage, ParentPageTypesFromSettings, HostBaseTemplateMixin, FoundByAnyWord, Page
):
    """The section "Stöd och hjälp": lists the support pages, one per situation.

    It also catches requests for support pages that do not exist in the visitor's
    language; see ``route``.
    """

    intro = RichTextField(
        pgettext_lazy("admin", "introduction"), blank=True, features=["bold", "italic", "link"]
    )
    search_fields = Page.search_fields + [index.SearchField("intro"), *SEARCH_FIELDS]
    hide_visit_page = models.ForeignKey(
        "information.SupportPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=pgettext_lazy("admin", "page about hiding your visit"),
        help_text=pgettext_lazy(
            "admin",
            "Linked from the text by the 'Leave this page quickly' button on every support page.",
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("hide_visit_page")]
    promote_panels = Page.promote_panels

    # The slug is not translated: a translation being drafted keeps its text in the row,
    # and a new slug there would move the whole section (every mirrored page below it)
    # to a new address before anything is published.
    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("slug", overridable=False),
        SynchronizedField("show_in_menus"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        SynchronizedField("hide_visit_page"),
    ]

    # Any page type unless the site says otherwise (VINR_SUPPORT_INDEX_PARENT_PAGE_TYPES).
    parent_page_types = PageTypesSetting(support_index_parent_page_types)
    subpage_types = [
        "information.SupportPage",
        "information.BrochureIndexPage",
        "information.GlossaryPage",
    ]

    class Meta:
        verbose_name = pgettext_lazy("admin", "support section page")
        verbose_name_plural = pgettext_lazy("admin", "support section pages")

    def route(self, request, path_components):
        """Serve the Swedish (or English) page when it has no translation in this language.

        Why here: Wagtail routes ``/so/stod/utsatt-for-vald/`` through the *Somali* tree
        (``site.root_page.localized``), so an untranslated support page is simply missing
        there and Wagtail would answer 404. A middleware or a wrapping view would have to
        re-implement that routing for every URL of the site; this override only touches
        the support section, keeps Wagtail's hooks, previews and caching, and the index
        page is a plain section page that the demo (and editors) translate into every
        language. A missing child slug is looked up under the fallback languages' section
        (Swedish, then English) and served with ``fallback_from`` set to the visitor's
        language so the page can say so. The aliases of the synchronised tree and
        translations that are still drafts take the same way: the rule is
        ``information.visitors``'s, which the section's list asks too.
        """
        if (
            not path_components
            and not self.live
            and not self.alias_of_id
            and self.content_page() is not self
        ):
            # A translation of the section page that is still a draft: the section stays
            # reachable, showing the source text (see ``content_page``).
            return RouteResult(self)
        try:
            result = super().route(request, path_components)
        except Http404:
            if not path_components:
                raise
            page = visitors.child_for_slug(self, path_components[0])
            if page is None:
                raise
        else:
            page = result.page
            original = page.alias_of if page.alias_of_id and page is not self else None
            if original is None or original.locale_id == page.locale_id:
                return result
            # An alias from the synchronised tree is the source page under this
            # language's address: serve it as the fallback it is.
        shown = visitors.for_visitor(page, language_code_for(self.locale_id))
        if shown is None:
            raise Http404
        if isinstance(shown.page, SupportPage) and len(path_components) == 1:
            if not shown.is_fallback or shown.page.slug != path_components[0]:
                # Translated under another slug (an old link, or the Swedish slug under
                # this prefix), or another language's slug for the page shown: go to the
                # one address where the section lists it.
                return RouteResult(
                    shown.page,
                    kwargs={"redirect_to": shown.url(request, parent_url=self.get_url(request))},
                )
            return RouteResult(shown.page, kwargs={"fallback_from": shown.fallback_from})
        if isinstance(shown.page, BrochureIndexPage | GlossaryPage):
            # Their lists (downloads per language, terms) are useful in any language.
            return shown.page.route(request, path_components[1:])
        raise Http404

    def content_page(self):
        """The page whose title and introduction visitors read here.

        An alias shows its Swedish original; a translation that is not live yet shows the
        live fallback page, so that nobody reads an unpublished translation
        (``information.visitors``).
        """
        shown = visitors.for_visitor(self, language_code_for(self.locale_id))
        if shown is None or shown.page.pk == self.pk:
            return self  # itself, as previewed or served
        return shown.page.specific

    def support_pages(self, request=None):
        """The support pages this section lists, as ``(shown, url)`` (``visitors.Shown``):
        in menus, readable by anyone, each at the address where ``route`` serves it."""
        return [
            (shown, url)
            for shown, url in visitors.section_listing(self, request=request)
            if self._is_card(shown)
        ]

    @staticmethod
    def _is_card(shown):
        return isinstance(shown.page, SupportPage) and shown.page.show_in_menus

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["content"] = content = self.content_page()
        context["fallback_from"] = None  # the section says it itself (multilingual_tags)
        if content.locale_id != self.locale_id:
            # The section page itself is shown in Swedish: say so, as a support page does.
            context["fallback_from"] = self.locale.language_code
            context["fallback_helplines"] = helplines_offering(self.locale.language_code)
        listing = visitors.section_listing(self, request=request)
        context["support_pages"] = [
            {
                "page": shown.page,
                "fallback": shown.is_fallback,
                "url": url,
                # Marked only when the card's text is another language's (a fallback).
                "lang": language_code_for(shown.page.locale_id) if shown.is_fallback else None,
            }
            for shown, url in listing
            if self._is_card(shown)
        ]
        # Brochures, glossary: in a language where they are aliases their titles are Swedish.
        context["other_pages"] = [
            {
                "url": url,
                "title": shown.page.title,
                "lang": language_code_for(shown.page.locale_id) if shown.is_fallback else None,
            }
            for shown, url in listing
            if not isinstance(shown.page, SupportPage)
        ]
        return context


class SupportPage(fallback.MirroredPage, HostBaseTemplateMixin, FoundByAnyWord, Page):
    """Help for one situation or audience: easy-to-read summary first, then the details."""

    easy_read = RichTextField(
        pgettext_lazy("admin", "easy-to-read summary"),
        blank=True,
        features=["bold", "link", "ul", "source-language"],
        help_text=pgettext_lazy(
            "admin", "Short sentences, everyday words. Shown first on the page."
        ),
    )
    body = StreamField(
        SupportBodyBlock(), verbose_name=pgettext_lazy("admin", "content"), blank=True
    )

    content_panels = Page.content_panels + [FieldPanel("easy_read"), FieldPanel("body")]

    parent_page_types = ["information.SupportIndexPage"]
    subpage_types = []
    # A translation with an untranslated part is not published without a person confirming
    # that part may show in Swedish (translations/publish_translations.py).
    translation_must_be_complete = True
    # The section page lists pages shown in menus: a new support page is listed unless unticked.
    show_in_menus_default = True

    search_fields = Page.search_fields + [
        index.SearchField("easy_read"),
        index.SearchField("body"),
        *SEARCH_FIELDS,
    ]

    class Meta:
        verbose_name = pgettext_lazy("admin", "support page")
        verbose_name_plural = pgettext_lazy("admin", "support pages")

    def serve(self, request, *args, fallback_from=None, redirect_to=None, **kwargs):
        if redirect_to:
            return redirect(redirect_to)
        request.support_fallback_from = fallback_from
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        fallback_from = getattr(request, "support_fallback_from", None)
        context["fallback_from"] = fallback_from
        translations = list(
            self.get_translations(inclusive=True)
            .live()
            .filter(alias_of__isnull=True)
            .select_related("locale")
        )
        by_code = {p.locale.language_code: p for p in translations}
        context["available_languages"] = [
            {
                **entry,
                "url": by_code[entry["code"]].get_url(request=request),
                "current": entry["code"] == self.locale.language_code,
            }
            for entry in language_entries(code for code in site_languages() if code in by_code)
        ]
        visitor = fallback_from or self.locale.language_code
        context["english_url"] = (
            by_code["en"].get_url(request=request) if "en" in by_code and visitor != "en" else ""
        )
        if fallback_from:
            context["fallback_language"] = local_name(fallback_from)
            context["fallback_helplines"] = helplines_offering(fallback_from)
        elif not visitors.is_fallback_language(visitor):
            # Help that speaks the visitor's language first, above the text: on a long
            # page the one line that answers in Arabic was a thousand pixels down.
            context["own_language_help"] = {
                "helplines": helplines_offering(visitor),
                "services": helplines_offering(visitor, model=LocalService),
            }
        return context


class BrochureIndexPage(
    fallback.MirroredPage, HostBaseTemplateMixin, RoutablePageMixin, FoundByAnyWord, Page
):
    """The "Brochures" page: every brochure, read online or downloaded per language."""

    intro = RichTextField(
        pgettext_lazy("admin", "introduction"), blank=True, features=["bold", "italic", "link"]
    )
    search_fields = Page.search_fields + [index.SearchField("intro"), *SEARCH_FIELDS]

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["information.SupportIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = pgettext_lazy("admin", "brochure page")
        verbose_name_plural = pgettext_lazy("admin", "brochure pages")

    def brochures(self):
        """Brochures of the source language with all their translations, in two queries."""
        # Shown in the visitor's language where it exists: this page may be the Swedish
        # one serving a fallback (``SupportIndexPage.route``) under /ti/.
        visitor = (
            translation.get_language()
            if locale_id_for(translation.get_language())
            else self.locale.language_code
        )
        sources = {}
        for brochure in (
            Brochure.objects.filter(live=True)
            .select_related("locale", "uploaded_pdf")
            .order_by("title")
        ):
            sources.setdefault(brochure.translation_key, []).append(brochure)
        entries = []
        order = {code: i for i, code in enumerate(site_languages())}
        for versions in sources.values():
            versions.sort(key=lambda b: order.get(b.locale.language_code, 99))
            # The rule of ``information.visitors``; a brochure written only in another
            # language is still listed, for its download.
            shown = next(iter(shown_versions(versions, visitor)), versions[0])
            entries.append({"brochure": shown, "versions": versions})
        entries.sort(key=lambda e: e["brochure"].title.lower())
        return entries

    def _base_url(self, request):
        """This page's URL under the visitor's language prefix, also when reached by fallback."""
        visitor = translation.get_language()
        if visitor != self.locale.language_code:
            locale = Locale.objects.filter(language_code=visitor).first()
            index = self.get_parent().get_translation_or_none(locale) if locale else None
            if index is not None and index.live:
                return f"{index.get_url(request=request)}{self.slug}/"
        return self.get_url(request=request)

    @path("")
    def index_route(self, request):
        """Every brochure with a link per language. Nothing is rendered here: a PDF not
        made yet shows no size, and is made by the PDF view (or in the background when
        published)."""
        from information.pdf import listed_size

        entries = self.brochures()
        base = self._base_url(request)
        for entry in entries:
            entry["url"] = base + self.reverse_subpage("brochure", args=[entry["brochure"].slug])
            entry["downloads"] = []
            for version in entry["versions"]:
                code = version.locale.language_code
                entry["downloads"].append(
                    {
                        **language_entries([code])[0],
                        "url": base
                        + self.reverse_subpage("brochure_pdf", args=[version.slug, code]),
                        "size": listed_size(version),
                    }
                )
        return self.render(
            request, context_overrides={"entries": entries, **self._fallback_context()}
        )

    def _fallback_context(self):
        """``fallback_from`` when this page's own text is not in the visitor's language."""
        visitor = translation.get_language()
        if self.locale.language_code == visitor:
            return {"fallback_from": None}
        return {"fallback_from": visitor, "fallback_helplines": helplines_offering(visitor)}

    def _brochure_or_404(self, slug, language_code):
        brochure = (
            Brochure.objects.filter(slug=slug, locale__language_code=language_code, live=True)
            .select_related("locale", "uploaded_pdf")
            .first()
        )
        if brochure is None:
            raise Http404
        return brochure

    @path("<slug:slug>/")
    def brochure(self, request, slug):
        """The brochure as a web page, in this page's language or else in Swedish/English."""
        visitor = translation.get_language()
        family = Brochure.objects.filter(slug=slug, live=True).select_related("locale")
        brochure = next(iter(shown_versions(family, visitor)), None)
        if brochure is None:
            raise Http404
        base = self._base_url(request)
        code = brochure.locale.language_code
        return self.render(
            request,
            template="information/brochure_page.html",
            context_overrides={
                "brochure": brochure,
                "fallback_from": None,  # the brochure says it itself (is_fallback)
                "brochure_dir": direction(code),
                "is_fallback": brochure.locale.language_code != visitor,
                "contacts": sorted(
                    brochure.localized_contacts(),
                    key=lambda kc: (
                        not getattr(kc[1], "is_emergency", False),
                        visitor not in kc[1].language_codes,
                    ),
                ),
                "pdf_url": base + self.reverse_subpage("brochure_pdf", args=[slug, code]),
                "index_url": base,
            },
        )

    @path("<slug:slug>/pdf/<str:language_code>/")
    def brochure_pdf(self, request, slug, language_code):
        """The PDF in one language: the uploaded one if there is one, else the generated one."""
        from information.pdf import open_brochure_pdf

        brochure = self._brochure_or_404(slug, language_code)
        download = open_brochure_pdf(brochure)
        if download.response is not None:
            return download.response  # the PDF could not be stored (503)
        if download.document is not None:
            return redirect(download.document.url)
        response = FileResponse(download.file, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{brochure.slug}-{language_code}.pdf"'
        return response


class GlossaryPage(fallback.MirroredPage, HostBaseTemplateMixin, FoundByAnyWord, Page):
    """Every glossary term in the page's language, each with an anchor pages link to."""

    intro = RichTextField(
        pgettext_lazy("admin", "introduction"), blank=True, features=["bold", "italic", "link"]
    )
    search_fields = Page.search_fields + [index.SearchField("intro"), *SEARCH_FIELDS]

    def searchable_snippets(self):
        return visitors.terms_for_visitor(self.locale.language_code)  # the page lists them

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["information.SupportIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = pgettext_lazy("admin", "glossary page")
        verbose_name_plural = pgettext_lazy("admin", "glossary pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The visitor's terms, also when this is the Swedish page serving a fallback.
        visitor = (
            translation.get_language()
            if locale_id_for(translation.get_language())
            else self.locale.language_code
        )
        context["terms"] = visitors.terms_for_visitor(visitor)
        context["fallback_from"] = None
        if locale_id_for(visitor) != self.locale_id:
            context["fallback_from"] = visitor
            context["fallback_helplines"] = helplines_offering(visitor)
        return context


# What a visitor sees is ``information.visitors``'s: kept here by name for the templates
# and the host site that import them from the models.
url_for_visitor = visitors.url_for_visitor
section_page_for_visitor = visitors.section_page_for_visitor
helplines_offering = visitors.helplines_offering
speakers_first = visitors.speakers_first
