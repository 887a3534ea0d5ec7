"""Brochures as PDF: rendered from the brochure's own content by the shared pipeline
(``multilingual.pdf``: local files only, one file per version, atomic writes, rendering
in the background).

A version is what the PDF prints: the brochure's HTML for WeasyPrint, with the numbers of
the helplines and services it shows. Its digest names the file, so a changed number gives
a new file by itself and a stale number is never printed; nothing has to be marked as
changed. Publishing a brochure, or a helpline or service that brochures show, renders the
brochures that show it in the background (``information.signals``); a PDF asked for
before that is rendered for the reader, never served in an older version.

The stylesheet is inline and the fonts are Debian's Noto fonts found through fontconfig.
"""

import os
from dataclasses import dataclass
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation

from multilingual.languages import direction
from multilingual.pdf import PdfDocument, render_pdf

#: Font stacks per script. Arabic script needs a font with Arabic shaping tables; Ge'ez
#: (Tigrinya) needs Noto Sans Ethiopic. Each stack ends in the Latin Noto Sans.
FONTS = {
    "ar": '"Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans", sans-serif',
    "fa": '"Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans", sans-serif',
    "ti": '"Noto Sans Ethiopic", "Noto Sans", sans-serif',
}
DEFAULT_FONT = '"Noto Sans", "DejaVu Sans", sans-serif'


def brochure_html(brochure):
    """The brochure as the HTML WeasyPrint renders, in its own language and direction."""
    code = brochure.locale.language_code
    with translation.override(code):
        return render_to_string(
            "information/brochure_pdf.html",
            {
                "brochure": brochure,
                "contacts": brochure.localized_contacts(),
                "language_code": code,
                "direction": direction(code),
                "font_family": FONTS.get(code, DEFAULT_FONT),
                "paper_size": brochure.paper_size or "A5",
            },
        )


class BrochurePdf(PdfDocument):
    kind = "brochures"
    #: 3: made by the pipeline shared with plans (named by a digest of what it prints).
    layout_version = "3"
    serve_previous = False  # it prints phone numbers: never an older version
    on_publish_setting = "VINR_BROCHURES_PDF_ON_PUBLISH"

    def load(self, pk):
        from information.models import Brochure

        return Brochure.objects.filter(pk=pk, live=True).select_related("locale").first()

    def shows(self, brochure):
        """The HTML itself: rendering it costs milliseconds (the PDF costs seconds), and
        nothing the PDF prints can change without changing it."""
        return brochure_html(brochure)

    def render(self, brochure):
        return render_pdf(brochure_html(brochure))


BROCHURE_PDF = BrochurePdf()


@dataclass
class Download:
    """What the brochures page offers for one language: a generated file or an upload."""

    size: int | None
    path: Path | None = None
    document: object = None
    file: object = None


def open_brochure_pdf(brochure):
    """``Download`` of the uploaded PDF when there is one, else an open file of the
    generated PDF (rendered now if its current version is not on disk yet)."""
    if brochure.uploaded_pdf_id and brochure.uploaded_pdf is not None:
        document = brochure.uploaded_pdf
        return Download(size=document.get_file_size() or 0, document=document)
    file, _fresh = BROCHURE_PDF.open_for_request(brochure)
    return Download(size=os.fstat(file.fileno()).st_size, path=Path(file.name), file=file)


def listed_size(brochure):
    """The size the brochures page shows, without rendering anything: the upload's, or
    the newest generated file's (None before the first one is made)."""
    if brochure.uploaded_pdf_id and brochure.uploaded_pdf is not None:
        return brochure.uploaded_pdf.get_file_size() or 0
    newest = BROCHURE_PDF.newest_path(brochure)
    try:
        return newest.stat().st_size if newest else None
    except FileNotFoundError:  # replaced just now
        return None
