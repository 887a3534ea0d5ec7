from django.apps import AppConfig


class PlansConfig(AppConfig):
    """The municipality's action plans: focus areas, goals, measures and follow-up."""

    name = "plans"
    verbose_name = "Handlingsplaner"

    def ready(self):
        from plans import signals

        signals.connect()
