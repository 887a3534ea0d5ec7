"""PDFs made on this machine by WeasyPrint: one pipeline for every kind of document
(brochures in ``information``, plans in ``plans``).

A kind of document is a :class:`PdfDocument` subclass that says three things: how to find a
published object by id, what its PDF shows (a short text whose digest names the file) and
how to render it. The rest is the same for every kind, and lives only here:

- **Nothing from another host.** :class:`LocalOnlyFetcher` serves ``/static/…`` (the
  collected, hashed files in production) from disk and media files (images) from the media
  storage by name, through the storage API (a bucket's files too, whatever their signed
  URL), and refuses every other URL: a PDF that could pull a remote image or font would
  tell another host who prints it, and could hang the server. No signed URL is logged.
- **One file per version, in shared storage.** ``<kind>/pdf/<object id>/<digest>.pdf`` in
  the PDF storage (:func:`pdf_storage`: the media storage unless ``STORAGES`` has
  ``vinr_pdfs``), the digest over the layout version and what the PDF shows. With object
  storage every app server and the task worker see the same files, so a PDF rendered
  anywhere is served everywhere; a new version gets a new name, so a stale PDF is never
  served as the current one, and older files of the object are removed when the new one
  is in place.
- **Atomic writes.** On disk each render writes its own temporary file and renames it
  into place (:func:`write_atomically`); in object storage one PUT stores the whole object
  or nothing. A reader gets the old file or the whole new one, however many renders run.
- **A full disk is a 503.** A file that cannot be stored (``ENOSPC``/``EDQUOT``, or the
  object storage fails) raises :class:`PdfUnavailable`; views answer
  :func:`unavailable_response` (503, ``Retry-After``, one log line).
- **Rendering in the background.** Publishing enqueues :func:`render_document_pdf`
  (Django's tasks framework, ``django-tasks``, which Wagtail installs) so the first reader
  finds the file made. Without a ``TASKS`` setting django-tasks runs the task at once, in
  the publishing request; with a worker the render leaves the web process. A reader who
  comes before it is done gets the previous file where the kind allows it (a plan), or
  waits for the render (a brochure: it prints phone numbers, an old one must not go out).

Fonts come from the system through fontconfig (Debian's ``fonts-noto-core`` covers Latin,
Arabic and Ethiopic scripts); WeasyPrint embeds the glyphs it uses. Its log level is set in
the ``LOGGING`` setting, not here.
"""

import errno
import hashlib
import logging
import mimetypes
import os
import re
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.module_loading import import_string
from django_tasks import task
from weasyprint.urls import URLFetcher

from multilingual.conf import setting

#: The address documents are rendered at: site-relative links resolve against it, and the
#: fetcher serves only this host's ``/static/`` and ``/media/`` (which ``.invalid`` can never be).
BASE_URL = "http://pdf.invalid/"

logger = logging.getLogger(__name__)


def _file_under(root, name):
    """``root/name`` when it is a file inside ``root``, else None."""
    root = Path(root).resolve()
    candidate = (root / name).resolve()
    return candidate if candidate.is_relative_to(root) and candidate.is_file() else None


