"""Create the translators group: translate and publish other languages, never Swedish."""

from django.core.management.base import BaseCommand, CommandError

from website.translation import setup_translators


class Command(BaseCommand):
    help = (
        "Create or update the 'Översättare' group (may translate and publish in the given "
        "languages' trees, not in Swedish). Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--language", action="append", dest="languages", metavar="CODE",
                            help="Only this language (repeat for more). Default: every language but Swedish.")
        parser.add_argument("--per-language", action="store_true",
                            help="Also make one group per language, e.g. 'Översättare – العربية'.")

    def handle(self, *args, languages=None, per_language=False, **options):
        try:
            plan = setup_translators(languages=languages, per_language=per_language)
        except ValueError as error:
            raise CommandError(str(error)) from error
        for name, codes in plan.items():
            self.stdout.write(f"{name}: {', '.join(codes)}")
