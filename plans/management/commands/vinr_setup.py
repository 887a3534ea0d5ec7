"""Prepare a Wagtail site for the extension: the source language's locale, a home page in
it, a page for the plans, and the roles with the review workflow (docs/install.md,
"An existing site"; docs/roles.md).

A site started in another language (``wagtail start`` makes English pages) has no page
in the source language (``LANGUAGE_CODE``, Swedish) for plans and support pages to live
under, and ``import_plan`` has nowhere to put a plan. This command makes what is missing
and says what it did; what exists is left as it is, so it can run again.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale, Site

from multilingual.languages import source_language
from plans.models import PlanIndexPage


class Command(BaseCommand):
    help = (
        "Make what the extension needs on a site: a locale for the source language "
        "(LANGUAGE_CODE), the home page in it, a page with plans under it, the roles and the "
        "review workflow. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--site", help="hostname of the site (default: the default site)")
        parser.add_argument(
            "--plan-index-title", default="Handlingsplaner", help="title of the page with plans"
        )
        parser.add_argument(
            "--plan-index-slug", default="handlingsplaner", help="its address under the home page"
        )
        parser.add_argument("--no-plan-index", action="store_true", help="make no page with plans")

    def handle(self, *args, **options):
        with transaction.atomic():
            locale = self.source_locale()
            home = self.home_in(self.site(options["site"]), locale)
            if not options["no_plan_index"]:
                self.plan_index(
                    home, locale, options["plan_index_title"], options["plan_index_slug"]
                )
            self.roles()

    def roles(self):
        """The roles and the review workflow (``editorial.roles``), when the app is installed."""
        from django.apps import apps

        if not apps.is_installed("editorial"):
            self.say("The app 'editorial' is not installed: no roles and no review workflow made.")
            return
        from editorial.roles import REVIEW_WORKFLOW, ensure_roles

        groups = ensure_roles()
        self.say(
            f"Roles: {', '.join(sorted(groups))}; the review workflow '{REVIEW_WORKFLOW}' on every page "
            "and on helplines, local services, brochures and glossary terms.",
            done=True,
        )

    def say(self, text, done=False):
        self.stdout.write(self.style.SUCCESS(text) if done else text)

    def site(self, hostname):
        sites = Site.objects.select_related("root_page")
        site = (
            sites.filter(hostname=hostname).first()
            if hostname
            else sites.filter(is_default_site=True).first()
        )
        if site is None:
            raise CommandError(
                f"No site '{hostname}'."
                if hostname
                else "No default site: make one in the admin first."
            )
        return site

    def source_locale(self):
        code = source_language()
        locale, created = Locale.objects.get_or_create(language_code=code)
        self.say(
            f"Locale '{code}' (LANGUAGE_CODE, the source language): {'created' if created else 'exists'}.",
            created,
        )
        return locale

    def home_in(self, site, locale):
        """The site's home page in ``locale``: its own, a translation, or a new alias."""
        home = site.root_page.specific
        if home.locale_id == locale.id:
            self.say(f"Home page '{home.title}' is in '{locale.language_code}'.")
            return home
        translation = home.get_translation_or_none(locale)
        if translation is not None:
            self.say(
                f"Home page '{home.title}' has a version in '{locale.language_code}': '{translation.title}'."
            )
            return translation.specific
        # An alias shows the home page's own content at /<source language>/ until someone
        # translates it ("Translate this page" in the admin converts it); what is below it
        # in this locale is the extension's.
        alias = home.copy_for_translation(locale, alias=True)
        self.say(
            f"Home page '{home.title}' is in '{home.locale.language_code}': made its version in "
            f"'{locale.language_code}' (an alias of it, at /{locale.language_code}/, until someone "
            "translates it), for the extension's pages to live under.",
            done=True,
        )
        return alias.specific

    def plan_index(self, home, locale, title, slug):
        existing = PlanIndexPage.objects.filter(locale=locale).order_by("path").first()
        if existing is not None:
            self.say(f"Page with plans: '{existing.title}' ({existing.url_path}) exists.")
            return existing
        if home.get_children().filter(slug=slug).exists():
            raise CommandError(
                f"'{home.title}' has a page at '{slug}' already: give --plan-index-slug, or --no-plan-index."
            )
        index = PlanIndexPage(title=title, slug=slug)
        home.add_child(instance=index)
        index.save_revision().publish()
        self.say(
            f"Page with plans '{title}' made and published under '{home.title}': "
            "import a plan with `manage.py import_plan FILE`.",
            done=True,
        )
        return index
