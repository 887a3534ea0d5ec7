"""What the catalogue says about its publisher: a site setting, since each municipality
(each Wagtail site) publishes its own catalogue."""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import pgettext, pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

#: Licence choices: their URIs are what the catalogue states (dcterms:license).
LICENCES = {
    "cc0": "http://creativecommons.org/publicdomain/zero/1.0/",
    "cc-by-4.0": "http://creativecommons.org/licenses/by/4.0/",
}

#: A Swedish organisation number (organisationsnummer): ten digits, NNNNNN-NNNN.
ORGANISATION_NUMBER = re.compile(r"[0-9]{6}-[0-9]{4}")


def validate_organisation_number(value):
    if not ORGANISATION_NUMBER.fullmatch(value):
        raise ValidationError(
            pgettext(
                "admin",
                "Write the organisation number as ten digits, NNNNNN-NNNN (e.g. 212000-1234).",
            )
        )


def source_language_plans():
    """Plans to choose from: the source-language ones (a translation follows its source)."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


@register_setting(icon="download")
class CatalogueSettings(BaseSiteSetting):
    """The publisher, contact and licence of the site's open-data catalogue."""

    publisher_name = models.CharField(
        pgettext_lazy("admin", "municipality's name"),
        max_length=200,
        blank=True,
        help_text=pgettext_lazy(
            "admin",
            "The publisher of the plans in the open-data catalogue. Empty: the site's name.",
        ),
    )
    organisation_number = models.CharField(
        pgettext_lazy("admin", "organisation number"),
        max_length=11,
        blank=True,
        validators=[validate_organisation_number],
        help_text=pgettext_lazy(
            "admin",
            "The municipality's organisation number, e.g. 212000-1234. Sveriges dataportal names the publisher by it.",
        ),
    )
    contact_email = models.EmailField(
        pgettext_lazy("admin", "contact e-mail for open data"),
        blank=True,
        help_text=pgettext_lazy(
            "admin",
            "Where users of the data ask questions. Shown in the catalogue, so use a shared address.",
        ),
    )
    licence = models.CharField(
        pgettext_lazy("admin", "licence"),
        max_length=20,
        default="cc0",
        choices=[
            ("cc0", pgettext_lazy("admin", "CC0 1.0 (public domain, recommended)")),
            ("cc-by-4.0", pgettext_lazy("admin", "CC BY 4.0 (reuse with attribution)")),
        ],
        help_text=pgettext_lazy(
            "admin", "The terms under which anyone may reuse the published plans."
        ),
    )
    left_out = models.ManyToManyField(
        "plans.PlanPage",
        blank=True,
        related_name="+",
        limit_choices_to=source_language_plans,
        verbose_name=pgettext_lazy("admin", "plans left out of the catalogue"),
        help_text=pgettext_lazy(
            "admin",
            "These plans are not listed in the open-data catalogue or the plan API. Their pages stay public.",
        ),
    )

    panels = [
        FieldPanel("publisher_name"),
        FieldPanel("organisation_number"),
        FieldPanel("contact_email"),
        FieldPanel("licence"),
        FieldPanel("left_out", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        verbose_name = pgettext_lazy("admin", "open data")

    @property
    def licence_uri(self):
        return LICENCES.get(self.licence, LICENCES["cc0"])
