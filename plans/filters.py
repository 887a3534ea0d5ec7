"""The measure list's filters: one place builds the queryset that the HTML list, the CSV
and the JSON export show, so a shared URL gives the same measures in every format."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from multilingual.localization import localized_from_register
from plans.fields import contains_key
from plans.models import Organisation, Responsibility
from plans.vocabulary import (
    NO_STATUS,
    NO_STATUS_LABEL,
    PREVENTION_LEVELS,
    ROLES,
    STATUS,
    TARGET_GROUPS,
)

#: The status filter's value for measures whose plan reports no status.
NO_STATUS_KEY = "none"


class FilterSelect(forms.Select):
    """Django's select, written in one template instead of two includes per option (the
    filters have about forty options, rendered on every visit to the list). The filters
    have no option groups and no attributes on an option but ``selected``; the template
    includes nothing, so it renders with any form renderer."""

    template_name = "plans/widgets/filter_select.html"


def _any(choices):
    return [("", _("All"))] + list(choices)


class MeasureFilterForm(forms.Form):
    """A GET form: every field is optional, every value is a stable key in the URL."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    organisation = forms.ChoiceField(widget=FilterSelect, label=_("Responsible"), required=False)
    role = forms.ChoiceField(
        widget=FilterSelect, label=_("Role"), required=False, choices=_any(ROLES.public_choices)
    )
    prevention_level = forms.ChoiceField(
        widget=FilterSelect,
        label=_("Prevention level"),
        required=False,
        choices=_any(PREVENTION_LEVELS.public_choices),
    )
    status = forms.ChoiceField(
        widget=FilterSelect,
        label=_("Status"),
        required=False,
        choices=_any(STATUS.public_choices + [(NO_STATUS_KEY, NO_STATUS_LABEL)]),
    )
    target_group = forms.ChoiceField(
        widget=FilterSelect,
        label=_("Target group"),
        required=False,
        choices=_any(TARGET_GROUPS.public_choices),
    )
    focus_area = forms.ChoiceField(widget=FilterSelect, label=_("Focus area"), required=False)

    def __init__(self, data, *, organisations, focus_areas, plan=None):
        super().__init__(data)
        self.organisations, self.focus_areas = organisations, focus_areas
        if plan is not None:  # the plan's own words for its columns and levels
            self.fields["organisation"].label = plan.labels["responsible"]
            shared = {f.label for f in focus_areas if f.label}
            if len(shared) == 1 and (plan.focus_areas_label or shared != {"Fokusområde"}):
                self.fields["focus_area"].label = shared.pop()
        self.fields["organisation"].choices = _any(
            (o.key, localized_from_register(o).name) for o in organisations
        )
        self.fields["focus_area"].choices = _any((str(f.pk), f.heading) for f in focus_areas)

    @property
    def active(self):
        """The filters in use, as (label, shown value) pairs, for "Showing … filtered by …"."""
        if not self.is_bound or not hasattr(self, "cleaned_data"):
            return []
        shown = []
        for name, value in self.cleaned_data.items():
            if not value:
                continue
            field = self.fields[name]
            label = dict(field.choices).get(value, value) if hasattr(field, "choices") else value
            shown.append((field.label, label))
        return shown


def plan_organisations(measures):
    """The organisations responsible for any of ``measures``, by name."""
    return (
        Organisation.objects.filter(responsibilities__measure__in=measures.values("pk"))
        .distinct()
        .order_by("name")
    )


def filter_measures(plan, params):
    """``(form, measures)`` for a plan and the request's GET parameters.

    Unknown values make the form invalid; the caller answers 400 and shows the errors.
    The measures are then the plan's unfiltered list. ``form.organisations`` and
    ``form.focus_areas`` are the choices' objects, for a caller that lists the measures.
    """
    focus_areas = list(plan.focus_areas())
    measures = plan.measures(focus_areas)
    form = MeasureFilterForm(
        params,
        organisations=list(plan_organisations(measures)),
        focus_areas=focus_areas,
        plan=plan,
    )
    if not form.is_valid():
        return form, measures
    data = form.cleaned_data
    if data["q"]:
        text = data["q"]
        by_responsible = Responsibility.objects.filter(
            Q(text__icontains=text)
            | Q(organisation__name__icontains=text)
            | Q(organisation__short_name__iexact=text)
        ).values("measure_id")
        measures = measures.filter(
            Q(identifier__iexact=text)
            | Q(title__icontains=text)
            | Q(responsible_as_written__icontains=text)
            | Q(activities__icontains=text)
            | Q(time_frame__icontains=text)
            | Q(follow_up__icontains=text)
            | Q(note__icontains=text)
            | Q(pk__in=by_responsible)
        )
    if data["organisation"] or data["role"]:
        responsibilities = Responsibility.objects.all()
        if data["organisation"]:
            responsibilities = responsibilities.filter(organisation__key=data["organisation"])
        if data["role"]:
            responsibilities = responsibilities.filter(role=data["role"])
        measures = measures.filter(pk__in=responsibilities.values("measure_id"))
    if data["prevention_level"]:
        measures = measures.filter(**contains_key("prevention_levels", data["prevention_level"]))
    if data["target_group"]:
        measures = measures.filter(**contains_key("target_groups", data["target_group"]))
    if data["status"]:
        measures = measures.filter(
            status=NO_STATUS if data["status"] == NO_STATUS_KEY else data["status"]
        )
    if data["focus_area"]:
        measures = measures.filter(focus_area_id=int(data["focus_area"]))
    return form, measures
