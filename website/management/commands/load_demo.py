"""Load the demo content: the site skeleton, then each app's demo. Safe to run twice."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from website.demo import loaders
from website.demo.site import MissingTreeRoot


class Command(BaseCommand):
    help = "Load the demo content (home page, helplines, seed plans, support pages). Idempotent."

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                for name, loader in loaders():
                    summary = loader()
                    self.stdout.write(f"{name}: {summary}")
        except MissingTreeRoot as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
