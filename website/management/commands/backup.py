"""Write one dated archive of the site's data and media (see website/backup.py, docs/operations.md)."""

from django.core.management.base import BaseCommand, CommandError

from website.backup import BackupError, create_backup, default_directory


class Command(BaseCommand):
    help = "Write a dated archive (data as engine-neutral JSON, and media files). See docs/operations.md."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", help=f"a directory (default {default_directory()}) or a file name ending in .tar.gz"
        )

    def handle(self, *args, **options):
        try:
            path = create_backup(options["output"])
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Backup written: {path}"))
