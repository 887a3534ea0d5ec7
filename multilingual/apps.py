from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class MultilingualConfig(AppConfig):
    """Shared by `plans` and `information`; has no models of its own."""

    name = "multilingual"
    verbose_name = pgettext_lazy("admin", "Multilingual")

    def ready(self):
        from multilingual.languages import add_language_info

        add_language_info()
