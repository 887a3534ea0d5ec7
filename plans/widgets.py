"""A responsible body in one field: type part of its name and pick it.

Wagtail's snippet chooser takes five actions to add a responsible body (add, open the
chooser, search, pick, close). The register is short, so the widget is a text box with
the Swedish register as the browser's own suggestion list (``<datalist>``, which matches
any part of a name: "nämnd" offers Socialnämnden). No script, nothing from another host.
The typed name is turned back into the organisation when the form is read; a name that
is not in the register is refused by the field ("Välj ett giltigt alternativ").
"""

from django import forms

DATALIST_ID = "organisation-register"


def register_options():
    """The suggestions: every organisation of the register (in the default language);
    ``MeasureInlinePanel`` writes them once per page as a datalist."""
    return [OrganisationAutocomplete.label(o) for o in OrganisationAutocomplete().organisations()]


class OrganisationAutocomplete(forms.TextInput):
    def organisations(self):
        from wagtail.models import Locale

        from plans.models import Organisation

        return Organisation.objects.filter(locale=Locale.get_default()).order_by("name")

    @staticmethod
    def label(organisation):
        short = f" ({organisation.short_name})" if organisation.short_name else ""
        return f"{organisation.name}{short}"

    def format_value(self, value):
        if value in (None, ""):
            return ""
        if isinstance(value, str) and not value.isdigit():
            return value  # what the editor typed, shown again with the error
        organisation = self.organisations().filter(pk=value).first()
        return self.label(organisation) if organisation else ""

    def value_from_datadict(self, data, files, name):
        typed = (data.get(name) or "").strip()
        if not typed or typed.isdigit():
            return typed  # empty, or an id (a form posted by code rather than typed)
        organisations = self.organisations()
        match = organisations.filter(name=typed).first()
        if match is None and typed.endswith(")") and " (" in typed:
            name_part, short_name = typed[:-1].rsplit(" (", 1)
            match = organisations.filter(name=name_part, short_name=short_name).first()
        return str(match.pk) if match else typed

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].update({"list": DATALIST_ID, "autocomplete": "off"})
        return context
