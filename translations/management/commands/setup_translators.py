"""Complete the translator groups: translate and submit for review, never publish."""

from django.core.management.base import BaseCommand, CommandError

from translations.translators import setup_translators


class Command(BaseCommand):
    help = (
        "Complete the 'Översättare' groups (one for every language and one per language): "
        "page permissions in each language's tree once its home page exists, no publishing, "
        "unpublishing or deleting (docs/roles.md). Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--language",
            action="append",
            dest="languages",
            metavar="CODE",
            help="Only check and list this language (repeat for more). "
            "Default: every language but Swedish.",
        )

    def handle(self, *args, languages=None, **options):
        try:
            plan = setup_translators(languages=languages)
        except ValueError as error:
            raise CommandError(str(error)) from error
        for name, codes in plan.items():
            self.stdout.write(f"{name}: {', '.join(codes)}")
