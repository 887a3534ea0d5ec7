from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    """The project: home page, site-wide settings, base templates, demo content."""

    name = "website"
    verbose_name = "Webbplats"

    def ready(self):
        from website import checks  # noqa: F401 - registers the deployment checks
