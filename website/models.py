"""The home page and the settings that hold for the whole site."""

import pickle

from django.db import models
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, Site
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from multilingual.localization import localized_many
from multilingual.published import once_per_publication
from multilingual.search_words import SEARCH_FIELDS, FoundByAnyWord


class HomePage(FoundByAnyWord, Page):
    """The root of each language's tree: what the site offers, and help right now."""

    intro = RichTextField(
        pgettext_lazy("admin", "introduction"), blank=True, features=["bold", "italic", "link"]
    )
    help_intro = models.CharField(
        pgettext_lazy("admin", "text by the help numbers"),
        max_length=255,
        blank=True,
        help_text=pgettext_lazy(
            "admin",
            "A short text above the numbers, e.g. 'Call 112 if someone is in danger right now.'",
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("help_intro"),
                InlinePanel("helplines", label=pgettext_lazy("admin", "Helpline"), min_num=0),
            ],
            heading=pgettext_lazy("admin", "Need help now?"),
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("help_intro"),
        *SEARCH_FIELDS,
    ]

    def searchable_snippets(self):
        return [
            link.helpline for link in self.helplines.select_related("helpline")
        ]  # "Need help now?"

    class Meta:
        verbose_name = pgettext_lazy("admin", "home page")
        verbose_name_plural = pgettext_lazy("admin", "home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from django.utils import translation

        lines, speaks = self.urgent_helplines(translation.get_language())
        context["urgent_helplines"] = lines
        context["no_line_speaks"] = not speaks
        context["sections"] = self.sections()
        context["support_url"] = self.support_url(request)
        return context

    def urgent_helplines(self, language):
        """``(lines, speaks)``: the chosen lines in the visitor's language, and whether one
        of them (112 aside) answers in it.

        When none of the chosen lines answers in the visitor's language, the lines that
        say they do are added, by the support pages' rule (``helplines_offering``), and
        ``speakers_first`` puts them straight after 112: a Somali reader was shown only
        lines that answer in Swedish and English. ``speaks`` False: no line answers in
        it at all, and the page says so (and where to get an interpreter).
        """
        from information.models import helplines_offering, speakers_first

        lines = localized_many(link.helpline for link in self.helplines.select_related("helpline"))

        def answers(line):
            return not line.is_emergency and language in line.language_codes

        if not any(answers(line) for line in lines):
            shown = {line.translation_key for line in lines}
            lines += [
                line
                for line in helplines_offering(language)
                if answers(line) and line.translation_key not in shown
            ]
        return speakers_first(lines, language), any(answers(line) for line in lines)

    def support_url(self, request=None):
        """The support section in the visitor's language (or its fallback under their prefix).

        A link whose words are an interface string, so it reads in the visitor's language
        even where the section itself is still Swedish (its card then says so).
        """
        from information.models import SupportIndexPage, url_for_visitor

        section = (
            SupportIndexPage.objects.live().filter(alias_of__isnull=True).order_by("pk").first()
        )
        return url_for_visitor(section, request) if section is not None else ""

    def sections(self):
        """The sections listed on the home page, each with the page whose text is shown.

        In a language where a section is a mirror of the Swedish one (an alias, or a
        translation still being written, see ``information/fallback.py``) the card shows the
        Swedish title marked as Swedish and still leads into the section.
        """
        entries = []
        for child in self.get_children().public().in_menu().specific():
            if child.alias_of_id:
                if not child.live:
                    continue
                content = child.alias_of.specific
            elif child.live:
                content = child
            else:
                content = child.content_page() if hasattr(child, "content_page") else child
                if content is child:  # an ordinary draft
                    continue
            lang = content.locale.language_code if content.locale_id != self.locale_id else None
            entries.append({"page": child, "content": content, "lang": lang})
        return entries


class HomePageHelpline(Orderable):
    """A helpline shown in the home page's "Need help now?" box, in the chosen order."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="helplines")
    helpline = models.ForeignKey(
        "information.Helpline",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=pgettext_lazy("admin", "helpline"),
    )

    panels = [FieldPanel("helpline")]


class AccessibilityStatementPage(Page):
    """Tillgänglighetsredogörelse: required of every Swedish public-sector website (lag
    2018:1937 om tillgänglighet till digital offentlig service, DOS-lagen).

    The page follows DIGG's model statement (Myndigheten för digital förvaltning), section
    by section: who runs the site, compliance status, what to do when part of the site
    cannot be used, how to report a problem, the enforcement procedure (fixed text: DIGG
    supervises), the technical information (non-compliance with each shortcoming's WCAG
    criterion, disproportionate burden, content outside the law), how the site was tested.
    """

    COMPLIANCE_CHOICES = [
        ("full", pgettext_lazy("admin", "Fully compliant with the law")),
        ("partial", pgettext_lazy("admin", "Partially compliant with the law")),
        ("none", pgettext_lazy("admin", "Not compliant with the law")),
    ]

    compliance_status = models.CharField(
        pgettext_lazy("admin", "how accessible the website is"),
        max_length=10,
        choices=COMPLIANCE_CHOICES,
        default="partial",
    )
    known_issues = RichTextField(
        pgettext_lazy("admin", "content that is not accessible"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=pgettext_lazy(
            "admin", "Known shortcomings, where they are and when they will be fixed."
        ),
    )
    disproportionate_burden = RichTextField(
        pgettext_lazy("admin", "disproportionate burden"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=pgettext_lazy(
            "admin",
            "Content not made accessible because it would be a disproportionate burden, and why. Empty: the section is left out.",
        ),
    )
    outside_the_law = RichTextField(
        pgettext_lazy("admin", "content outside the law"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=pgettext_lazy(
            "admin",
            "Content the law does not cover, e.g. office documents published before 23 September 2018. Empty: the section is left out.",
        ),
    )
    how_to_report = RichTextField(
        pgettext_lazy("admin", "how to report shortcomings"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=pgettext_lazy(
            "admin",
            "How to contact the municipality. The email address in the site settings is shown too.",
        ),
    )
    testing = RichTextField(
        pgettext_lazy("admin", "how we tested the website"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
    )
    statement_date = models.DateField(
        pgettext_lazy("admin", "statement drawn up"), null=True, blank=True
    )
    reviewed_date = models.DateField(pgettext_lazy("admin", "last updated"), null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("compliance_status"),
        FieldPanel("known_issues"),
        FieldPanel("disproportionate_burden"),
        FieldPanel("outside_the_law"),
        FieldPanel("how_to_report"),
        FieldPanel("testing"),
        FieldPanel("statement_date"),
        FieldPanel("reviewed_date"),
    ]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("slug", overridable=False),
        SynchronizedField("compliance_status", overridable=False),
        TranslatableField("known_issues"),
        TranslatableField("disproportionate_burden"),
        TranslatableField("outside_the_law"),
        TranslatableField("how_to_report"),
        TranslatableField("testing"),
        SynchronizedField("statement_date", overridable=False),
        SynchronizedField("reviewed_date", overridable=False),
    ]

    parent_page_types = ["website.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    #: DIGG's form for reporting a lack of accessibility (the enforcement procedure).
    DIGG_REPORT_URL = "https://www.digg.se/analys-och-uppfoljning/lagen-om-tillganglighet-till-digital-offentlig-service-dos-lagen/anmal-bristande-tillganglighet"

    class Meta:
        verbose_name = pgettext_lazy("admin", "accessibility statement")
        verbose_name_plural = pgettext_lazy("admin", "accessibility statements")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # In a language where it is not translated yet the page is an alias of the
        # Swedish one: the Swedish text, marked as such, with a notice.
        context["content"] = content = self.alias_of.specific if self.alias_of_id else self
        if content.locale_id != self.locale_id:
            context["fallback_from"] = self.locale.language_code
        context["digg_report_url"] = self.DIGG_REPORT_URL
        return context


def quick_exit_url(request):
    """``VINR_QUICK_EXIT_URL`` of the reference site: the address communicators chose in
    the site settings ("Lämna sidan snabbt")."""
    if request is None:
        return SiteSettings._meta.get_field("quick_exit_url").default
    return SiteSettings.for_request(request).quick_exit_url


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """What differs between municipalities and is not page content."""

    municipality_name = models.CharField(
        pgettext_lazy("admin", "municipality's name"), max_length=100, blank=True
    )
    quick_exit_url = models.URLField(
        pgettext_lazy("admin", "quick exit address"),
        default="https://www.smhi.se/",
        help_text=pgettext_lazy(
            "admin", "A neutral website that the 'Leave this page quickly' button leads to."
        ),
    )
    contact_email = models.EmailField(
        pgettext_lazy("admin", "email for questions about the website"), blank=True
    )
    municipality_url = models.URLField(
        pgettext_lazy("admin", "municipality's website"),
        blank=True,
        help_text=pgettext_lazy(
            "admin", "The logo and the municipality's name in the page header link here."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=pgettext_lazy("admin", "municipality's logo"),
    )
    contact_url = models.URLField(
        pgettext_lazy("admin", "contact page"),
        blank=True,
        help_text=pgettext_lazy(
            "admin", "The municipality's page with contact details, linked from the footer."
        ),
    )
    accessibility_statement = models.ForeignKey(
        "website.AccessibilityStatementPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=pgettext_lazy("admin", "accessibility statement"),
        help_text=pgettext_lazy("admin", "Linked from the footer of every page."),
    )

    panels = [
        FieldPanel("municipality_name"),
        FieldPanel("municipality_url"),
        FieldPanel("logo"),
        FieldPanel("quick_exit_url"),
        FieldPanel("contact_email"),
        FieldPanel("contact_url"),
        FieldPanel("accessibility_statement"),
    ]

    @classmethod
    def for_request(cls, request):
        """Wagtail's, with the row read once per publication (``multilingual.published``):
        every page shows the municipality's name and the quick exit address, and saving
        the settings is a publication (``website.page_cache``). A copy per request."""
        attr = cls.get_cache_attr_name()
        if not hasattr(request, attr) and (site := Site.find_for_request(request)) is not None:
            kept = once_per_publication(
                ("site_settings", site.pk), request, lambda: pickle.dumps(cls.for_site(site))
            )
            found = pickle.loads(kept)
            found._request = request
            setattr(request, attr, found)
        return super().for_request(request)

    class Meta:
        verbose_name = pgettext_lazy("admin", "site settings")
