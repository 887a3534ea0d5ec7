"""The plan PDF is a document (cover, contents with page numbers, focus areas flowing,
tagged with language and title) and is rendered once per published revision: a reader
gets the stored file, or the previous one while the new one is rendered in the background."""

import os
import re
import subprocess
import zlib

import pytest

from plans import pdf as plan_pdf
from plans.models import FocusAreaPage, PlanPage
from plans.planfile import import_plan
from tests.helpers.plans import make_plan_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def renders(monkeypatch):
    """Counts WeasyPrint renders (the real renderer still runs)."""
    calls = []
    real = plan_pdf.render_pdf

    def counting(html, **options):
        calls.append(1)
        return real(html, **options)

    monkeypatch.setattr(plan_pdf, "render_pdf", counting)
    return calls


@pytest.fixture
def plan(plan_index):
    data = make_plan_data(3, key="pdf-plan", focus_areas=3)
    data["plan"].update(
        {
            "municipality": "Ekby kommun",
            "deciding_body": "Kommunfullmäktige",
            "decision_date": "2025-02-24",
            "registration_number": "KS 2025/77",
            "title": "Handlingsplan mot våld i Ekby",
        }
    )
    return import_plan(data, publish=True)[0]


def get_pdf(client, plan, tmp_path, name="plan.pdf"):
    response = client.get(f"{plan.url}pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / name
    path.write_bytes(response.content)
    return path


def page_text(path, page):
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return " ".join(out.split())


def uncompressed(data):
    parts = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            pass
    return b"\n".join(parts)


def test_the_pdf_is_tagged_with_its_language_and_title(client, plan, tmp_path):
    path = get_pdf(client, plan, tmp_path)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M), info
    assert re.search(r"^Title:\s+Handlingsplan mot våld i Ekby$", info, re.M), info
    assert b"/Lang (sv)" in uncompressed(path.read_bytes())


def test_the_pdf_opens_with_a_cover_and_contents_with_page_numbers(client, plan, tmp_path):
    path = get_pdf(client, plan, tmp_path)
    cover = page_text(path, 1)
    assert cover.startswith("Ekby kommun Handlingsplan mot våld i Ekby")
    assert "Beslutad av: Kommunfullmäktige" in cover and "KS 2025/77" in cover
    assert "24 februari 2025" in cover
    contents = page_text(path, 2)
    assert contents.startswith("Innehåll")
    numbers = {}
    for area in FocusAreaPage.objects.child_of(plan):
        found = re.search(re.escape(area.heading) + r"[ .]*?(\d+)\b", contents)
        assert found, (area.heading, contents)
        numbers[area.heading] = int(found.group(1))
        assert area.heading in page_text(path, numbers[area.heading])


def test_focus_areas_flow_without_a_page_each(client, plan, tmp_path):
    path = get_pdf(client, plan, tmp_path)
    headings = [area.heading for area in FocusAreaPage.objects.child_of(plan)]
    pages = int(
        re.search(
            r"^Pages:\s+(\d+)",
            subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout,
            re.M,
        ).group(1)
    )
    where = {}
    for number in range(3, pages + 1):
        text = page_text(path, number)
        for heading in headings:
            if heading in text and heading not in where:
                where[heading] = number
    assert len(set(where.values())) < len(headings), where  # some share a page


def test_the_pdf_is_rendered_once_per_revision(
    client, plan, tmp_path, renders, django_assert_max_num_queries
):
    first = get_pdf(client, plan, tmp_path, "first.pdf").read_bytes()
    assert len(renders) == 1
    with django_assert_max_num_queries(12):
        response = client.get(f"{plan.url}pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    again = response.content
    assert again == first
    assert len(renders) == 1
    files = list(plan_pdf.PLAN_PDF.folder(plan).glob("*"))
    assert [f.suffix for f in files] == [".pdf"]  # no temporary file left behind


def test_a_new_revision_is_rendered_in_the_background_while_the_previous_pdf_is_served(
    client, plan, tmp_path, renders, django_capture_on_commit_callbacks
):
    old = get_pdf(client, plan, tmp_path, "old.pdf")
    area = FocusAreaPage.objects.child_of(plan).first().get_latest_revision_as_object()
    area.title = "Ett nytt namn på området"
    area.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        served = client.get(f"{plan.url}pdf/").content
    assert served == old.read_bytes()  # the reader did not wait for the new revision
    assert len(callbacks) == 1  # the render was handed to the task backend
    assert len(renders) == 2  # ... which (immediate backend in tests) has run it

    new = get_pdf(client, plan, tmp_path, "new.pdf")
    assert "Ett nytt namn på området" in page_text(new, 2)
    assert len(renders) == 2
    assert len(list(plan_pdf.PLAN_PDF.folder(plan).glob("*.pdf"))) == 1


def test_publishing_renders_the_pdf_ahead_of_the_first_reader(
    client, plan, renders, settings, django_capture_on_commit_callbacks
):
    settings.VINR_PLANS_PDF_ON_PUBLISH = True
    area = FocusAreaPage.objects.child_of(plan).first().get_latest_revision_as_object()
    area.title = "Publicerat och renderat"
    with django_capture_on_commit_callbacks(execute=True):
        area.save_revision().publish()
    assert len(renders) == 1
    assert plan_pdf.current_pdf_path(PlanPage.objects.get(pk=plan.pk)).exists()
    client.get(f"{plan.url}pdf/")
    assert len(renders) == 1


def test_each_render_writes_through_its_own_temporary_file(plan, monkeypatch):
    """Two renders of the same revision at once never share a temporary name (the race
    that lost brochure PDFs): the names are unique, and the file is complete either way."""
    from multilingual import pdf as pipeline

    names = []
    real_replace = pipeline.os.replace

    def spy(source, target):
        names.append(os.path.basename(source))
        return real_replace(source, target)

    monkeypatch.setattr(pipeline.os, "replace", spy)
    plan_pdf.PLAN_PDF.write(plan)
    path = plan_pdf.current_pdf_path(plan)
    path.unlink()
    plan_pdf.PLAN_PDF.write(plan)
    assert len(set(names)) == 2
    assert path.read_bytes().startswith(b"%PDF-")