def without_query(url):
    """``url`` without its query string and fragment: what may be logged or shown. A signed
    storage URL carries the access key's id and a signature in its query."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def media_base_url(storage):
    """The absolute address before a file's name in ``storage.url(name)``, without query
    (``https://bucket.example/media/``), or None for a site-relative ``MEDIA_URL``."""
    probe = "vinr-probe.png"
    try:
        url = without_query(storage.url(probe))
    except Exception:  # a storage without URLs: nothing to recognise
        return None
    if not urlsplit(url).netloc or not url.endswith(probe):
        return None
    return url[: -len(probe)]


class RedactSignatures(logging.Filter):
    """Drops query strings from URLs in WeasyPrint's log records ("Failed to load image at
    'https://bucket/…?X-Amz-Credential=…&X-Amz-Signature=…'"): the log must not carry keys."""

    QUERY = re.compile(r"(https?://[^\s'\"?#]+)\?[^\s'\"]*")

    def filter(self, record):
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = tuple(
                self.QUERY.sub(r"\1?…", a) if isinstance(a, str) else a for a in args
            )
        if isinstance(record.msg, str):
            record.msg = self.QUERY.sub(r"\1?…", record.msg)
        return True


def _redact_weasyprint_log():
    weasy = logging.getLogger("weasyprint")
    if not any(isinstance(f, RedactSignatures) for f in weasy.filters):
        weasy.addFilter(RedactSignatures())


class LocalOnlyFetcher(URLFetcher):
    """Serves ``/static/…`` from disk and media (images, documents) from the media storage
    by name, and refuses everything else.

    ``hosts`` are the addresses that mean "this site" (the renderer's own, and the site's
    public address when links are made against it). A media file is recognised by its
    site-relative ``MEDIA_URL`` or by the storage's own address (the bucket, or its custom
    domain) and read through the storage API (with the storage's credentials), never over
    HTTP: a signed URL in the page is never fetched, and never logged. ``refused`` lists
    what a rendering tried to load and did not get (without query strings)."""

    def __init__(self, hosts=()):
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
        self.hosts = {urlsplit(BASE_URL).netloc, *hosts}
        self.refused = []
        from django.core.files.storage import default_storage

        self.storage = default_storage
        self.media_base = media_base_url(default_storage)

    def media_name(self, url):
        """The media storage's name for ``url``, or None when it is not one of its files."""
        parts = urlsplit(url)
        path = unquote(parts.path)
        if (
            parts.scheme in ("http", "https")
            and parts.netloc in self.hosts
            and path.startswith(settings.MEDIA_URL)
        ):
            name = path[len(settings.MEDIA_URL) :]
        elif self.media_base and without_query(url).startswith(self.media_base):
            name = unquote(without_query(url)[len(self.media_base) :])
        else:
            return None
        if not name or name.startswith("/") or ".." in name.split("/"):
            raise ValueError(f"No such media file: {without_query(url)[:120]}")
        return name

    def local_path(self, url):
        """The static file on disk for ``url``; None for a ``data:`` URL; ValueError otherwise."""
        parts = urlsplit(url)
        if parts.scheme == "data":
            return None
        if parts.scheme not in ("http", "https") or parts.netloc not in self.hosts:
            raise ValueError(
                f"The PDF may not load {without_query(url)[:120]}: only this site's own files are used."
            )
        path = unquote(parts.path)
        if path.startswith(settings.STATIC_URL):
            name = path[len(settings.STATIC_URL) :]
            # Collected files first: in production the templates name them by their hashed
            # names (pdf.782b2e07f5f1.css), which only STATIC_ROOT has; the finders serve
            # a development checkout, where nothing is collected.
            found = _file_under(settings.STATIC_ROOT, name) if settings.STATIC_ROOT else None
            found = found or finders.find(name)
            if found:
                return Path(found)
        raise ValueError(f"No such local file: {without_query(url)[:120]}")

    def fetch(self, url, headers=None):
        try:
            name = self.media_name(url)
            if name is not None:
                return self.fetch_media(url, name)
            path = self.local_path(url)
        except ValueError:
            self.refused.append(without_query(url))
            raise
        if path is None:
            return super().fetch(url, headers)
        return super().fetch(path.as_uri(), headers)

    def fetch_media(self, url, name):
        from weasyprint.urls import URLFetcherResponse

        try:
            with self.storage.open(name, "rb") as handle:
                data = handle.read()
        except Exception as error:  # missing, refused or unreachable: one plain reason
            raise ValueError(f"No such media file: {name[:120]} ({type(error).__name__})") from None
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            without_query(url), body=data, headers={"Content-Type": content_type}
        )


def render_pdf(html, fetcher=None, site_url=None):
    """PDF bytes for an HTML document whose links to static and media files are site-relative.

    ``site_url`` (e.g. ``https://stod.ekby.se``, the Wagtail site's ``root_url``) is what
    site-relative links in the PDF lead to; without it they would lead to the renderer's
    own ``pdf.invalid``, an address no reader can open.

    Tagged (PDF/UA-1): the structure (headings, lists, tables) reaches screen readers, with
    the document's language from ``<html lang>`` and its title from ``<title>``."""
    from weasyprint import HTML

    base_url = f"{site_url.rstrip('/')}/" if site_url else BASE_URL
    fetcher = fetcher or LocalOnlyFetcher(hosts=[urlsplit(base_url).netloc])
    _redact_weasyprint_log()
    return HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf(
        pdf_variant="pdf/ua-1", pdf_tags=True
    )


