from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class InformationConfig(AppConfig):
    """Help in your language: support pages, helplines, local services, brochures."""

    name = "information"
    verbose_name = pgettext_lazy("admin", "Support and information")

    def ready(self):
        from information import fallback, signals

        signals.connect()
        fallback.connect()
