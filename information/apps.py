from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class InformationConfig(AppConfig):
    """Help in your language: support pages, helplines, local services, brochures."""

    name = "information"
    # The migrations create BigAutoField ids, whatever the host's DEFAULT_AUTO_FIELD.
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = pgettext_lazy("admin", "Support and information")

    def ready(self):
        from information import fallback, signals

        signals.connect()
        fallback.connect()
