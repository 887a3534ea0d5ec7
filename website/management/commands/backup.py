"""Write one dated archive of the site's data and media (see website/backup.py, docs/operations.md)."""

from django.core.management.base import BaseCommand, CommandError

from website.backup import BackupError, create_backup, default_directory, read_manifest


class Command(BaseCommand):
    help = (
        "Write a dated archive: the data as engine-neutral JSON, and every media file (MEDIA_ROOT, or the "
        "bucket's objects with object storage). See docs/operations.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help=f"a directory (default {default_directory()}) or a file name ending in .tar.gz",
        )

    def handle(self, *args, **options):
        try:
            path = create_backup(options["output"])
        except BackupError as error:
            raise CommandError(str(error)) from None
        media = read_manifest(path)["media"]
        if media["missing"]:
            shown = ", ".join(media["missing"][:3]) + (", …" if len(media["missing"]) > 3 else "")
            self.stderr.write(
                self.style.WARNING(
                    f"{len(media['missing'])} files the database refers to were missing already: {shown}"
                )
            )
        self.stdout.write(self.style.SUCCESS(f"Backup written: {path}"))
