"""Restore an archive made by `backup` into an empty database (see website/backup.py)."""

from django.core.management.base import BaseCommand, CommandError

from website.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Load a backup archive into an empty database and the media storage (MEDIA_ROOT or the bucket), "
        "and check that every file the data refers to is there. Refuses a database with content, "
        "except the same archive's data from a restore that stopped: that one is finished."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="a .tar.gz written by `manage.py backup`")

    def handle(self, *args, **options):
        try:
            manifest = restore_backup(options["archive"])
        except BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(manifest["counts"].values())
        if manifest.get("resumed"):
            self.stdout.write(
                "The database already held this archive's data: the restore was finished."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {options['archive']} (made {manifest['created']}): {rows} rows."
            )
        )