def write_atomically(path, data):
    """Write ``data`` to ``path`` so that a reader sees the old file or the whole new one.

    Requests and tasks may render the same version at the same time: each writes its own
    temporary file in the same folder (so the rename stays on one file system) and renames
    it over ``path``. A shared temporary name once let one request rename the file another
    had just renamed, and the page answered 500.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class PdfUnavailable(Exception):
    """A PDF could not be stored (a full disk or quota, or the object storage refused or did
    not answer): the reader gets a short 503 with ``Retry-After``, not a 500."""


#: ``OSError`` numbers that mean the disk (or the site's quota on it) is full.
NO_SPACE = {errno.ENOSPC, errno.EDQUOT}
#: Seconds a reader is asked to wait before asking again for a PDF that could not be stored.
RETRY_AFTER = 300
#: The 503's text: plain, in the source language (no new string for every language).
UNAVAILABLE_TEXT = "PDF-filen kan inte skapas just nu. Försök igen om en stund."


def _storage_errors():
    """Errors of the object storage's client, when one is installed (django-storages' S3)."""
    try:
        from botocore.exceptions import BotoCoreError, ClientError
    except ImportError:  # no S3 client: only the disk can fail
        return ()
    return (BotoCoreError, ClientError)


def unavailable_response(error, what):
    """A short 503 with Retry-After for a PDF that could not be stored; one log line.

    A full disk or a storage outage is a passing condition an operator fixes: a 500 said
    nothing to the reader and logged a traceback per request. The line names the file
    and the error's class and number, never a URL (a signed one carries credentials)."""
    from django.http import HttpResponse

    reason = (
        f"errno {error.errno}"
        if isinstance(error, OSError) and error.errno
        else type(error).__name__
    )
    logger.error("The PDF %s could not be stored (%s): answered 503.", what, reason)
    response = HttpResponse(UNAVAILABLE_TEXT, status=503, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    response._has_been_logged = True  # this line is the log: not Django's "Service Unavailable" too
    return response


def pdf_storage():
    """Where generated PDFs are kept: ``STORAGES["vinr_pdfs"]`` when a site sets it, else
    the media storage (``default``). Shared by every app server and the task worker when
    that is object storage, so a PDF rendered anywhere is served everywhere."""
    from django.core.files.storage import default_storage, storages

    return (
        storages[PDF_STORAGE_ALIAS] if PDF_STORAGE_ALIAS in settings.STORAGES else default_storage
    )


#: The ``STORAGES`` alias of a storage for generated PDFs of their own (optional).
PDF_STORAGE_ALIAS = "vinr_pdfs"


def _local_path(storage, name):
    """The file on disk behind ``name`` for a storage on this machine's disk, else None."""
    try:
        return Path(storage.path(name))
    except NotImplementedError:  # object storage: no path on this machine
        return None


class PdfDocument:
    """One kind of document made as PDF. Subclasses set ``kind`` and ``layout_version`` and
    define :meth:`load`, :meth:`shows` and :meth:`render`; see the module docstring."""

    #: Folder in the PDF storage: files go to ``<kind>/pdf/<object id>/``.
    kind = ""
    #: Raise when the template or stylesheet changes, so every object gets a new file.
    layout_version = "1"
    #: Whether a reader may get the previous version while the current one is rendered.
    serve_previous = False
    #: The setting (multilingual.conf) that, when False, stops the render at publishing
    #: (the test settings do: rendering at every publish would slow every test that publishes).
    on_publish_setting = ""

    def load(self, pk):
        """The published object with this id, or None."""
        raise NotImplementedError

    def shows(self, obj):
        """Text that changes whenever what the PDF shows changes (hashed into the name)."""
        raise NotImplementedError

    def render(self, obj):
        """The PDF's bytes."""
        raise NotImplementedError

    # Files --------------------------------------------------------------------------------

    @property
    def storage(self):
        return pdf_storage()

    def folder_name(self, obj):
        return f"{self.kind}/pdf/{obj.pk}"

    def stamp(self, obj):
        text = f"{self.kind}:{self.layout_version}:{obj.pk}:{self.shows(obj)}"
        return hashlib.sha256(text.encode()).hexdigest()[:20]

    def current_name(self, obj):
        """The storage name of the PDF of the object's current version."""
        return f"{self.folder_name(obj)}/{self.stamp(obj)}.pdf"

    def folder(self, obj):
        """The folder on disk (a storage on this machine's disk only: tests, benchmarks)."""
        return _local_path(self.storage, self.folder_name(obj))

    def current_path(self, obj):
        """The current file on disk (a storage on this machine's disk only)."""
        return _local_path(self.storage, self.current_name(obj))

    def _names(self, obj):
        try:
            _folders, files = self.storage.listdir(self.folder_name(obj))
        except FileNotFoundError:
            return []
        return [f"{self.folder_name(obj)}/{name}" for name in files if name.endswith(".pdf")]

    def newest_name(self, obj):
        """The most recently written PDF of the object, whatever version it shows, or None."""
        names = self._names(obj)
        if len(names) <= 1:  # the usual case: no time to look up (a request each in a bucket)
            return names[0] if names else None
        dated = []
        for name in names:
            try:
                dated.append((self.storage.get_modified_time(name), name))
            except (FileNotFoundError, OSError):  # removed just now
                continue
        return max(dated)[1] if dated else None

    def write(self, obj, name=None):
        """Render the object's current version unless its file exists; older files of the
        object are removed once the new one is in place. Returns the file's storage name.

        Raises :class:`PdfUnavailable` when the file cannot be stored."""
        name = name or self.current_name(obj)
        storage = self.storage
        try:
            if storage.exists(name):
                return name
            data = self.render(obj)
            local = _local_path(storage, name)
            if local is not None:
                write_atomically(local, data)
            else:
                # One PUT: object storage shows the whole object or none of it. The name is
                # unique per version, so two renders of it store the same bytes.
                saved = storage.save(name, ContentFile(data))
                if saved != name:  # another render stored it first
                    storage.delete(saved)
            for old in self._names(obj):
                if old != name:
                    storage.delete(old)
        except OSError as error:
            if error.errno in NO_SPACE:
                raise PdfUnavailable(name) from error
            raise
        except _storage_errors() as error:
            raise PdfUnavailable(name) from error
        return name

    # Requests and the background ----------------------------------------------------------

    def file_for_request(self, obj):
        """``(name, fresh)`` for a reader: the current file when it exists; else, where the
        kind allows it, the previous one while the current one renders in the background;
        else the current one, rendered now."""
        name = self.current_name(obj)
        try:
            if self.storage.exists(name):
                return name, True
            if self.serve_previous:
                previous = self.newest_name(obj)
                if previous is not None:
                    self.schedule(obj.pk)
                    return previous, False
        except _storage_errors() as error:
            raise PdfUnavailable(name) from error
        return self.write(obj, name), True

    def read_for_request(self, obj):
        """``(bytes, fresh)``, like :meth:`file_for_request`, read whole: a file removed
        between the look and the reading (a newer version just replaced it) is looked up
        again. ``fresh`` False means an older version while the current one renders: the
        caller must not let a shared cache keep it."""
        file, fresh = self.open_for_request(obj)
        return file.read(), fresh

    def open_for_request(self, obj):
        """``(file, fresh)``: the file read whole into memory (a ``ContentFile`` named after
        the stored file), see :meth:`read_for_request`."""
        for _attempt in range(3):
            name, fresh = self.file_for_request(obj)
            try:
                with self.storage.open(name, "rb") as handle:
                    return ContentFile(handle.read(), name=name), fresh
            except FileNotFoundError:
                continue
            except _storage_errors() as error:
                raise PdfUnavailable(name) from error
        name = self.write(obj)
        with self.storage.open(name, "rb") as handle:
            return ContentFile(handle.read(), name=name), True

    def schedule(self, pk):
        """Render the object's PDF in the background once the current transaction commits
        (the task must see what was just published). Renders of a version already stored
        cost the task one look."""
        path = f"{type(self).__module__}.{type(self).__qualname__}"
        transaction.on_commit(lambda: render_document_pdf.enqueue(path, pk))

    def published(self, pk):
        """Call when the object (or something it shows) is published."""
        if not self.on_publish_setting or setting(self.on_publish_setting):
            self.schedule(pk)


@task()
def render_document_pdf(document_path, pk):
    """Render the PDF of one object (no-op if its current file exists or it is gone)."""
    document = import_string(document_path)()
    obj = document.load(pk)
    if obj is not None:
        document.write(obj)
