"""Give every language an alias of each Swedish support page it lacks (idempotent)."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from information.fallback import sync_support_tree


class Command(BaseCommand):
    help = (
        "Mirror the Swedish support section into every language (or the given ones): "
        "pages without a translation get an alias that shows the Swedish text with a notice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "languages", nargs="*", help="Language codes, e.g. so ti. Default: all."
        )

    def handle(self, *args, languages, **options):
        locales = None
        if languages:
            locales = list(Locale.objects.filter(language_code__in=languages))
            missing = sorted(set(languages) - {locale.language_code for locale in locales})
            if missing:
                raise CommandError(
                    f"No such language in the site: {', '.join(missing)}. "
                    "Languages are set in multilingual/languages.py (see docs/languages.md)."
                )
        created = sync_support_tree(locales)
        self.stdout.write(f"{created} alias page(s) created.")
