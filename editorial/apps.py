from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import pgettext_lazy


class EditorialConfig(AppConfig):
    """Roles and review before publishing (granskning): docs/roles.md."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "editorial"
    verbose_name = pgettext_lazy("admin", "Roles and review")

    def ready(self):
        import editorial.checks  # noqa: F401 - registers the finish-action check
        from editorial import review_lock
        from editorial.permissions import name_permissions_in_swedish

        post_migrate.connect(
            name_permissions_in_swedish, dispatch_uid="editorial_swedish_permission_names"
        )
        swedish_names_for_wagtail_models()
        review_lock.connect()  # what a reviewer approves is what goes live


def swedish_names_for_wagtail_models():
    """Wagtail's ``Locale`` and wagtail-localize's ``Translation`` declare no verbose_name,
    so the group permission screen shows "Locale" and "Translation". Their names are set
    in Swedish at run time; the models' declared options (which migrations read from
    ``Meta.original_attrs``) are left alone, so no migration of theirs changes."""
    from wagtail.models import Locale
    from wagtail_localize.models import Translation

    Locale._meta.verbose_name = pgettext_lazy("admin", "language")
    Locale._meta.verbose_name_plural = pgettext_lazy("admin", "languages")
    Translation._meta.verbose_name = pgettext_lazy("admin", "translation")
    Translation._meta.verbose_name_plural = pgettext_lazy("admin", "translations")
