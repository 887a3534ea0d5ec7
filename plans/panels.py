"""Admin panels that make a plan with forty measures practical to edit."""

from wagtail.admin.panels import InlinePanel

from plans.widgets import DATALIST_ID, register_options


class MeasureInlinePanel(InlinePanel):
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
