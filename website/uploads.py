"""Documents are checked by what they contain, not by the name they were uploaded with.

Wagtail checks a document's extension only: an SVG (which can carry a script) renamed
``.pdf``, or a PDF that runs JavaScript when opened, was accepted and served inline from
the site's own origin. ``CheckedDocumentForm`` refuses a file whose content does not
match its extension, and a PDF with JavaScript or launch actions; documents are also
served as downloads (``WAGTAILDOCS_INLINE_CONTENT_TYPES = []``), so even a PDF that
slips through does not open on the site's origin.
"""

import logging
import re
import zlib

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.html import format_html
from django.utils.translation import pgettext
from PIL import Image
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from website.storage import is_full_disk, written_files

logger = logging.getLogger(__name__)

#: How far into a file the signature may be searched (PDF allows junk before ``%PDF-``).
HEAD = 1024
#: Decompressed bytes read from a PDF's object streams at most (a zip bomb stops here).
MAX_INFLATED = 64 * 1024 * 1024

#: PDF names that run code or other programs. ``#xx`` escapes are decoded before matching.
PDF_ACTIVE_NAMES = re.compile(rb"/(JavaScript|JS|Launch)(?=[\s()<>\[\]{}/%]|$)")
_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.DOTALL)
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")

ZIP_FORMATS = {"docx", "xlsx", "odt"}
TEXT_FORMATS = {"txt", "csv"}


def _decode_names(data):
    return _NAME_ESCAPE.sub(lambda match: bytes([int(match.group(1), 16)]), data)


def _inflate(data, budget):
    try:
        return zlib.decompressobj().decompress(data, budget)
    except zlib.error:
        return b""


def pdf_problem(data):
    """Why ``data`` is not an acceptable PDF, in Swedish; ``None`` when it is."""
    if b"%PDF-" not in data[:HEAD]:
        return pgettext("admin", "The file is not a PDF, although its name ends in .pdf.")
    budget = MAX_INFLATED
    parts = []
    last = 0
    for match in _STREAM.finditer(data):
        dictionary = data[max(last, match.start() - 512) : match.start()]
        parts.append(data[last : match.start()])
        last = match.end()
        if b"/ObjStm" in dictionary and budget > 0:  # objects packed in a compressed stream
            inflated = _inflate(match.group(1), budget)
            budget -= len(inflated)
            parts.append(inflated)
    parts.append(data[last:])
    found = PDF_ACTIVE_NAMES.search(_decode_names(b"\n".join(parts)))
    if found:
        return pgettext(
            "admin",
            "The PDF file contains %(name)s, which can run code when the file is opened. Save a new "
            "PDF without scripts or actions (e.g. with 'Print to PDF') and upload that.",
        ) % {"name": found.group(1).decode()}
    return None


def extension_problem(name):
    """Why the file's name is refused, in Swedish, when it has no extension at all
    (Wagtail's own message then read "File extension “” is not allowed")."""
    if "." in name.strip(".") and name.rsplit(".", 1)[-1]:
        return None
    from django.conf import settings

    return pgettext(
        "admin",
        "The file name has no extension. Name the file with the ending of its type (%(allowed)s) and upload it again.",
    ) % {"allowed": ", ".join(f".{extension}" for extension in settings.WAGTAILDOCS_EXTENSIONS)}


