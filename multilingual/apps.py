from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import pgettext_lazy


class MultilingualConfig(AppConfig):
    """Shared by `plans` and `information`; has no models of its own."""

    name = "multilingual"
    # The migrations create BigAutoField ids, whatever the host's DEFAULT_AUTO_FIELD.
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = pgettext_lazy("admin", "Multilingual")

    def ready(self):
        from multilingual import checks  # registers the system checks
        from multilingual.languages import add_language_info

        # A hidden app (E001) stops the site at once: its URLs would otherwise fail to
        # import before ``manage.py check`` could say why.
        hidden = checks.check_extension_packages_are_the_extensions()
        if hidden:
            raise ImproperlyConfigured("\n".join(f"{e.id}: {e.msg} HINT: {e.hint}" for e in hidden))
        add_language_info()
        from multilingual import admin_words

        admin_words.install()  # English words Wagtail's catalogues cannot reach
