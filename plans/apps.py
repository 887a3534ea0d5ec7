from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class PlansConfig(AppConfig):
    """The municipality's action plans: focus areas, goals, measures and follow-up."""

    name = "plans"
    verbose_name = pgettext_lazy("admin", "Action plans")

    def ready(self):
        from plans import signals

        signals.connect()

        from wagtail.signals import page_published

        from plans.tasks import plan_published

        page_published.connect(plan_published, dispatch_uid="plans_pdf_on_publish")
