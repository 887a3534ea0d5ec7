"""Small operational faults: 404s are not logged (who read what), and `check --deploy`
says so when production would run on SQLite."""

import io
import logging
import logging.config

import pytest
from django.core.management import call_command

from website.checks import production_database_is_postgresql


@pytest.mark.django_db
def test_a_missing_page_is_not_logged_with_its_address(client, caplog):
    with caplog.at_level(logging.DEBUG):
        response = client.get("/ar/stod/finns-inte-alls/", HTTP_HOST="localhost")
    assert response.status_code == 404
    assert "finns-inte-alls" not in caplog.text


def test_the_logging_setting_keeps_404s_out_and_server_errors_in():
    from django.conf import settings

    logging.config.dictConfig(settings.LOGGING)
    logger = logging.getLogger("django.request")
    assert not logger.isEnabledFor(logging.WARNING)
    assert logger.isEnabledFor(logging.ERROR)


def test_check_deploy_warns_about_sqlite(settings):
    settings.DATABASES = {
        **settings.DATABASES,
        "default": {**settings.DATABASES["default"], "ENGINE": "django.db.backends.sqlite3"},
    }
    warnings = production_database_is_postgresql(None)
    assert [w.id for w in warnings] == ["website.W010"]
    out = io.StringIO()
    with pytest.raises(Exception) as raised:
        call_command("check", "--deploy", "--fail-level", "WARNING", stdout=out, stderr=out)
    assert "website.W010" in str(raised.value) + out.getvalue()


def test_check_deploy_is_quiet_about_postgresql(settings):
    settings.DATABASES = {
        "default": {**settings.DATABASES["default"], "ENGINE": "django.db.backends.postgresql"}
    }
    assert production_database_is_postgresql(None) == []
