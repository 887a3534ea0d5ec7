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
    ("POM", "Prostitution och människohandel (POM)", _("Prostitution and human trafficking")),
)

ROLES = Vocabulary(
    ("lead", "Ansvarig", _("Responsible")),
    ("co", "Medansvarig", _("Co-responsible")),
)

ORGANISATION_KINDS = Vocabulary(
    ("committee", "Nämnd/styrelse", _("Committee")),
    ("administration", "Förvaltning/kontor", _("Administration")),
    ("unit", "Enhet", _("Unit")),
    ("company", "Kommunalt bolag", _("Municipal company")),
    ("partner", "Extern part", _("Partner")),
    ("other", "Annat", _("Other")),
)
