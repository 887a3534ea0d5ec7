from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class OpenDataConfig(AppConfig):
    name = "opendata"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = pgettext_lazy("admin", "Open data")
