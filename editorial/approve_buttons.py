"""No *Godkänn* that leads to "not allowed" (issue 21; docs/roles.md, "Four eyes").

Wagtail's group approval task offers *Godkänn* to every member of the group, and the
four-eyes rule (``editorial.four_eyes``) then refused it to the person who changed the
number. In the edit form's action menu (pages and snippets) and on the dashboard's
*Väntar på din granskning*, that person now reads why instead of the button; *Begär
ändringar* stays. The approval itself is still refused if posted anyway.
"""

from django.utils.translation import pgettext_lazy
from wagtail.admin import action_menu as page_action_menu
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.snippets import action_menu as snippet_action_menu

from editorial import four_eyes

WHY_NO_APPROVE = pgettext_lazy("admin", "You changed %(fields)s – another reviewer approves")


def why_not_approve(user, task_state):
    """The reason ``user`` may not approve ``task_state``, or None when they may."""
    if task_state is None or task_state.revision_id is None:
        return None
    fields = four_eyes.own_change(user, task_state.revision)
    return WHY_NO_APPROVE % {"fields": ", ".join(fields)} if fields else None


class _Explanation:
    """An action menu entry that only says why the approval is not offered."""

    template_name = "editorial/admin/why_no_approve.html"
    name = "four-eyes-why-no-approve"

    def __init__(self, reason, order):
        super().__init__(order=order)
        self.reason = reason

    def is_shown(self, context):
        return True

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["reason"] = self.reason
        return context


class PageExplanation(_Explanation, page_action_menu.ActionMenuItem):
    pass


class SnippetExplanation(_Explanation, snippet_action_menu.ActionMenuItem):
    pass


def _replace_approve(menu_items, reason, explanation_class):
    approve_items = [item for item in menu_items if getattr(item, "name", None) == "approve"]
    if not approve_items:
        return
    order = approve_items[0].order
    menu_items[:] = [item for item in menu_items if item not in approve_items]
    menu_items.append(explanation_class(reason, order))
    menu_items.sort(key=lambda item: item.order)


def hide_approve_in_page_action_menu(menu_items, request, context):
    """``construct_page_action_menu``."""
    page = context.get("page")
    if page is None or page.pk is None:
        return
    reason = why_not_approve(request.user, page.current_workflow_task_state)
    if reason:
        _replace_approve(menu_items, reason, PageExplanation)


def hide_approve_in_snippet_action_menu(menu_items, request, context):
    """``construct_snippet_action_menu``."""
    instance = context.get("instance")
    if (
        instance is None
        or instance.pk is None
        or not hasattr(instance, "current_workflow_task_state")
    ):
        return
    reason = why_not_approve(request.user, instance.current_workflow_task_state)
    if reason:
        _replace_approve(menu_items, reason, SnippetExplanation)


class AwaitingReviewPanel(WorkflowObjectsToModeratePanel):
    """The dashboard's *Väntar på din granskning*, without *Godkänn* on one's own number."""

    template_name = "editorial/admin/home/awaiting_review.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        for state in context.get("states", []):
            reason = why_not_approve(user, state["task_state"])
            if reason:
                state["actions"] = [action for action in state["actions"] if action[0] != "approve"]
                state["why_no_approve"] = reason
        return context


def use_awaiting_review_panel(request, panels):
    """``construct_homepage_panels``: Wagtail's review panel replaced by :class:`AwaitingReviewPanel`."""
    panels[:] = [
        AwaitingReviewPanel() if type(panel) is WorkflowObjectsToModeratePanel else panel
        for panel in panels
    ]
