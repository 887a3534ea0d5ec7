from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class MultilingualConfig(AppConfig):
    """Shared by `plans` and `information`; has no models of its own."""

    name = "multilingual"
    verbose_name = pgettext_lazy("admin", "Multilingual")
