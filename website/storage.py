"""Media files on disk that a full disk does not leave half-written.

Kept apart from ``website.uploads`` (forms, middleware): the storage is loaded while the
models are, before Wagtail's forms can be imported.
"""

import contextlib
import contextvars
import errno

from django.core.files.storage import FileSystemStorage

#: ``OSError`` numbers that mean the disk (or the site's quota on it) is full.
NO_SPACE = {errno.ENOSPC, errno.EDQUOT}
#: Files written completely while ``written_files()`` watches (one request, one thread).
_written = contextvars.ContextVar("files written in this upload request", default=None)


def is_full_disk(error):
    return isinstance(error, OSError) and error.errno in NO_SPACE


@contextlib.contextmanager
def written_files():
    """A list of ``(storage, name)`` of every file ``CleanFileSystemStorage`` writes in
    the block, so that they can be deleted when the block's work is undone."""
    written = []
    token = _written.set(written)
    try:
        yield written
    finally:
        _written.reset(token)


class CleanFileSystemStorage(FileSystemStorage):
    """``FileSystemStorage`` that leaves no half-written file behind on a full disk.

    Django's own keeps the bytes it managed to write before ``ENOSPC``: a cut-off file
    named like the upload, which nothing refers to."""

    def _save(self, name, content):
        existed = self.exists(name)
        try:
            name = super()._save(name, content)
        except OSError as error:
            if is_full_disk(error) and not existed and self.exists(name):
                self.delete(name)
            raise
        written = _written.get()
        if written is not None:
            written.append((self, name))
        return name
