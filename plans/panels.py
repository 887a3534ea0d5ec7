"""Admin panels that make a plan with forty measures practical to edit."""

from wagtail.admin.panels import InlinePanel


class MeasureInlinePanel(InlinePanel):
    """An InlinePanel whose children start collapsed, each headed by the measure's
    identifier and the start of its title, so an editor finds "2:4" without scrolling
    through forty open forms."""

    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "plans/admin/measure_inline_panel.html"
