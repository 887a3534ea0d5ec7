"""A server started without configuration stops with a message; outages degrade, never 500."""

import json
import logging
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "a-production-secret-that-is-long-enough-for-the-deploy-check-0123456789",
    "DATABASE_URL": "sqlite:////tmp/never-opened-by-check.sqlite3",
    "ALLOWED_HOSTS": "stod.example.se",
}


def _run(code_or_args, env_extra=None, drop=()):
    """Python in a fresh process from the project folder, with a clean Django environment."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(
            (
                "DJANGO_",
                "SECRET_KEY",
                "DATABASE_URL",
                "ALLOWED_HOSTS",
                "STATIC_ROOT",
                "REDIS_URL",
                "DEBUG",
            )
        )
    }
    env.update(env_extra or {})
    for name in drop:
        env.pop(name, None)
    args = code_or_args if isinstance(code_or_args, list) else ["-c", code_or_args]
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.mark.parametrize("entry_point", ["website.wsgi", "website.asgi"])
def test_a_server_without_configuration_refuses_to_start_instead_of_serving_debug_pages(
    entry_point,
):
    result = _run(f"import {entry_point}")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    for name in ("SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS"):
        assert name in result.stderr


@pytest.mark.parametrize("missing", ["SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_each_essential_setting(missing):
    env = {**PRODUCTION_ENV, missing: ""}
    result = _run("import website.wsgi", env)
    assert result.returncode != 0
    assert f"need {missing}:" in result.stderr


def test_the_wsgi_application_uses_production_settings_when_configured():
    result = _run(
        "import website.wsgi; from django.conf import settings; "
        "print(settings.SETTINGS_MODULE, settings.DEBUG, settings.DATABASES['default']['NAME'])",
        PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "website.settings.production",
        "False",
        "/tmp/never-opened-by-check.sqlite3",
    ]


def test_manage_py_uses_production_settings_except_for_runserver():
    result = _run(["manage.py", "check"])
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SETTINGS_MODULE=website.settings.dev" in result.stderr
    result = _run(["manage.py", "check"], {"DJANGO_SETTINGS_MODULE": "website.settings.dev"})
    assert result.returncode == 0, result.stderr


def test_check_reports_a_missing_static_manifest_in_production(tmp_path):
    result = _run(["manage.py", "check"], {**PRODUCTION_ENV, "STATIC_ROOT": str(tmp_path)})
    assert result.returncode != 0
    assert "website.E001" in result.stderr
    assert "collectstatic" in result.stderr


def test_check_deploy_with_production_settings_is_clean(tmp_path):
    # What collectstatic leaves behind; the check only needs the manifest to exist.
    (tmp_path / "staticfiles.json").write_text(json.dumps({"paths": {}, "version": "1.1"}))
    # Production runs on PostgreSQL (SQLite is a warning of its own: test_deploy_faults.py);
    # the check opens no connection.
    postgresql = "postgres://never@127.0.0.1:1/never-opened-by-check"
    env = {**PRODUCTION_ENV, "DATABASE_URL": postgresql, "STATIC_ROOT": str(tmp_path)}
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def _closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.django_db
def test_public_pages_answer_when_redis_is_unreachable(demo_site, client, caplog):
    from website.settings.base import redis_cache

    unreachable = override_settings(CACHES=redis_cache(f"redis://127.0.0.1:{_closed_port()}/0"))
    with unreachable, caplog.at_level(logging.WARNING, logger="website.cache"):
        for url in ["/sv/", "/ar/", "/en/"]:
            response = client.get(url, HTTP_HOST="localhost")
            assert response.status_code == 200, url
    assert "Cache unavailable" in caplog.text
