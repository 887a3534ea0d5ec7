"""Removals of focus areas follow publishing (see ``FocusAreaRemoval``)."""

from wagtail.signals import page_published


def apply_removals_of_published_plan(sender, instance, **kwargs):
    """A plan was published: the focus areas its file no longer has go offline now."""
    from plans.models import FocusAreaRemoval

    FocusAreaRemoval.apply_pending(instance)


def forget_removal_of_republished_focus_area(sender, instance, **kwargs):
    """A removed focus area was published again (in the admin): it is back in the plan."""
    from plans.models import FocusAreaRemoval

    FocusAreaRemoval.objects.filter(focus_area=instance).delete()


def connect():
    from plans.models import FocusAreaPage, PlanPage

    page_published.connect(apply_removals_of_published_plan, sender=PlanPage, dispatch_uid="plans.removals.plan")
    page_published.connect(
        forget_removal_of_republished_focus_area, sender=FocusAreaPage, dispatch_uid="plans.removals.focus_area"
    )
