"""PDFs made on this machine by WeasyPrint: one pipeline for every kind of document
(brochures in ``information``, plans in ``plans``).

A kind of document is a :class:`PdfDocument` subclass that says three things: how to find a
published object by id, what its PDF shows (a short text whose digest names the file) and
how to render it. The rest is the same for every kind, and lives only here:

- **Nothing from another host.** :class:`LocalOnlyFetcher` serves ``/static/…`` (the
  collected, hashed files in production) and ``/media/…`` from disk and refuses every other URL: a PDF that could pull a remote image
  or font would tell another host who prints it, and could hang the server.
- **One file per version.** ``MEDIA_ROOT/<kind>/pdf/<object id>/<digest>.pdf``, the digest
  over the layout version and what the PDF shows; a new version gets a new name, so a
  stale PDF is never served as the current one, and older files of the object are removed
  when the new one is in place.
- **Atomic writes.** Each render writes its own temporary file and renames it into place
  (:func:`write_atomically`): a reader gets the old file or the whole new one, however
  many renders run at once.
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

import hashlib
import os
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import transaction
from django.utils.module_loading import import_string
from django_tasks import task
from weasyprint.urls import URLFetcher

from multilingual.conf import setting

#: The address documents are rendered at: site-relative links resolve against it, and the
#: fetcher serves only this host's ``/static/`` and ``/media/`` (which ``.invalid`` can never be).
BASE_URL = "http://pdf.invalid/"


def _file_under(root, name):
    """``root/name`` when it is a file inside ``root``, else None."""
    root = Path(root).resolve()
    candidate = (root / name).resolve()
    return candidate if candidate.is_relative_to(root) and candidate.is_file() else None


class LocalOnlyFetcher(URLFetcher):
    """Serves ``/static/…`` and ``/media/…`` from disk and refuses everything else.

    ``hosts`` are the addresses that mean "this site" (the renderer's own, and the site's
    public address when links are made against it): files are still read from disk, never
    over the network. ``refused`` lists what a rendering tried to load and did not get."""

    def __init__(self, hosts=()):
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
        self.hosts = {urlsplit(BASE_URL).netloc, *hosts}
        self.refused = []

    def local_path(self, url):
        """The file on disk for ``url``; None for a ``data:`` URL; ValueError otherwise."""
        parts = urlsplit(url)
        if parts.scheme == "data":
            return None
        if parts.scheme not in ("http", "https") or parts.netloc not in self.hosts:
            raise ValueError(f"The PDF may not load {url[:80]}: only this site's own files are used.")
        path = unquote(parts.path)
        if path.startswith(settings.STATIC_URL):
            name = path[len(settings.STATIC_URL):]
            # Collected files first: in production the templates name them by their hashed
            # names (pdf.782b2e07f5f1.css), which only STATIC_ROOT has; the finders serve
            # a development checkout, where nothing is collected.
            found = _file_under(settings.STATIC_ROOT, name) if settings.STATIC_ROOT else None
            found = found or finders.find(name)
            if found:
                return Path(found)
        if path.startswith(settings.MEDIA_URL):
            found = _file_under(settings.MEDIA_ROOT, path[len(settings.MEDIA_URL):])
            if found:
                return found
        raise ValueError(f"No such local file: {url[:80]}")

    def fetch(self, url, headers=None):
        try:
            path = self.local_path(url)
        except ValueError:
            self.refused.append(url)
            raise
        if path is None:
            return super().fetch(url, headers)
        return super().fetch(path.as_uri(), headers)


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
    return HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)


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


class PdfDocument:
    """One kind of document made as PDF. Subclasses set ``kind`` and ``layout_version`` and
    define :meth:`load`, :meth:`shows` and :meth:`render`; see the module docstring."""

    #: Folder under ``MEDIA_ROOT``: files go to ``<kind>/pdf/<object id>/``.
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

    def folder(self, obj):
        return Path(settings.MEDIA_ROOT) / self.kind / "pdf" / str(obj.pk)

    def stamp(self, obj):
        text = f"{self.kind}:{self.layout_version}:{obj.pk}:{self.shows(obj)}"
        return hashlib.sha256(text.encode()).hexdigest()[:20]

    def current_path(self, obj):
        return self.folder(obj) / f"{self.stamp(obj)}.pdf"

    def newest_path(self, obj):
        """The most recently written PDF of the object, whatever version it shows, or None."""
        try:
            files = [entry for entry in os.scandir(self.folder(obj)) if entry.name.endswith(".pdf")]
        except FileNotFoundError:
            return None
        if not files:
            return None
        return Path(max(files, key=lambda entry: entry.stat().st_mtime_ns).path)

    def write(self, obj, path=None):
        """Render the object's current version unless its file exists; older files of the
        object are removed once the new one is in place. Returns the file's path."""
        path = path or self.current_path(obj)
        if path.exists():
            return path
        write_atomically(path, self.render(obj))
        for old in path.parent.glob("*.pdf"):
            if old != path:
                old.unlink(missing_ok=True)
        return path

    # Requests and the background ----------------------------------------------------------

    def file_for_request(self, obj):
        """``(path, fresh)`` for a reader: the current file when it exists; else, where the
        kind allows it, the previous one while the current one renders in the background;
        else the current one, rendered now."""
        path = self.current_path(obj)
        if path.exists():
            return path, True
        if self.serve_previous:
            previous = self.newest_path(obj)
            if previous is not None:
                self.schedule(obj.pk)
                return previous, False
        return self.write(obj, path), True

    def open_for_request(self, obj):
        """Like :meth:`file_for_request`, opened (binary): a file removed between the look
        and the opening (a newer version just replaced it) is looked up again."""
        for _attempt in range(3):
            path, fresh = self.file_for_request(obj)
            try:
                return path.open("rb"), fresh
            except FileNotFoundError:
                continue
        return self.write(obj).open("rb"), True

    def schedule(self, pk):
        """Render the object's PDF in the background once the current transaction commits
        (the task must see what was just published). Renders of a version already on disk
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
