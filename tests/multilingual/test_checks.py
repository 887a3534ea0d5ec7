"""`manage.py check` in a host site: an app of the extension hidden by a package of the
host's with the same name, and settings under the names the extension read before they
joined its settings list (multilingual/checks.py, multilingual/conf.py)."""

import sys
import types

import pytest
from django.core.checks import run_checks

from multilingual.conf import setting


def ids(messages):
    return [message.id for message in messages]


def test_the_reference_site_passes_the_extensions_checks():
    assert [m for m in run_checks() if m.id.startswith("multilingual.")] == []


def test_a_host_package_named_like_an_extension_app_is_named_in_an_error(tmp_path, monkeypatch):
    hosts = types.ModuleType("information")
    hosts.__file__ = str(tmp_path / "information" / "__init__.py")
    monkeypatch.setitem(sys.modules, "information", hosts)
    errors = [m for m in run_checks() if m.id == "multilingual.E001"]
    assert len(errors) == 1
    assert str(tmp_path / "information") in errors[0].msg and "Rename yours" in errors[0].hint


def test_the_pdf_settings_are_read_under_their_old_names_with_a_warning(settings):
    del settings.VINR_PLANS_PDF_ON_PUBLISH
    settings.PLANS_PDF_ON_PUBLISH = False
    assert setting("VINR_PLANS_PDF_ON_PUBLISH") is False
    warnings = [m for m in run_checks() if m.id == "multilingual.W001"]
    assert len(warnings) == 1 and "VINR_PLANS_PDF_ON_PUBLISH" in warnings[0].msg
    settings.VINR_PLANS_PDF_ON_PUBLISH = True
    assert setting("VINR_PLANS_PDF_ON_PUBLISH") is True, "the new name wins"


@pytest.mark.django_db
def test_publishing_renders_no_plan_pdf_when_the_old_name_says_so(
    settings, django_capture_on_commit_callbacks
):
    from plans.pdf import PlanPdf

    del settings.VINR_PLANS_PDF_ON_PUBLISH
    settings.PLANS_PDF_ON_PUBLISH = False
    with django_capture_on_commit_callbacks() as callbacks:
        PlanPdf().published(1)
    assert callbacks == []
    settings.PLANS_PDF_ON_PUBLISH = True
    with django_capture_on_commit_callbacks() as callbacks:
        PlanPdf().published(1)
    assert len(callbacks) == 1
