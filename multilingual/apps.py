from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class MultilingualConfig(AppConfig):
    """Shared by `plans` and `information`; has no models of its own."""

    name = "multilingual"
    # The migrations create BigAutoField ids, whatever the host's DEFAULT_AUTO_FIELD.
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = pgettext_lazy("admin", "Multilingual")

    def ready(self):
        from multilingual import checks  # noqa: F401  (registers the system checks)
        from multilingual.languages import add_language_info

        add_language_info()
