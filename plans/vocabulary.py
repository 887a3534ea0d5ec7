"""The fixed words of the plan domain, declared once.

Each term has a key (stored in the database and written in plan files), a Swedish label
for the admin (the admin is Swedish) and an English msgid that the public site translates
into the visitor's language. Models, filters, exports, the plan file format and its JSON
Schema all read these lists, so a new prevention level or status is added here only.
"""

from django.utils.translation import gettext_lazy as _


class Vocabulary:
    def __init__(self, *terms):
        self.terms = terms  # (key, admin label, public label)

    @property
    def keys(self):
        return [key for key, _admin, _public in self.terms]

    @property
    def choices(self):
        """Choices for model fields: shown in the (Swedish) admin."""
        return [(key, admin) for key, admin, _public in self.terms]

    @property
    def public_choices(self):
        """Choices for public forms: in the visitor's language."""
        return [(key, public) for key, _admin, public in self.terms]

    def public_label(self, key):
        for term_key, _admin, public in self.terms:
            if term_key == key:
                return public
        return key


STATUS = Vocabulary(
    ("not_started", "Ej påbörjad", _("Not started")),
    ("ongoing", "Pågående", _("Ongoing")),
    ("done", "Genomförd", _("Done")),
    ("continuous", "Löpande", _("Continuous")),
)

PREVENTION_LEVELS = Vocabulary(
    ("universal", "Universell", _("Universal prevention")),
    ("selective", "Selektiv", _("Selective prevention")),
    ("indicated", "Indikerad", _("Indicated prevention")),
)

TARGET_GROUPS = Vocabulary(
    ("children", "Barn", _("Children")),
    ("young_people", "Unga", _("Young people")),
    ("adults", "Vuxna", _("Adults")),
    ("older_people", "Äldre", _("Older people")),
    ("victims", "Våldsutsatta", _("People subjected to violence")),
    ("perpetrators", "Våldsutövare", _("People who use violence")),
    ("relatives", "Anhöriga", _("Relatives")),
    ("professionals", "Personal", _("Staff")),
    ("public", "Allmänheten", _("The public")),
)

SCOPES = Vocabulary(
    ("VINR", "Våld i nära relation (VINR)", _("Violence in close relationships")),
    ("HRV", "Hedersrelaterat våld och förtryck (HRV)", _("Honour-related violence and oppression")),
    (
        "POM",
        "Prostitution, människohandel och sexuell exploatering av barn (POM)",
        _("Prostitution, human trafficking and sexual exploitation of children"),
    ),
)

#: A measure whose plan reports no status has the empty key: it is shown as "no status
#: reported" (or not at all), never as "not started", and counted apart in charts.
NO_STATUS = ""
NO_STATUS_ADMIN_LABEL = "Ingen uppgift"
NO_STATUS_LABEL = _("No status reported")

ROLES = Vocabulary(
    ("lead", "Ansvarig", _("Responsible")),
    ("co", "Medansvarig", _("Co-responsible")),
    ("support", "Med stöd av", _("With support from")),
)

#: The plan's own words for its levels and columns (``plan.labels`` in a plan file): key,
#: admin label of the field, and the word used when the plan gives none. ``focus_areas`` is
#: the heading over the list of focus areas ("Områden", "Delmål" …).
PLAN_LABELS = Vocabulary(
    ("focus_areas", "Rubrik för fokusområdena", _("Focus areas")),
    ("goal", "Mål", _("Goal")),
    ("measure", "Åtgärd", _("Measure")),
    ("activities", "Aktiviteter", _("Activities")),
    ("responsible", "Ansvar", _("Responsible")),
    ("time_frame", "Tidsram", _("Time frame")),
    ("follow_up", "Uppföljning", _("Follow-up")),
)

ORGANISATION_KINDS = Vocabulary(
    ("committee", "Nämnd/styrelse", _("Committee")),
    ("administration", "Förvaltning/kontor", _("Administration")),
    ("unit", "Enhet", _("Unit")),
    ("company", "Kommunalt bolag", _("Municipal company")),
    ("partner", "Extern part", _("Partner")),
    ("other", "Annat", _("Other")),
)
