from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class PlansConfig(AppConfig):
    """The municipality's action plans: focus areas, goals, measures and follow-up."""

    name = "plans"
    # The migrations create BigAutoField ids, whatever the host's DEFAULT_AUTO_FIELD.
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = pgettext_lazy("admin", "Action plans")

    def ready(self):
        from plans import signals

        signals.connect()
