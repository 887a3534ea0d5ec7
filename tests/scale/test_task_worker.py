"""The task worker as a configured part of the deployment (issue 27, finding 8): ``TASKS``
from the environment (``TASKS_BACKEND``), the database backend installed, and a real
``manage.py db_worker`` on a machine of its own (its own folder, its own ``collectstatic``,
the production settings) rendering the PDF that an app server queued, which both app
servers then serve. PostgreSQL run only for the end-to-end test (SQLite is one machine's
file)."""

import os
import subprocess
import sys
import uuid

import pytest
from django.core.exceptions import ImproperlyConfigured

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


def test_the_task_backend_comes_from_the_environment():
    from website.settings.base import task_backends

    assert task_backends({}) == {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    assert task_backends({"TASKS_BACKEND": "database"}) == {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend"}
    }
    assert task_backends({"TASKS_BACKEND": " Immediate "})["default"]["BACKEND"].endswith(
        "ImmediateBackend"
    )
    assert task_backends({"TASKS_BACKEND": "myhost.tasks.CeleryBackend"}) == {
        "default": {"BACKEND": "myhost.tasks.CeleryBackend"}
    }
    with pytest.raises(ImproperlyConfigured, match="TASKS_BACKEND"):
        task_backends({"TASKS_BACKEND": "rabbit"})


def test_production_with_the_database_backend_queues_renders_for_a_worker(tmp_path):
    """The settings an operator sets give the database backend, whose package is installed
    and whose ``db_worker`` command exists."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "TASKS_"))},
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "TASKS_BACKEND": "database",
        "SECRET_KEY": "x" * 50,
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "ALLOWED_HOSTS": "stod.ekby.se",
    }
    code = (
        "import django; django.setup(); from django.core.management import get_commands; "
        "from django_tasks import task_backends; b = task_backends['default']; print(type(b).__module__, 'db_worker' in get_commands())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django_tasks_db.backend", "True"]


@pytest.mark.postgresql
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_db_worker_on_its_own_machine_renders_what_an_app_server_queued(
    plan_index, redis_url, bucket_env, tmp_path, settings
):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip(
            "runs in the PostgreSQL run of `make test` (POSTGRES_URL): SQLite is one machine's file"
        )
    plan = import_plan(make_plan_data(2, key="arbetaren", focus_areas=2), publish=True)[0]
    prefix = f"worker-{uuid.uuid4().hex}:"
    # This process publishes as a third server would: its page cache is theirs (Redis).
    page_cache_on_redis(settings, redis_url, f"{prefix}pages")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("TASKS_")},
        **bucket_env,
        "SECRET_KEY": uuid.uuid4().hex * 2,
        "DATABASE_URL": database_url(),
        "ALLOWED_HOSTS": HOST,
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": prefix,
        "SECURE_SSL_REDIRECT": "false",
        "TASKS_BACKEND": "database",
    }
    servers, ports, logs = [], {}, []
    try:
        for name in ("A", "B"):
            folder = tmp_path / name
            folder.mkdir()
            ports[name] = free_port()
            logs.append((tmp_path / f"gunicorn-{name}.log").open("w"))
            servers.append(
                subprocess.Popen(
                    gunicorn_command(ports[name], "--workers", "1"),
                    cwd=PROJECT,
                    stdout=subprocess.DEVNULL,
                    stderr=logs[-1],
                    env={
                        **env,
                        "DJANGO_SETTINGS_MODULE": "tests.app_server_settings",
                        "MEDIA_ROOT": str(folder / "media"),
                        "VAR_DIR": str(folder),
                    },
                )
            )
        for name, port in ports.items():
            wait_until(
                lambda port=port: get(port, "/sv/")[0] == 200, f"gunicorn {name}", timeout=120
            )

        address = f"{plan.url}pdf/"
        first = get(ports["A"], address)[2]  # never rendered: rendered in this request
        area = FocusAreaPage.objects.child_of(plan).first().get_latest_revision_as_object()
        area.title = "Renderad av arbetaren"
        area.save_revision().publish()

        _status, _headers, old = get(ports["B"], address)  # the previous PDF; B queues the render
        assert old == first

        worker = tmp_path / "worker"
        worker.mkdir()
        worker_env = {
            **env,
            "DJANGO_SETTINGS_MODULE": "website.settings.production",
            "MEDIA_ROOT": str(worker / "media"),
            "VAR_DIR": str(worker),
            "STATIC_ROOT": str(worker / "static"),
        }
        # The worker's start as docs/deploy.md gives it: its own collectstatic, then db_worker.
        for command in (
            ["collectstatic", "--noinput", "--verbosity", "0"],
            ["db_worker", "--batch", "--no-startup-delay"],
        ):
            result = subprocess.run(
                [sys.executable, "manage.py", *command],
                cwd=PROJECT,
                env=worker_env,
                capture_output=True,
                text=True,
                timeout=600,
            )
            assert result.returncode == 0, result.stderr[-2000:]
        assert "render_document_pdf" in result.stderr + result.stdout, result.stderr[-2000:]

        for name, port in ports.items():
            status, _headers, data = get(port, address)
            assert status == 200
            assert "Renderad av arbetaren" in pdf_text(data, tmp_path), name
        assert (
            len(
                bucket_keys(
                    bucket_env["AWS_S3_ENDPOINT_URL"],
                    bucket_env["AWS_STORAGE_BUCKET_NAME"],
                    "plans/pdf/",
                )
            )
            == 1
        )
        assert not list(worker.rglob("*.pdf")), "the worker kept a PDF on its own disk"
    finally:
        for process in servers:
            process.terminate()
            process.wait(timeout=30)
        for log in logs:
            log.close()


def test_a_worker_without_collectstatic_refuses_to_start_and_says_why(tmp_path):
    """A worker renders plan PDFs with the hashed static names of the manifest: without
    ``collectstatic`` every render failed later ("Missing staticfiles manifest entry for
    'plans/pdf.css'"). ``db_worker`` runs the system checks first and stops with one message."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "TASKS_"))},
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "TASKS_BACKEND": "database",
        "SECRET_KEY": "x" * 50,
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "ALLOWED_HOSTS": "stod.ekby.se",
        "STATIC_ROOT": str(tmp_path / "static"),
        "VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    assert "website.E001" in result.stderr and "collectstatic" in result.stderr, result.stderr[
        -2000:
    ]
    assert "Traceback" not in result.stderr
