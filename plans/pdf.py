"""The plan as a PDF, rendered by WeasyPrint on this machine and nothing else.

Fonts come from the system through fontconfig (Debian's ``fonts-noto-core`` covers Latin,
Arabic and Ethiopic scripts) and WeasyPrint embeds the glyphs it uses. Stylesheets and
images are read from the static and media folders; any other URL, in particular one on
another host, is refused, so a PDF never makes the server fetch something from outside.
"""

import logging
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
    """PDF bytes for an HTML document whose links to static and media files are site-relative."""
    return HTML(string=html, base_url=BASE_URL, url_fetcher=LocalOnlyFetcher()).write_pdf()
