"""Generated PDFs with several app servers and a task worker sharing one bucket (issue 27,
finding 1; issue 24, a PDF that cannot be stored).

Each "server" is this process with its own ``MEDIA_ROOT`` (a working folder of its own, as
on separate machines): what they share is the database, the page cache and the bucket, on
a real S3-protocol server (``tests/scale/s3.py``)."""

import subprocess

import pytest

from plans.models import FocusAreaPage
from plans.planfile import import_plan
from tests.helpers.plans import make_plan_data
from tests.scale.s3 import bucket_keys

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(plan_index):
    return import_plan(make_plan_data(2, key="delad-pdf", focus_areas=2), publish=True)[0]


@pytest.fixture
def servers(tmp_path, settings):
    """Switch this process to the working folder of server ``A``, ``B`` or the worker."""

    def on(name):
        folder = tmp_path / f"server-{name}"
        folder.mkdir(exist_ok=True)
        settings.MEDIA_ROOT = str(folder)

    return on


def pdf_text(data, tmp_path):
    path = tmp_path / "read.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def rename_first_area(plan, title):
    area = FocusAreaPage.objects.child_of(plan).first().get_latest_revision_as_object()
    area.title = title
    area.save_revision().publish()


def worker_renders(plan):
    """What the task worker does for the task publishing enqueued."""
    from multilingual.pdf import render_document_pdf

    render_document_pdf.call("plans.pdf.PlanPdf", plan.pk)


def test_a_pdf_the_worker_rendered_is_served_by_every_app_server(
    media_in_bucket, servers, plan, client, tmp_path, django_capture_on_commit_callbacks
):
    servers("A")
    assert client.get(f"{plan.url}pdf/").status_code == 200  # A has the first version
    servers("B")
    assert client.get(f"{plan.url}pdf/").status_code == 200

    rename_first_area(plan, "Ett nytt namn efter publiceringen")
    servers("worker")
    worker_renders(plan)

    for server in ("A", "B"):
        servers(server)
        with django_capture_on_commit_callbacks(execute=False) as scheduled:
            response = client.get(f"{plan.url}pdf/")
        assert response.status_code == 200
        assert "Ett nytt namn efter publiceringen" in pdf_text(response.content, tmp_path), server
        assert scheduled == [], f"server {server} queued another render of a stored version"
    pdfs = bucket_keys(
        media_in_bucket["AWS_S3_ENDPOINT_URL"],
        media_in_bucket["AWS_STORAGE_BUCKET_NAME"],
        "plans/pdf/",
    )
    assert len(pdfs) == 1  # the older version is gone from the bucket


def test_the_previous_pdf_is_not_kept_in_the_page_cache_while_the_new_one_renders(
    media_in_bucket, servers, plan, client, tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = True
    servers("A")
    first = client.get(f"{plan.url}pdf/")
    assert "Ett nytt namn" not in pdf_text(first.content, tmp_path)

    rename_first_area(plan, "Ett nytt namn medan den renderas")
    with django_capture_on_commit_callbacks(execute=False) as scheduled:
        while_rendering = client.get(f"{plan.url}pdf/")
    assert while_rendering.content == first.content  # the reader did not wait
    assert "no-store" in while_rendering["Cache-Control"]
    assert len(scheduled) == 1

    servers("worker")
    worker_renders(plan)
    for server in ("A", "B"):
        servers(server)
        response = client.get(f"{plan.url}pdf/")
        assert "Ett nytt namn medan den renderas" in pdf_text(response.content, tmp_path), server


def test_a_plan_pdf_that_cannot_be_stored_answers_503(bucket_env, settings, plan, client, caplog):
    """The bucket is gone (or refuses writes): one log line and a 503 the reader can retry."""
    from website.settings.base import media_storage

    settings.STORAGES = {
        **settings.STORAGES,
        "default": media_storage({**bucket_env, "AWS_STORAGE_BUCKET_NAME": "no-such-bucket"}),
    }
    response = client.get(f"{plan.url}pdf/")
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]
    lines = [r for r in caplog.records if r.levelname == "ERROR" and "PDF" in r.getMessage()]
    assert len(lines) == 1, caplog.text
    assert "X-Amz" not in caplog.text


def test_a_plan_pdf_on_a_full_disk_answers_503(
    plan, client, settings, tmp_path, monkeypatch, caplog
):
    """ENOSPC from the disk (``MEDIA_ROOT`` full): a 503 with Retry-After, not a 500.

    The full disk is outside the process; it is played by the one call that writes."""
    import errno

    from multilingual import pdf as pipeline

    settings.MEDIA_ROOT = str(tmp_path / "media")

    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(pipeline, "write_atomically", full)
    response = client.get(f"{plan.url}pdf/")
    assert response.status_code == 503 and response["Retry-After"]
    assert len([r for r in caplog.records if r.levelname == "ERROR"]) == 1, caplog.text


def test_a_brochure_pdf_that_cannot_be_stored_answers_503(bucket_env, settings, home_page, caplog):
    from wagtail.models import Locale

    from information.models import Brochure
    from information.pdf import open_brochure_pdf
    from website.settings.base import media_storage

    settings.STORAGES = {
        **settings.STORAGES,
        "default": media_storage({**bucket_env, "AWS_STORAGE_BUCKET_NAME": "no-such-bucket"}),
    }
    brochure = Brochure.objects.create(
        title="Stöd", slug="stod", locale=Locale.objects.get(language_code="sv"), live=True
    )
    download = open_brochure_pdf(brochure)
    assert download.response is not None and download.response.status_code == 503
    assert download.response["Retry-After"]
    assert len([r for r in caplog.records if r.levelname == "ERROR"]) == 1, caplog.text
