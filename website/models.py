"""The home page and the settings that hold for the whole site."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from website.localization import localized_many


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
        context["urgent_helplines"] = localized_many(
            link.helpline for link in self.helplines.select_related("helpline")
        )
        context["sections"] = self.get_children().live().public().specific().in_menu()
        return context


class HomePageHelpline(Orderable):
    """A helpline shown in the home page's "Need help now?" box, in the chosen order."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="helplines")
    helpline = models.ForeignKey(
        "information.Helpline", on_delete=models.CASCADE, related_name="+", verbose_name="stödlinje"
    )

    panels = [FieldPanel("helpline")]


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

    panels = [
        FieldPanel("municipality_name"),
        FieldPanel("quick_exit_url"),
        FieldPanel("contact_email"),
    ]

    class Meta:
        verbose_name = "webbplatsinställningar"
