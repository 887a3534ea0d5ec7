"""The fixed words of the plan domain, declared once.

Each term has a key (stored in the database and written in plan files), an admin label
(an English msgid with the gettext context "admin", Swedish in locale/sv) and a public
label (an English msgid without context, translated into every visitor language).
Models, filters, exports, the plan file format and its JSON Schema all read these lists,
so a new prevention level or status is added here only.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from multilingual.localization import PerLanguage


class Vocabulary:
    def __init__(self, *terms):
        self.terms = terms  # (key, admin label, public label)
        self._public_labels = PerLanguage(
            lambda: {key: str(public) for key, _admin, public in terms}
        )

    @property
    def keys(self):
        return [key for key, _admin, _public in self.terms]

    @property
    def choices(self):
        """Choices for model fields: shown in the admin, in the editor's admin language."""
        return [(key, admin) for key, admin, _public in self.terms]

    @property
    def public_choices(self):
        """Choices for public forms: in the visitor's language."""
        return [(key, public) for key, _admin, public in self.terms]

    def public_label(self, key):
        """The visitor's word for ``key``, in the active language: a string, made once per
        language (a listing shows it for every measure)."""
        return self._public_labels.get().get(key, key)

    def public_labels(self, keys):
        """The visitor's words for ``keys``, in order."""
        labels = self._public_labels.get()
        return [labels.get(key, key) for key in keys]


STATUS = Vocabulary(
    ("not_started", pgettext_lazy("admin", "Not started"), _("Not started")),
    ("ongoing", pgettext_lazy("admin", "Ongoing"), _("Ongoing")),
    ("done", pgettext_lazy("admin", "Done"), _("Done")),
    ("continuous", pgettext_lazy("admin", "Continuous"), _("Continuous")),
)

PREVENTION_LEVELS = Vocabulary(
    ("universal", pgettext_lazy("admin", "Universal"), _("Universal prevention")),
    ("selective", pgettext_lazy("admin", "Selective"), _("Selective prevention")),
    ("indicated", pgettext_lazy("admin", "Indicated"), _("Indicated prevention")),
)

TARGET_GROUPS = Vocabulary(
    ("children", pgettext_lazy("admin", "Children"), _("Children")),
    ("young_people", pgettext_lazy("admin", "Young people"), _("Young people")),
    ("adults", pgettext_lazy("admin", "Adults"), _("Adults")),
    ("older_people", pgettext_lazy("admin", "Older people"), _("Older people")),
    (
        "victims",
        pgettext_lazy("admin", "People subjected to violence"),
        _("People subjected to violence"),
    ),
    (
        "perpetrators",
        pgettext_lazy("admin", "People who use violence"),
        _("People who use violence"),
    ),
    ("relatives", pgettext_lazy("admin", "Relatives"), _("Relatives")),
    ("professionals", pgettext_lazy("admin", "Staff"), _("Staff")),
    ("public", pgettext_lazy("admin", "The public"), _("The public")),
)

SCOPES = Vocabulary(
    (
        "VINR",
        pgettext_lazy("admin", "Violence in close relationships (VINR)"),
        _("Violence in close relationships"),
    ),
    (
        "HRV",
        pgettext_lazy("admin", "Honour-related violence and oppression (HRV)"),
        _("Honour-related violence and oppression"),
    ),
    (
        "POM",
        pgettext_lazy(
            "admin", "Prostitution, human trafficking and sexual exploitation of children (POM)"
        ),
        _("Prostitution, human trafficking and sexual exploitation of children"),
    ),
)

#: A measure whose plan reports no status has the empty key: it is shown as "no status
#: reported" (or not at all), never as "not started", and counted apart in charts.
NO_STATUS = ""
NO_STATUS_ADMIN_LABEL = pgettext_lazy("admin", "Not reported")
NO_STATUS_LABEL = _("No status reported")

ROLES = Vocabulary(
    ("lead", pgettext_lazy("admin", "Responsible"), _("Responsible")),
    ("co", pgettext_lazy("admin", "Co-responsible"), _("Co-responsible")),
    ("support", pgettext_lazy("admin", "With support from"), _("With support from")),
)

#: The plan's own words for its levels and columns (``plan.labels`` in a plan file): key,
#: admin label of the field, and the word used when the plan gives none. ``focus_areas`` is
#: the heading over the list of focus areas ("Områden", "Delmål" …).
PLAN_LABELS = Vocabulary(
    ("focus_areas", pgettext_lazy("admin", "Heading for the focus areas"), _("Focus areas")),
    ("goal", pgettext_lazy("admin", "Goal"), _("Goal")),
    ("measure", pgettext_lazy("admin", "Measure"), _("Measure")),
    ("activities", pgettext_lazy("admin", "Activities"), _("Activities")),
    ("responsible", pgettext_lazy("admin", "Responsibility"), _("Responsible")),
    ("time_frame", pgettext_lazy("admin", "Time frame"), _("Time frame")),
    ("follow_up", pgettext_lazy("admin", "Follow-up"), _("Follow-up")),
)

ORGANISATION_KINDS = Vocabulary(
    ("committee", pgettext_lazy("admin", "Committee/board"), _("Committee")),
    ("administration", pgettext_lazy("admin", "Administration/office"), _("Administration")),
    ("unit", pgettext_lazy("admin", "Unit"), _("Unit")),
    ("company", pgettext_lazy("admin", "Municipal company"), _("Municipal company")),
    ("partner", pgettext_lazy("admin", "External partner"), _("Partner")),
    ("other", pgettext_lazy("admin", "Other"), _("Other")),
)
