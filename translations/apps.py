from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class TranslationsConfig(AppConfig):
    """The translation rules around wagtail-localize: docs/translating.md."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "translations"
    verbose_name = pgettext_lazy("admin", "Translations")

    def ready(self):
        from translations import checks  # noqa: F401 - registers the middleware check
