from django.apps import AppConfig


class MultilingualConfig(AppConfig):
    """Shared by `plans` and `information`; has no models of its own."""

    name = "multilingual"
    verbose_name = "Flerspråkighet"

    def ready(self):
        from multilingual.languages import add_language_info

        add_language_info()
