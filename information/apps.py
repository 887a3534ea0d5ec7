from django.apps import AppConfig


class InformationConfig(AppConfig):
    """Help in your language: support pages, helplines, local services, brochures."""

    name = "information"
    verbose_name = "Stöd och information"

    def ready(self):
        from information import signals, sync

        signals.connect()
        sync.connect()
