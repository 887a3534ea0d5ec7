"""What follows publishing: removals of focus areas (see ``FocusAreaRemoval``) and the
plan's PDF (``plans.pdf``)."""

from wagtail.signals import page_published


def apply_removals_of_published_plan(sender, instance, **kwargs):
    """A plan was published: the focus areas its file no longer has go offline now."""
    from plans.models import FocusAreaRemoval

    FocusAreaRemoval.apply_pending(instance)


def forget_removal_of_republished_focus_area(sender, instance, **kwargs):
    """A removed focus area was published again (in the admin): it is back in the plan."""
    from plans.models import FocusAreaRemoval

    FocusAreaRemoval.objects.filter(focus_area=instance).delete()


def render_pdf_of_published_plan(sender, instance, **kwargs):
    """A plan or one of its focus areas was published: render the plan's new PDF in the
    background, ahead of the first reader, unless ``VINR_PLANS_PDF_ON_PUBLISH`` is off (the
    test settings turn it off)."""
    from plans.models import FocusAreaPage
    from plans.pdf import PLAN_PDF

    PLAN_PDF.published(
        instance.get_parent().pk if isinstance(instance, FocusAreaPage) else instance.pk
    )


def connect():
    from plans.models import FocusAreaPage, PlanPage

    page_published.connect(
        apply_removals_of_published_plan, sender=PlanPage, dispatch_uid="plans.removals.plan"
    )
    page_published.connect(
        forget_removal_of_republished_focus_area,
        sender=FocusAreaPage,
        dispatch_uid="plans.removals.focus_area",
    )
    for model in (PlanPage, FocusAreaPage):
        page_published.connect(
            render_pdf_of_published_plan, sender=model, dispatch_uid=f"plans.pdf.{model.__name__}"
        )
