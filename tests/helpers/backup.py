"""``backup`` and ``restore`` as an operator runs them, on a new server."""

import shutil
import sys
from pathlib import Path

from django.conf import settings
from django.core.management import CommandError, call_command

from website.backup import flush


def media_files():
    """Every media file: {path under MEDIA_ROOT: bytes}."""
    root = Path(settings.MEDIA_ROOT)
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def empty_everything():
    """A new server: no rows, no media files."""
    flush()
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    for child in Path(settings.MEDIA_ROOT).iterdir():
        shutil.rmtree(child) if child.is_dir() else child.unlink()


def run(*argv):
    """Run a command as a shell would see it: returns its exit code.

    Through ``call_command``, not ``ManagementUtility``: the latter closes every database
    connection when the command ends, which on PostgreSQL ends the test's transaction.
    """
    try:
        call_command(*argv)
    except CommandError as error:
        print(error, file=sys.stderr)
        return error.returncode
    return 0
