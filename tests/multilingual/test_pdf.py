"""The one PDF pipeline (multilingual/pdf.py) that brochures and plans share: it fetches
nothing from another host, names a file after the version it shows, writes atomically and
renders in the background."""

import importlib
import logging
from types import SimpleNamespace

import pytest

from multilingual import pdf as pipeline


class Note(pipeline.PdfDocument):
    """A kind of document for these tests: an object is its id and a text."""

    kind = "notes"
    texts = {}
    rendered = []

    def load(self, pk):
        return SimpleNamespace(pk=pk, text=self.texts[pk]) if pk in self.texts else None

    def shows(self, note):
        return note.text

    def render(self, note):
        self.rendered.append((note.pk, note.text))
        return pipeline.render_pdf(
            f'<html lang="sv"><title>Anteckning</title><p>{note.text}</p></html>'
        )


class NoteKeptWhileRendering(Note):
    serve_previous = True


@pytest.fixture
def notes(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    Note.texts = {1: "Ring 020-50 50 50"}
    Note.rendered = []
    return Note()


def test_the_fetcher_refuses_other_hosts_and_serves_this_sites_static_files():
    fetcher = pipeline.LocalOnlyFetcher()
    with pytest.raises(ValueError):
        fetcher.fetch("https://fonts.example.com/font.woff2")
    with pytest.raises(ValueError):
        fetcher.fetch("file:///etc/passwd")
    with pytest.raises(ValueError):
        fetcher.fetch("http://pdf.invalid/media/../../../etc/passwd")
    assert b"@page" in fetcher.fetch("http://pdf.invalid/static/plans/pdf.css").read()
    assert len(fetcher.refused) == 3


def test_a_document_asking_for_remote_images_fonts_and_styles_is_made_without_a_connection(
    connection_attempts,
):
    attempts = connection_attempts
    remote = [
        "https://tracker.example/pixel.png",
        "https://cdn.example/style.css",
        "https://fonts.example/font.woff2",
    ]
    html = f"""<html lang="sv"><head><title>Test</title>
        <link rel="stylesheet" href="{remote[1]}">
        <style>@font-face {{ font-family: Remote; src: url({remote[2]}); }} p {{ font-family: Remote; }}</style>
        <link rel="stylesheet" href="/static/plans/pdf.css"></head>
        <body><img src="{remote[0]}" alt=""><p>Hej</p></body></html>"""
    fetcher = pipeline.LocalOnlyFetcher()
    assert pipeline.render_pdf(html, fetcher).startswith(b"%PDF-")
    assert attempts == []
    assert sorted(fetcher.refused) == sorted(remote)


def test_loading_the_pdf_modules_leaves_weasyprints_log_level_to_the_settings():
    """``plans.pdf`` once set WeasyPrint's log level when imported, overriding LOGGING."""
    import information.pdf
    import plans.pdf

    logger = logging.getLogger("weasyprint")
    before = logger.level
    try:
        logger.setLevel(logging.INFO)  # as a site's LOGGING may ask
        for module in (pipeline, plans.pdf, information.pdf):
            importlib.reload(module)
        assert logger.level == logging.INFO
    finally:
        logger.setLevel(before)
        for module in (pipeline, plans.pdf, information.pdf):
            importlib.reload(module)


def test_the_settings_keep_weasyprints_warnings_out_of_the_log():
    from django.conf import settings

    assert settings.LOGGING["loggers"]["weasyprint"]["level"] == "ERROR"


def test_a_file_is_named_after_what_it_shows_and_made_once(notes):
    note = notes.load(1)
    name, fresh = notes.file_for_request(note)
    assert fresh and name.startswith("notes/pdf/1/") and name.endswith(".pdf")
    assert notes.file_for_request(notes.load(1)) == (name, True)
    assert len(notes.rendered) == 1
    Note.texts[1] = "Ring 020-11 22 33"
    new_name, fresh = notes.file_for_request(notes.load(1))
    assert fresh and new_name != name and not notes.storage.exists(name)  # the old version is gone
    assert notes.storage.listdir("notes/pdf/1") == (
        [],
        [new_name.rsplit("/", 1)[1]],
    )  # no temporary file
    assert len(notes.rendered) == 2


def test_a_new_layout_version_makes_every_file_again(notes):
    path, _fresh = notes.file_for_request(notes.load(1))

    class NewLayout(Note):
        layout_version = "2"

    new_path, fresh = NewLayout().file_for_request(notes.load(1))
    assert fresh and new_path != path and not notes.storage.exists(path)


@pytest.mark.django_db
def test_publishing_renders_in_the_background(notes, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notes.published(1)
        assert notes.rendered == []  # not before the transaction is committed
    assert len(callbacks) == 1
    assert notes.rendered == [(1, "Ring 020-50 50 50")]
    assert notes.storage.open(notes.current_name(notes.load(1))).read().startswith(b"%PDF-")
    # A reader finds it made; publishing the same version again renders nothing.
    assert notes.file_for_request(notes.load(1))[1] is True
    with django_capture_on_commit_callbacks(execute=True):
        notes.published(1)
    assert len(notes.rendered) == 1


@pytest.mark.django_db
def test_publishing_renders_nothing_when_the_setting_is_off(
    notes, settings, django_capture_on_commit_callbacks
):
    class Switchable(Note):
        on_publish_setting = "VINR_BROCHURES_PDF_ON_PUBLISH"

    settings.VINR_BROCHURES_PDF_ON_PUBLISH = False
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        Switchable().published(1)
    assert callbacks == [] and notes.rendered == []


@pytest.mark.django_db
def test_a_kind_that_allows_it_serves_the_previous_version_while_the_new_one_renders(
    notes, django_capture_on_commit_callbacks
):
    kept = NoteKeptWhileRendering()
    old, _fresh = kept.file_for_request(kept.load(1))
    Note.texts[1] = "Ring 020-11 22 33"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        file, fresh = kept.open_for_request(kept.load(1))
    with file:
        assert file.name == str(old) and fresh is False
    assert len(callbacks) == 1 and len(notes.rendered) == 1  # handed to the background
    callbacks[0]()
    assert notes.rendered[-1] == (1, "Ring 020-11 22 33")
    assert kept.file_for_request(kept.load(1)) == (kept.current_name(kept.load(1)), True)


def test_a_kind_that_prints_numbers_never_serves_an_older_version(notes):
    old, _fresh = notes.file_for_request(notes.load(1))
    Note.texts[1] = "Ring 020-11 22 33"
    file, fresh = notes.open_for_request(notes.load(1))
    with file:
        assert fresh and file.name != str(old)
    assert notes.rendered[-1] == (1, "Ring 020-11 22 33")
