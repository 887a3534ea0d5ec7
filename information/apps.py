from django.apps import AppConfig


class InformationConfig(AppConfig):
    """Help in your language: support pages, helplines, local services, brochures."""

    name = "information"
    verbose_name = "Stöd och information"

    def ready(self):
        from information import fallback, signals

        signals.connect()
        fallback.connect()
