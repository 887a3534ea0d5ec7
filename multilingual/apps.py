from django.apps import AppConfig


class MultilingualConfig(AppConfig):
    """Shared by `plans` and `information`; has no models of its own."""

    name = "multilingual"
    verbose_name = "Flerspråkighet"
