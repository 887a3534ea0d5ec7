from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class WebsiteConfig(AppConfig):
    """The reference site: home page, site-wide settings, base templates, demo content.

    The rules that protect visitors, editors and translators are the extension's
    (``editorial``, ``translations``, ``information``, ``plans``, ``multilingual``)."""

    name = "website"
    verbose_name = pgettext_lazy("admin", "Website")

    def ready(self):
        import website.checks  # noqa: F401 - registers the deployment checks
        from website import page_cache

        page_cache.connect()
