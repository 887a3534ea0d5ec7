"""Support information for people in danger, their relatives and people who use violence."""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index

#: A number older than this is flagged in the admin: a wrong number can cost a life.
HELPLINE_VERIFY_EVERY = timedelta(days=183)


class Helpline(TranslatableMixin, index.Indexed, models.Model):
    """A telephone line people can call (stödlinje), e.g. Kvinnofridslinjen or 112.

    Numbers are data that the municipality verifies, never text in a template.
    """

    name = models.CharField("namn", max_length=200)
    phone_number = models.CharField(
        "telefonnummer", max_length=40, help_text="Så som man slår det, t.ex. 020-50 50 50."
    )
    alternative_number = models.CharField(
        "alternativt nummer", max_length=40, blank=True,
        help_text="Till exempel ett EU-nummer som 116 016.",
    )
    opening_hours = models.CharField("öppettider", max_length=200, blank=True)
    open_around_the_clock = models.BooleanField("öppen dygnet runt", default=False)
    free_of_charge = models.BooleanField("avgiftsfri", default=True)
    anonymous = models.BooleanField("du kan vara anonym", default=False)
    is_emergency = models.BooleanField(
        "nödnummer", default=False, help_text="Visas först, t.ex. 112."
    )
    languages_offered = models.CharField(
        "språk", max_length=300, blank=True,
        help_text="Språkkoder med komma emellan, t.ex. sv,en,ar.",
    )
    audience = models.CharField("för vem", max_length=300, blank=True)
    description = RichTextField("beskrivning", blank=True, features=["bold", "italic", "link"])
    website = models.URLField("webbplats", blank=True)
    last_verified = models.DateField(
        "senast kontrollerad", null=True, blank=True,
        help_text="Dagen då någon ringde eller kontrollerade numret och öppettiderna. Ett nummer som inte kontrollerats på sex månader markeras.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("phone_number"),
                FieldPanel("alternative_number"),
                FieldPanel("is_emergency"),
            ],
            heading="Nummer",
        ),
        MultiFieldPanel(
            [
                FieldPanel("opening_hours"),
                FieldPanel("open_around_the_clock"),
                FieldPanel("free_of_charge"),
                FieldPanel("anonymous"),
                FieldPanel("languages_offered"),
            ],
            heading="När och hur",
        ),
        FieldPanel("audience"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("last_verified"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("audience"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "stödlinje"
        verbose_name_plural = "stödlinjer"
        ordering = ["-is_emergency", "name"]

    def __str__(self):
        return f"{self.name} ({self.phone_number})"

    @property
    def tel_href(self):
        """The number as a ``tel:`` URI: digits and a leading + only."""
        return "tel:" + "".join(ch for ch in self.phone_number if ch.isdigit() or ch == "+")

    @property
    def alternative_tel_href(self):
        return "tel:" + "".join(ch for ch in self.alternative_number if ch.isdigit() or ch == "+")

    @property
    def language_codes(self):
        return [code.strip() for code in self.languages_offered.split(",") if code.strip()]

    @property
    def needs_verification(self):
        """True when nobody has checked the number for about six months."""
        if self.last_verified is None:
            return True
        return timezone.localdate() - self.last_verified > HELPLINE_VERIFY_EVERY
