"""Background work for plans, through Django's tasks framework (``django-tasks``, which
Wagtail installs; ``django.tasks`` from Django 6).

The backend is the ``TASKS`` setting. Without one, django-tasks runs a task at once in
the process that enqueues it (``ImmediateBackend``): then a plan's PDF is rendered when
the plan is published, in the publishing request, and visitors never wait. With a worker
(``docs/performance.md``) the render leaves the web process altogether.
"""

from django.conf import settings
from django.db import transaction
from django_tasks import task


@task()
def render_plan_pdf(plan_id):
    """Render the PDF of a published plan for its current revisions (no-op if it exists)."""
    from plans.models import PlanPage
    from plans.pdf import write_plan_pdf

    plan = PlanPage.objects.live().filter(pk=plan_id).select_related("locale").first()
    if plan is not None:
        write_plan_pdf(plan)


def schedule_plan_pdf(plan_id):
    """Enqueue the render once the current transaction is committed (a task must see the
    published revision). Several publishes in one transaction, as an import makes, render
    once: the later tasks find the file in place (one query each)."""
    transaction.on_commit(lambda: render_plan_pdf.enqueue(plan_id))


def plan_published(sender, instance, **kwargs):
    """``page_published`` for plans and focus areas: render the plan's new PDF ahead of the
    first reader, unless ``PLANS_PDF_ON_PUBLISH`` is off (the test settings turn it off)."""
    from plans.models import FocusAreaPage, PlanPage

    if not getattr(settings, "PLANS_PDF_ON_PUBLISH", True):
        return
    if isinstance(instance, FocusAreaPage):
        plan_id = instance.get_parent().pk
    elif isinstance(instance, PlanPage):
        plan_id = instance.pk
    else:
        return
    schedule_plan_pdf(plan_id)
