"""Complete the translator groups: translate and submit for review, never publish."""

from django.core.management.base import BaseCommand, CommandError

from website.translation import setup_translators


class Command(BaseCommand):
    help = (
        "Complete the 'Översättare' groups (one for every language and one per language, made "
        "by a migration): page permissions in each language's tree once its home page exists, "
        "no publishing, unpublishing or deleting (docs/roles.md). Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--language", action="append", dest="languages", metavar="CODE",
                            help="Only check and list this language (repeat for more). "
                                 "Default: every language but Swedish.")
        parser.add_argument("--per-language", action="store_true",
                            help="Kept for older scripts: the per-language groups, e.g. "
                                 "'Översättare – العربية', always exist now.")

    def handle(self, *args, languages=None, per_language=False, **options):
        try:
            plan = setup_translators(languages=languages, per_language=per_language)
        except ValueError as error:
            raise CommandError(str(error)) from error
        for name, codes in plan.items():
            self.stdout.write(f"{name}: {', '.join(codes)}")
