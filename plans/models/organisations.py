"""The register of organisations (nämnder, förvaltningar, partners) that measures name as
responsible: a translatable snippet shared by every plan."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import pgettext, pgettext_lazy
from wagtail.admin.panels import (
    FieldPanel,
)
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index

from multilingual.admin_search import word_endings
from plans.vocabulary import (
    ORGANISATION_KINDS,
)


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """A body that can be responsible for measures: a committee (nämnd), an office, a unit,
    a municipal company or an outside partner. One register for every plan of the site."""

    key = models.SlugField(
        pgettext_lazy("admin", "key"),
        max_length=80,
        help_text=pgettext_lazy(
            "admin",
            "Short and stable, e.g. 'sn' for the social services committee. Used in plan files and in the address of the organisation's page.",
        ),
    )
    name = models.CharField(pgettext_lazy("admin", "name of the organisation"), max_length=200)
    short_name = models.CharField(pgettext_lazy("admin", "abbreviation"), max_length=40, blank=True)
    kind = models.CharField(
        pgettext_lazy("admin", "kind"),
        max_length=20,
        choices=ORGANISATION_KINDS.choices,
        default="committee",
    )

    panels = [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("kind"), FieldPanel("key")]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("name"),
        index.AutocompleteField("short_name"),
        index.AutocompleteField("word_endings"),  # "nämnd" finds Socialnämnden
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = pgettext_lazy("admin", "organisation")
        verbose_name_plural = pgettext_lazy("admin", "organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["key", "locale"], name="plans_organisation_key_per_locale"
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        """A key taken in this language is a form error: the admin's form leaves the locale
        out, so Django does not check the unique constraint and the save would fail."""
        super().clean()
        locale_id = self.locale_id or getattr(Locale.get_default(), "pk", None)
        taken = Organisation.objects.filter(key=self.key, locale_id=locale_id).exclude(pk=self.pk)
        if self.key and taken.exists():
            raise ValidationError(
                {
                    "key": pgettext(
                        "admin",
                        "Another organisation in this language already has the key “%(key)s”.",
                    )
                    % {"key": self.key}
                }
            )

    @property
    def kind_label(self):
        return ORGANISATION_KINDS.public_label(self.kind)

    def word_endings(self):
        return word_endings(self.name, self.short_name)
