"""The plan PDF under the production static files (hashed names from collectstatic), with
its stylesheet, and with links that lead to the site, not to the renderer's own address."""

import logging
import subprocess

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import override_settings

from multilingual import pdf as pipeline
from plans.pdf import PLAN_PDF
from plans.planfile import import_plan
from tests.helpers.plans import make_plan_data

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def collected_static(tmp_path_factory):
    """``STATIC_ROOT`` after ``collectstatic`` with the manifest storage, as on a server."""
    root = tmp_path_factory.mktemp("static")
    storages = {
        **django_settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=str(root), STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root, storages


@pytest.fixture
def production_static(collected_static, settings):
    root, storages = collected_static
    settings.STATIC_ROOT = str(root)
    settings.STORAGES = storages
    settings.WHITENOISE_USE_FINDERS = False
    return root


@pytest.fixture
def refused(monkeypatch):
    """Every address a PDF rendering asked for and did not get."""
    refused = []
    real = pipeline.LocalOnlyFetcher.fetch

    def fetch(self, url, headers=None):
        try:
            return real(self, url, headers)
        except ValueError:
            refused.append(url)
            raise

    monkeypatch.setattr(pipeline.LocalOnlyFetcher, "fetch", fetch)
    return refused


@pytest.fixture
def plan(plan_index):
    data = make_plan_data(2, key="prod-pdf", focus_areas=2)
    data["plan"]["title"] = "Handlingsplan mot våld i Ekby"
    return import_plan(data, publish=True)[0]


def test_the_plan_pdf_is_made_with_its_stylesheet_under_hashed_static_names(
    production_static, plan, refused, caplog
):
    with caplog.at_level(logging.ERROR, logger="weasyprint"):
        pdf = PLAN_PDF.render(plan)
    assert pdf.startswith(b"%PDF-")
    assert refused == []
    assert "Failed to load" not in caplog.text


def test_links_in_the_plan_pdf_lead_to_the_sites_public_address(production_static, plan, tmp_path):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "stod.ekby.se", 443
    site.save()
    path = tmp_path / "plan.pdf"
    path.write_bytes(PLAN_PDF.render(plan))
    out = subprocess.run(
        ["pdfinfo", "-url", str(path)], capture_output=True, text=True, check=True
    ).stdout
    urls = [line.split()[-1] for line in out.splitlines()[1:] if line.strip()]
    assert urls, out
    assert not [url for url in urls if "pdf.invalid" in url], out
    assert any(url.startswith("https://stod.ekby.se/") for url in urls), out
