"""Admin panels that make a plan with forty measures practical to edit, and whose
revisions can be reverted after a measure was removed."""

from django import forms
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.panels import InlinePanel

from plans.widgets import DATALIST_ID, register_options


class _ChildIdField(forms.ModelChoiceField):
    """The hidden id of an inline child that also accepts the ids of the children the form
    was built with, whether or not their rows still exist.

    An old revision of a focus area holds measures (and their responsible bodies and
    follow-ups) that a later publish deleted. Django's formsets check each submitted id
    against the database, so reverting to that revision failed with "could not be saved
    due to validation errors" and no field marked (the id is hidden). The ids come from
    the revision itself, not from the visitor: accepting exactly those restores the rows,
    with the same ids, when the revision is published.
    """

    def __init__(self, *args, known=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.known = {str(obj.pk): obj for obj in known if obj.pk is not None}

    def to_python(self, value):
        if value not in self.empty_values and str(value) in self.known:
            return self.known[str(value)]
        return super().to_python(value)


class RestorableChildFormSet(BaseChildFormSet):
    """A child formset whose forms keep the ids of children a revision holds (see above)."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        name = self._pk_field.name
        field = form.fields[name]
        form.fields[name] = _ChildIdField(
            field.queryset,
            initial=field.initial,
            required=False,
            widget=field.widget,
            known=self.get_queryset(),
        )


class RestorableInlinePanel(InlinePanel):
    """An InlinePanel built on :class:`RestorableChildFormSet`, for children of a page (or
    of a child) that revisions bring back."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = RestorableChildFormSet
        return options


class MeasureInlinePanel(RestorableInlinePanel):
    """An InlinePanel whose children start collapsed, each headed by the measure's
    identifier and the start of its title, so an editor finds "2:4" without scrolling
    through forty open forms.

    One measure can be asked for open (``?measure=<id>``, as the admin's measure listing
    links): it starts expanded and the page scrolls to it (``#measure-<id>``).

    It also writes, once, the suggestion list of the organisation field of every
    responsible body (``plans.widgets.OrganisationAutocomplete``).
    """

    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "plans/admin/measure_inline_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["open_measure"] = self.request.GET.get("measure", "") if self.request else ""
            context["organisation_datalist_id"] = DATALIST_ID
            context["organisation_options"] = register_options()
            return context
