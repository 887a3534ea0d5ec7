"""The home page and the settings that hold for the whole site."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from wagtail_localize.fields import SynchronizedField, TranslatableField

from multilingual.localization import localized_many


class HomePage(Page):
    """The root of each language's tree: what the site offers, and help right now."""

    intro = RichTextField("ingress", blank=True, features=["bold", "italic", "link"])
    help_intro = models.CharField(
        "text vid hjälpnumren",
        max_length=255,
        blank=True,
        help_text="Kort text ovanför numren, t.ex. 'Ring 112 om någon är i fara just nu.'",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("help_intro"),
                InlinePanel("helplines", label="Stödlinje", min_num=0),
            ],
            heading="Behöver du hjälp nu?",
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "startsida"
        verbose_name_plural = "startsidor"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from django.utils import translation

        from information.models import speakers_first

        context["urgent_helplines"] = speakers_first(
            localized_many(link.helpline for link in self.helplines.select_related("helpline")),
            translation.get_language(),
        )
        context["sections"] = self.sections()
        context["support_url"] = self.support_url(request)
        return context

    def support_url(self, request=None):
        """The support section in the visitor's language (or its fallback under their prefix).

        A link whose words are an interface string, so it reads in the visitor's language
        even where the section itself is still Swedish (its card then says so).
        """
        from information.models import SupportIndexPage, url_for_visitor

        section = SupportIndexPage.objects.live().filter(alias_of__isnull=True).order_by("pk").first()
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
        "information.Helpline", on_delete=models.CASCADE, related_name="+", verbose_name="stödlinje"
    )

    panels = [FieldPanel("helpline")]


class AccessibilityStatementPage(Page):
    """Tillgänglighetsredogörelse: required of every Swedish public-sector website (lag
    2018:1937 om tillgänglighet till digital offentlig service, DOS-lagen).

    The fields follow the structure of DIGG's template (Myndigheten för digital
    förvaltning): compliance status, what is not accessible, how to report a problem,
    the enforcement procedure (fixed text: DIGG supervises), how the site was tested.
    """

    COMPLIANCE_CHOICES = [
        ("full", "Helt förenlig med lagkraven"),
        ("partial", "Delvis förenlig med lagkraven"),
        ("none", "Inte förenlig med lagkraven"),
    ]

    compliance_status = models.CharField(
        "hur tillgänglig är webbplatsen", max_length=10, choices=COMPLIANCE_CHOICES, default="partial"
    )
    known_issues = RichTextField(
        "innehåll som inte är tillgängligt", blank=True, features=["bold", "italic", "link", "ul"],
        help_text="Kända brister, var de finns och när de ska vara åtgärdade.",
    )
    how_to_report = RichTextField(
        "så rapporterar du brister", blank=True, features=["bold", "italic", "link", "ul"],
        help_text="Hur man kontaktar kommunen. E-postadressen i webbplatsinställningarna visas också.",
    )
    testing = RichTextField(
        "så har vi testat webbplatsen", blank=True, features=["bold", "italic", "link", "ul"]
    )
    statement_date = models.DateField("redogörelsen upprättades", null=True, blank=True)
    reviewed_date = models.DateField("senast uppdaterad", null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("compliance_status"),
        FieldPanel("known_issues"),
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
        verbose_name = "tillgänglighetsredogörelse"
        verbose_name_plural = "tillgänglighetsredogörelser"

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

    municipality_name = models.CharField("kommunens namn", max_length=100, blank=True)
    quick_exit_url = models.URLField(
        "adress för snabb utgång",
        default="https://www.smhi.se/",
        help_text="En neutral webbplats som knappen 'Lämna sidan snabbt' leder till.",
    )
    contact_email = models.EmailField("e-post för frågor om webbplatsen", blank=True)
    municipality_url = models.URLField(
        "kommunens webbplats", blank=True, help_text="Logotypen och kommunens namn i sidhuvudet länkar hit."
    )
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="kommunens logotyp",
    )
    contact_url = models.URLField(
        "kontaktsida", blank=True, help_text="Kommunens sida med kontaktuppgifter, länkas från sidfoten."
    )
    accessibility_statement = models.ForeignKey(
        "website.AccessibilityStatementPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="tillgänglighetsredogörelse", help_text="Länkas från sidfoten på alla sidor.",
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

    class Meta:
        verbose_name = "webbplatsinställningar"