def content_problem(name, data):
    """Why the file ``name`` with content ``data`` is refused, in Swedish; ``None`` if it is not."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension == "pdf":
        return pdf_problem(data)
    if extension in ZIP_FORMATS and not data.startswith(b"PK\x03\x04"):
        return pgettext(
            "admin",
            "The file is not a %(extension)s file, although its name ends in .%(extension)s.",
        ) % {"extension": extension}
    if extension in TEXT_FORMATS:
        head = data[:HEAD].lstrip().lower()
        if b"\x00" in data[:HEAD] or head.startswith((b"<svg", b"<?xml", b"<!doctype", b"<html")):
            return pgettext(
                "admin", "The file is not plain text, although its name ends in .%(extension)s."
            ) % {"extension": extension}
    return None


class CheckedDocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing files whose content is not what the name says."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data and hasattr(uploaded, "read"):
            uploaded.seek(0)
            data = uploaded.read()
            uploaded.seek(0)
            problem = extension_problem(uploaded.name) or content_problem(uploaded.name, data)
            if problem:
                raise forms.ValidationError(problem, code="file_content")
        return uploaded

    def _post_clean(self):
        if "file" in self._errors:
            return  # refused already; Wagtail's model check would add "File extension “” is not allowed"
        super()._post_clean()


def image_problem(uploaded):
    """Why an uploaded image cannot be used, in Swedish; ``None`` when Pillow reads all of it.

    Wagtail checks an image's header only: a truncated GIF passed, and the admin answered
    500 (``UnidentifiedImageError``) when it first read the image. Decoding the whole image
    here costs what the first rendition would cost anyway."""
    if uploaded.name.lower().endswith(".svg"):
        return None
    uploaded.seek(0)
    try:
        with Image.open(uploaded) as image:
            image.load()
    except Image.DecompressionBombError:
        return None  # the pixel limit (WAGTAILIMAGES_MAX_IMAGE_PIXELS) says why
    except (OSError, SyntaxError, ValueError, EOFError):
        return pgettext(
            "admin",
            "The file is not a whole image: it is damaged or cut short. Save the image again in an image "
            "program and upload that file.",
        )
    finally:
        uploaded.seek(0)
    return None


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, refusing images Pillow cannot read whole (:func:`image_problem`).

    Wagtail's own pixel-size check opens the image outside its error handling: a file
    with a valid header but cut short raised ``UnidentifiedImageError`` there (a 500)."""

    def to_python(self, data):
        uploaded = super().to_python(data)
        if uploaded is not None and hasattr(uploaded, "read"):
            problem = image_problem(uploaded)
            if problem:
                raise forms.ValidationError(problem, code="invalid_image")
        return uploaded

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except (OSError, SyntaxError, ValueError, EOFError) as error:
            raise forms.ValidationError(
                image_problem(f) or str(error), code="invalid_image"
            ) from error


class CheckedImageForm(BaseImageForm):
    """Wagtail's image form with :class:`CheckedImageField` for the file."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if isinstance(field, WagtailImageField):
            # The field Wagtail configured (size limits, help text), checked more strictly.
            field.__class__ = CheckedImageField


# A full disk --------------------------------------------------------------------------

#: Admin addresses whose POSTs store images and documents (add, multiple add, edit, chooser).
UPLOAD_PREFIXES = ("/admin/images/", "/admin/documents/")


def disk_full_message(error):
    """What an editor is told when a file could not be stored for lack of space (logged once)."""
    logger.error("An upload could not be stored, the disk is full: %s", error)
    return pgettext(
        "admin",
        "The file could not be saved: the server's disk is full. Nothing was saved. "
        "Tell the site's administrator, and try again later.",
    )


class FullDiskMiddleware:
    """An image or document upload that meets a full disk gets a clear message, not a 500,
    and leaves nothing behind: no row, no file.

    The view runs in a transaction of its own (a savepoint inside an outer one), which is
    rolled back when a write failed for lack of space: Wagtail's multiple upload saves the
    image and then its thumbnail, so the second write can fail after the first row was
    written. Files written before the failure are deleted. Django may also need the disk
    to buffer the upload itself (``FILE_UPLOAD_MAX_MEMORY_SIZE``); that is read here,
    before CSRF reads the form, so it gets the same answer. Only the upload addresses are
    wrapped: other admin views keep Django's one-statement-at-a-time behaviour."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST" or not request.path_info.startswith(UPLOAD_PREFIXES):
            return self.get_response(request)
        try:
            request.POST, request.FILES  # noqa: B018 - parsed now: the upload may fill the disk
        except OSError as error:
            if not is_full_disk(error):
                raise
            return self.answer(request, error)
        with written_files() as written, transaction.atomic():
            response = self.get_response(request)
            if getattr(request, "full_disk", False):
                transaction.set_rollback(True)
        if getattr(request, "full_disk", False):
            for storage, name in written:
                storage.delete(name)
        return response

    def process_exception(self, request, exception):
        if not is_full_disk(exception) or request.method != "POST":
            return None
        if not request.path_info.startswith(UPLOAD_PREFIXES):
            return None
        request.full_disk = True
        return self.answer(request, exception)

    def answer(self, request, error):
        message = disk_full_message(error)
        if (
            "/chooser/" in request.path_info
        ):  # the upload tab of the editor's image or document chooser
            fragment = format_html(
                '<p class="help-block help-critical" role="alert">{}</p>', message
            )
            return render_modal_workflow(
                request,
                None,
                None,
                None,
                json_data={"step": "reshow_creation_form", "htmlFragment": fragment},
            )
        if (
            "/multiple/" in request.path_info
            or request.headers.get("x-requested-with") == "XMLHttpRequest"
        ):
            return JsonResponse(
                {"success": False, "error_message": message}
            )  # the upload page's list
        messages.error(request, message)
        return redirect(request.get_full_path())  # the upload form again, with the message
