"""Requests that render the same brochure PDF at once all get the whole file."""

import os
import pathlib
import threading

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db(transaction=True)

WRITERS = 3


def test_brochure_pdf_rendered_by_parallel_requests_is_served_to_each_of_them(
    support_site, monkeypatch
):
    """Three requests render the same new version and rename their file at the same moment.

    Real threads, real WeasyPrint, real files. Under the GIL the renders rarely finish
    together, so the test holds each writer at the rename until all have written: the
    schedule that made 3 of 316 reads answer 500 in production, every time.
    """
    from information.models import Brochure
    from information.pdf import BROCHURE_PDF, open_brochure_pdf

    at_rename = threading.Barrier(WRITERS, timeout=300)
    original_os_replace, original_path_replace = os.replace, pathlib.Path.replace

    def os_replace(src, dst, *args, **kwargs):
        at_rename.wait()
        return original_os_replace(src, dst, *args, **kwargs)

    def path_replace(self, target):
        at_rename.wait()
        return original_path_replace(self, target)

    monkeypatch.setattr(os, "replace", os_replace)
    monkeypatch.setattr(pathlib.Path, "replace", path_replace)

    brochure = Brochure.objects.get(locale__language_code="sv", slug="stod-vid-vald")
    served, errors = [], []

    def download():
        try:
            download = open_brochure_pdf(Brochure.objects.get(pk=brochure.pk))
            with download.file:
                served.append((download.size, download.file.read(5)))
        except Exception as error:  # the test reports every failure
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=download) for _ in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    path = BROCHURE_PDF.current_path(brochure)
    assert len(served) == WRITERS
    assert all(size == path.stat().st_size and head == b"%PDF-" for size, head in served)
    assert [p.name for p in path.parent.iterdir() if p.suffix == ".tmp"] == []
