"""Brochures as PDF: rendered by WeasyPrint from the brochure's own content.

Nothing is fetched while rendering: the stylesheet is inline, the fonts are Debian's Noto
fonts found through fontconfig, and the ``refuse_urls()`` fetcher turns away every URL (a brochure
that could pull a remote image would leak who prints it, and could hang the server).

A generated PDF is kept under ``MEDIA_ROOT/brochures/`` named after the brochure's
primary key and ``updated_at``; saving a brochure, helpline or local service changes
``updated_at`` (see ``information.signals``), so a stale number never stays in a PDF.
"""

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from multilingual.languages import RTL_LANGUAGES

#: Font stacks per script. Arabic script needs a font with Arabic shaping tables; Ge'ez
#: (Tigrinya) needs Noto Sans Ethiopic. Each stack ends in the Latin Noto Sans.
FONTS = {
    "ar": '"Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans", sans-serif',
    "fa": '"Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans", sans-serif',
    "ti": '"Noto Sans Ethiopic", "Noto Sans", sans-serif',
}
DEFAULT_FONT = '"Noto Sans", "DejaVu Sans", sans-serif'


def _refusing_fetcher_class():
    from weasyprint.urls import URLFetcher

    class RefuseAllURLs(URLFetcher):
        """A WeasyPrint ``url_fetcher`` that fetches nothing (see module docstring)."""

        def fetch(self, url, headers=None):
            self.refused.append(url)
            raise ValueError(f"brochure PDFs load no resources, refused: {url[:80]}")

    return RefuseAllURLs


def refuse_urls():
    """A fresh fetcher; ``.refused`` lists what a rendering tried to load."""
    fetcher = _refusing_fetcher_class()(allowed_protocols=())
    fetcher.refused = []
    return fetcher


@dataclass
class Download:
    """What the brochures page offers for one language: a generated file or an upload."""

    size: int
    path: Path | None = None
    document: object = None


#: Raised when the way PDFs are made changes (2: tagged PDF/UA), so that files made the
#: old way are made again instead of being served until the brochure is next edited.
PDF_FORMAT = 2


def pdf_path(brochure):
    stamp = brochure.updated_at.strftime("%Y%m%d%H%M%S%f") if brochure.updated_at else "0"
    name = f"{brochure.slug}-{brochure.locale.language_code}-{brochure.pk}-{stamp}-v{PDF_FORMAT}.pdf"
    return Path(settings.MEDIA_ROOT) / "brochures" / name


def render_brochure_pdf(brochure):
    """The brochure as PDF bytes, in the brochure's own language and direction."""
    from weasyprint import HTML

    code = brochure.locale.language_code
    with translation.override(code):
        html = render_to_string(
            "information/brochure_pdf.html",
            {
                "brochure": brochure,
                "contacts": brochure.localized_contacts(),
                "language_code": code,
                "direction": "rtl" if code in RTL_LANGUAGES else "ltr",
                "font_family": FONTS.get(code, DEFAULT_FONT),
                "paper_size": brochure.paper_size or "A5",
            },
        )
    # PDF/UA-1: a tagged PDF (headings, paragraphs, reading order) that screen readers can
    # follow; WeasyPrint takes the document language from <html lang> and the title from
    # <title>, and the variant makes viewers show that title.
    return HTML(string=html, url_fetcher=refuse_urls(), base_url=None).write_pdf(pdf_variant="pdf/ua-1")


def brochure_download(brochure):
    """The uploaded PDF when there is one, else the generated PDF (made once per version)."""
    if brochure.uploaded_pdf_id and brochure.uploaded_pdf is not None:
        document = brochure.uploaded_pdf
        size = document.get_file_size() or 0
        return Download(size=size, document=document)
    path = pdf_path(brochure)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob(f"{brochure.slug}-{brochure.locale.language_code}-{brochure.pk}-*.pdf"):
            if old != path:  # another request may have just written this version
                old.unlink(missing_ok=True)
        data = render_brochure_pdf(brochure)
        write_atomically(path, data)
        return Download(size=len(data), path=path)
    return Download(size=path.stat().st_size, path=path)


def write_atomically(path, data):
    """Write ``data`` to ``path`` so that a reader sees the old file or the whole new one.

    Requests render the same brochure at the same time while editors publish: each writes
    its own temporary file in the same folder (so the rename stays on one file system)
    and renames it over ``path``. A shared temporary name let one request rename the file
    another had just renamed, and the page answered 500.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
