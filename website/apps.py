from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import pgettext_lazy


class WebsiteConfig(AppConfig):
    """The project: home page, site-wide settings, base templates, demo content."""

    name = "website"
    verbose_name = pgettext_lazy("admin", "Website")

    def ready(self):
        from website import checks  # noqa: F401 - registers the deployment checks
        from website import page_cache, review_lock
        from website.permissions import name_permissions_in_swedish

        post_migrate.connect(name_permissions_in_swedish, dispatch_uid="website_swedish_permission_names")
        swedish_names_for_wagtail_models()
        page_cache.connect()
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
