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

from dataclasses import dataclass
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation

from multilingual.languages import direction
from multilingual.pdf import PdfDocument, PdfUnavailable, render_pdf, unavailable_response

LAYOUT = "5"

#: Font stacks per script. Arabic script needs a font with Arabic shaping tables; Ge'ez
#: (Tigrinya) needs Noto Sans Ethiopic. Each stack ends in the Latin Noto Sans.
FONTS = {
    "ar": '"Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans", sans-serif',
    "fa": '"Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans", sans-serif',
    "ti": '"Noto Sans Ethiopic", "Noto Sans", sans-serif',
}
DEFAULT_FONT = '"Noto Sans", "DejaVu Sans", sans-serif'


def brochure_html(brochure):
    """The brochure as the HTML WeasyPrint renders, in its own language and direction.

    The contacts come in the web brochure's order (``speakers_first``): 112, then those
    that answer in the reader's language; a contact shown in Swedish says so.
    """
    from information.models import speakers_first

    code = brochure.locale.language_code
    contacts = brochure.localized_contacts()
    order = {
        id(contact): i
        for i, contact in enumerate(speakers_first([c for _kind, c in contacts], code))
    }
    contacts.sort(key=lambda kind_contact: order[id(kind_contact[1])])
    with translation.override(code):
        return render_to_string(
            "information/brochure_pdf.html",
            {
                "brochure": brochure,
                "contacts": contacts,
                "language_code": code,
                "direction": direction(code),
                "font_family": FONTS.get(code, DEFAULT_FONT),
                "paper_size": brochure.paper_size or "A5",
            },
        )


def tag_languages():
    """Make WeasyPrint's tagged PDF give each structure element with a ``lang`` attribute
    its own ``/Lang`` (WeasyPrint 70 writes only the document's, from ``<html lang>``).

    A Tigrinya brochure prints Swedish helpline texts: without their own ``/Lang`` a screen
    reader read them with a Tigrinya voice. WeasyPrint builds the structure tree in one
    recursive function, ``weasyprint.pdf.tags._build_box_tree``; it is wrapped once per
    process (idempotent, so safe under threads), and the wrapper only adds the key.
    ``tests/information/test_brochure_pdf_reader_language.py`` reads the tree back and
    fails if a WeasyPrint upgrade changes that function.
    """
    import pydyf
    from weasyprint.pdf import tags

    if getattr(tags._build_box_tree, "tags_language", False):
        return
    build = tags._build_box_tree

    def build_with_language(box, parent, *args, **kwargs):
        element = getattr(box, "element", None)
        lang = (
            element.get("lang")
            if element is not None and getattr(box, "element_tag", None) not in ("html", "body")
            else None
        )
        for child in build(box, parent, *args, **kwargs):
            if lang and "Lang" not in child:
                child["Lang"] = pydyf.String(lang)
            yield child

    build_with_language.tags_language = True
    tags._build_box_tree = build_with_language


class BrochurePdf(PdfDocument):
    kind = "brochures"
    #: 3: made by the pipeline shared with plans (named by a digest of what it prints);
    #: 4: contacts in the reader's language first, passages tagged with their language.
    #: 5: links lead to the site's public address, not to the renderer's pdf.invalid.
    layout_version = LAYOUT
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
        tag_languages()
        return render_pdf(brochure_html(brochure), site_url=site_url())


def site_url():
    """The public address (``root_url``) of the default Wagtail site, which links in a
    brochure lead to (a brochure is a snippet, under no site of its own); None without one."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site is not None else None


BROCHURE_PDF = BrochurePdf()


@dataclass
class Download:
    """What the brochures page offers for one language: a generated file or an upload."""

    size: int | None
    path: Path | None = None
    document: object = None
    file: object = None
    #: A 503 answer when the PDF could not be stored (a full disk, the storage failing).
    response: object = None


def open_brochure_pdf(brochure):
    """``Download`` of the uploaded PDF when there is one, else the generated PDF read from
    the PDF storage (rendered now if its current version is not stored yet)."""
    if brochure.uploaded_pdf_id and brochure.uploaded_pdf is not None:
        document = brochure.uploaded_pdf
        return Download(size=document.get_file_size() or 0, document=document)
    try:
        file, _fresh = BROCHURE_PDF.open_for_request(brochure)
    except PdfUnavailable as error:
        return Download(
            size=None, response=unavailable_response(error.__cause__ or error, error.args[0])
        )
    return Download(size=file.size, file=file)


def listed_size(brochure):
    """The size the brochures page shows, without rendering anything: the upload's, or
    the newest generated file's (None before the first one is made)."""
    if brochure.uploaded_pdf_id and brochure.uploaded_pdf is not None:
        return brochure.uploaded_pdf.get_file_size() or 0
    newest = BROCHURE_PDF.newest_name(brochure)
    try:
        return BROCHURE_PDF.storage.size(newest) if newest else None
    except FileNotFoundError:  # replaced just now
        return None
