"""The plan as a PDF, rendered by WeasyPrint on this machine and nothing else.

A PDF is a document: cover, contents with page numbers, tagged for screen readers with
the document's language and title. It is rendered once per published revision of the
plan and its focus areas and kept under ``MEDIA_ROOT/plans/pdf/<plan id>/``; a request
never waits for a render except the very first one of a plan. Publishing schedules the
render in the background (Django's tasks framework, ``plans.tasks``); until it is done the
previous PDF is served. Files are written under a unique temporary name and renamed into
place, so a reader never gets half a file, however many renders run at once.

Fonts come from the system through fontconfig (Debian's ``fonts-noto-core`` covers Latin,
Arabic and Ethiopic scripts) and WeasyPrint embeds the glyphs it uses. Stylesheets and
images are read from the static and media folders; any other URL, in particular one on
another host, is refused, so a PDF never makes the server fetch something from outside.
"""

import hashlib
import logging
import os
import uuid
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint import HTML
from weasyprint.urls import URLFetcher

BASE_URL = "http://pdf.invalid/"

# WeasyPrint logs every CSS property it does not support; the PDF stylesheet is written
# for it, so only real errors are worth a log line.
logging.getLogger("weasyprint").setLevel(logging.ERROR)


class LocalOnlyFetcher(URLFetcher):
    """Serves ``/static/…`` and ``/media/…`` from disk and refuses everything else."""

    def __init__(self):
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)

    def local_path(self, url):
        parts = urlsplit(url)
        if parts.scheme == "data":
            return None
        if parts.scheme not in ("http", "https") or parts.netloc != urlsplit(BASE_URL).netloc:
            raise ValueError(f"The PDF may not load {url}: only this site's own files are used.")
        path = unquote(parts.path)
        if path.startswith(settings.STATIC_URL):
            found = finders.find(path[len(settings.STATIC_URL):])
            if found:
                return Path(found)
        if path.startswith(settings.MEDIA_URL):
            root = Path(settings.MEDIA_ROOT).resolve()
            candidate = (root / path[len(settings.MEDIA_URL):]).resolve()
            if candidate.is_relative_to(root) and candidate.is_file():
                return candidate
        raise ValueError(f"No such local file: {url}")

    def fetch(self, url, headers=None):
        path = self.local_path(url)
        if path is None:
            return super().fetch(url, headers)
        return super().fetch(path.as_uri(), headers)


def render_pdf(html):
    """PDF bytes for an HTML document whose links to static and media files are site-relative.

    Tagged (PDF/UA-1): the structure (headings, lists, tables) reaches screen readers, with
    the document's language from ``<html lang>`` and its title from ``<title>``."""
    return HTML(string=html, base_url=BASE_URL, url_fetcher=LocalOnlyFetcher()).write_pdf(
        pdf_variant="pdf/ua-1", pdf_tags=True
    )


#: Change when the PDF's template or stylesheet changes, so every plan gets a new file.
LAYOUT_VERSION = "2"


def pdf_folder(plan):
    return Path(settings.MEDIA_ROOT) / "plans" / "pdf" / str(plan.pk)


def pdf_stamp(plan):
    """What the PDF shows, as a short digest: the published revisions of the plan and of
    its focus areas (one query). A new revision of any of them gives a new file.

    Organisation names are not in it: a renamed organisation shows in the PDF from the
    plan's next publication."""
    from plans.models import FocusAreaPage

    revisions = list(
        FocusAreaPage.objects.child_of(plan).live().public().order_by("path")
        .values_list("pk", "live_revision_id", "last_published_at")
    )
    # Publication times as well as revision ids: ids can come back (a restored database).
    text = f"{LAYOUT_VERSION}:{plan.pk}:{plan.live_revision_id}:{plan.last_published_at}:{revisions}"
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def current_pdf_path(plan):
    return pdf_folder(plan) / f"{pdf_stamp(plan)}.pdf"


def newest_pdf(plan):
    """The most recently written PDF of the plan, whatever revision it shows, or None."""
    try:
        files = [entry for entry in os.scandir(pdf_folder(plan)) if entry.name.endswith(".pdf")]
    except FileNotFoundError:
        return None
    if not files:
        return None
    return Path(max(files, key=lambda entry: entry.stat().st_mtime_ns).path)


def render_plan_pdf_bytes(plan):
    """The plan's PDF in the plan's own language (whoever asks)."""
    from django.template.loader import render_to_string
    from django.utils import translation

    from plans.views import printable_context

    with translation.override(plan.locale.language_code):
        html = render_to_string(
            "plans/plan_pdf.html", {"page": plan, "self": plan, "plan": plan, **printable_context(plan)}
        )
        return render_pdf(html)


def write_plan_pdf(plan):
    """Render the plan's PDF for its current revisions and put it in place atomically;
    older files of the plan are removed. Returns the file's path."""
    path = current_pdf_path(plan)
    if path.exists():
        return path
    data = render_plan_pdf_bytes(plan)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.stem}.{uuid.uuid4().hex}.tmp")  # unique: renders may run at once
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)  # readers see the old file or the whole new one
    finally:
        tmp.unlink(missing_ok=True)
    for old in path.parent.glob("*.pdf"):
        if old != path:
            old.unlink(missing_ok=True)
    return path


def plan_pdf_for_request(plan):
    """``(bytes, fresh)`` for a request: the current PDF when it exists; otherwise the
    previous one while the current one is rendered in the background; only a plan that
    never had a PDF is rendered now."""
    path = current_pdf_path(plan)
    try:
        return path.read_bytes(), True
    except FileNotFoundError:
        pass
    from plans.tasks import schedule_plan_pdf

    for _attempt in range(2):
        previous = newest_pdf(plan)
        if previous is None:
            break
        try:
            data = previous.read_bytes()
        except FileNotFoundError:  # replaced by a render that just finished: look again
            continue
        schedule_plan_pdf(plan.pk)
        return data, False
    return write_plan_pdf(plan).read_bytes(), True
