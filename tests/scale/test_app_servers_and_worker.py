"""Two app servers and a task worker, each in a working folder of its own, sharing only
PostgreSQL, Redis and a bucket on a real S3-protocol server (issue 27, finding 1), as
docs/deploy.md describes: the worker renders a plan's new PDF, and both servers serve it
on the next request; neither server keeps a PDF on its own disk.

The servers are gunicorn with the production settings; the worker is a separate Python
process running the render task, as a django-tasks worker would. PostgreSQL run only
(SQLite is one machine's file)."""

import contextlib
import os
import subprocess
import sys
import uuid

import pytest
from django.db import connection

from plans.models import FocusAreaPage
from plans.planfile import import_plan
from tests.helpers.plans import make_plan_data
from tests.scale.s3 import bucket_keys
from tests.scale.servers import get, pdf_text
from tests.services import (
    HOST,
    PROJECT,
    database_url,
    free_port,
    gunicorn_command,
    page_cache_on_redis,
    wait_until,
)

pytestmark = [pytest.mark.postgresql, pytest.mark.redis, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def deployment(redis_url, bucket_env, tmp_path, settings):
    """``{"A": port, "B": port, "env": {...}, "folders": {...}}``: two gunicorn servers.
    This process publishes as a third server would: its page cache is theirs (Redis)."""
    if connection.vendor != "postgresql":
        pytest.skip(
            "runs in the PostgreSQL run of `make test` (POSTGRES_URL): SQLite is one machine's file"
        )
    prefix = f"scale-{uuid.uuid4().hex}:"
    page_cache_on_redis(settings, redis_url, f"{prefix}pages")
    env = {
        **os.environ,
        **bucket_env,
        "DJANGO_SETTINGS_MODULE": "tests.scale.app_server_settings",
        "SECRET_KEY": uuid.uuid4().hex * 2,
        "DATABASE_URL": database_url(),
        "ALLOWED_HOSTS": HOST,
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": prefix,
        "SECURE_SSL_REDIRECT": "false",
    }
    folders = {name: tmp_path / name for name in ("A", "B", "worker")}
    servers, ports = [], {}
    logs = contextlib.ExitStack()
    try:
        for name in ("A", "B"):
            folders[name].mkdir()
            port = free_port()
            servers.append(
                subprocess.Popen(
                    gunicorn_command(port, "--workers", "1"),
                    cwd=PROJECT,
                    env={
                        **env,
                        "MEDIA_ROOT": str(folders[name] / "media"),
                        "VAR_DIR": str(folders[name]),
                    },
                    stdout=subprocess.DEVNULL,
                    stderr=logs.enter_context(open(tmp_path / f"gunicorn-{name}.log", "w")),  # noqa: SIM115 - closed by the ExitStack in finally
                )
            )
            ports[name] = port
        for name, port in ports.items():
            wait_until(
                lambda port=port: get(port, "/sv/")[0] == 200, f"gunicorn {name}", timeout=120
            )
        yield {**ports, "env": env, "folders": folders}
    finally:
        for process in servers:
            process.terminate()
            process.wait(timeout=30)
        logs.close()


def run_worker(deployment, plan):
    """The task worker, on a machine of its own: the render task publishing enqueued."""
    folder = deployment["folders"]["worker"]
    folder.mkdir(exist_ok=True)
    code = (
        "import django; django.setup(); from multilingual.pdf import render_document_pdf; "
        f"render_document_pdf.call('plans.pdf.PlanPdf', {plan.pk})"
    )
    subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT,
        check=True,
        capture_output=True,
        timeout=300,
        env={**deployment["env"], "MEDIA_ROOT": str(folder / "media"), "VAR_DIR": str(folder)},
    )


def test_the_workers_pdf_reaches_both_app_servers(plan_index, deployment, tmp_path):
    plan = import_plan(make_plan_data(2, key="tva-servrar", focus_areas=2), publish=True)[0]
    address = f"{plan.url}pdf/"
    status, _headers, first = get(deployment["A"], address)
    assert status == 200
    assert get(deployment["B"], address)[2] == first  # B serves what A stored in the bucket

    area = FocusAreaPage.objects.child_of(plan).first().get_latest_revision_as_object()
    area.title = "Nytt namn, renderat av arbetaren"
    area.save_revision().publish()

    _status, headers, while_rendering = get(deployment["A"], address)
    assert "Nytt namn" not in pdf_text(while_rendering, tmp_path)
    assert "no-store" in headers["Cache-Control"]

    run_worker(deployment, plan)
    for server in ("A", "B"):
        status, _headers, data = get(deployment[server], address)
        assert status == 200
        assert "Nytt namn, renderat av arbetaren" in pdf_text(data, tmp_path), server
    for name, folder in deployment["folders"].items():
        assert not list(folder.rglob("*.pdf")), f"{name} kept a PDF on its own disk"
    env = deployment["env"]
    assert (
        len(bucket_keys(env["AWS_S3_ENDPOINT_URL"], env["AWS_STORAGE_BUCKET_NAME"], "plans/pdf/"))
        == 1
    )
