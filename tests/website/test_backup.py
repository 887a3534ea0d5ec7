"""``backup`` writes one archive of the data and media; ``restore`` puts it into an empty
database and gives the same site back. Runs on whatever ``DATABASES`` says (SQLite here,
PostgreSQL in CI)."""

import io
import json
import re
import tarfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents.models import Document
from wagtail.models import Page

from plans.models import Measure, Organisation, PlanIndexPage, PlanPage
from plans.planfile import export_plan
from tests.helpers.backup import empty_everything, media_files, run
from website.backup import BackupError, archive_name, content_in_database, read_manifest

pytestmark = pytest.mark.django_db

PLAN_ROUTES = ["", "atgarder/", "atgarder/csv/", "atgarder/json/", "uppfoljning/", "utskrift/"]
NONCE = re.compile(r'nonce="[^"]*"')


def public_urls():
    """Every public address of the site: each live page, each plan's views and measures,
    each organisation page, each document."""
    urls = ["/", "/finns-inte/"]
    for page in Page.objects.live().public().specific().order_by("path"):
        if page.url is None:
            continue
        if isinstance(page, PlanPage):
            urls += [page.url + route for route in PLAN_ROUTES]
            urls += [
                f"{page.url}atgarder/{m.pk}/"
                for m in Measure.objects.public_under(page).order_by("pk")
            ]
        else:
            urls.append(page.url)
        if isinstance(page, PlanIndexPage):
            urls += [
                f"{page.url}organisationer/{key}/"
                for key in Organisation.objects.values_list("key", flat=True)
            ]
    urls += [document.url for document in Document.objects.order_by("pk")]
    return urls


def site_as_seen(client):
    """Status and text of every public address, and the export of every plan."""
    seen = {}
    for url in public_urls():
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        seen[url] = (response.status_code, NONCE.sub("", body.decode("utf-8", "replace")))
    exports = {plan.pk: export_plan(plan) for plan in PlanPage.objects.order_by("pk")}
    return seen, exports


@pytest.fixture
def site_with_content(demo_plans):
    """The seed plans, an original document attached to one, and an editor account."""
    from django.contrib.auth import get_user_model

    plan = next(iter(demo_plans.values()))
    document = Document(title="Planen som PDF")
    document.file.save("plan.pdf", ContentFile(b"%PDF-1.4 a small plan\n%%EOF\n"), save=False)
    document.save()
    plan.original_document = document
    plan.save_revision().publish()
    get_user_model().objects.create_superuser("admin", "a@example.com", "pw")
    return demo_plans


def test_restore_into_an_empty_database_gives_the_same_site(
    client, site_with_content, tmp_path, capsys
):
    before = site_as_seen(client)
    files = media_files()
    assert any(status == 200 for status, _text in before[0].values())
    assert len(before[1]) == 3 and "plan.pdf" in "".join(files)

    assert run("backup", "--output", str(tmp_path)) == 0
    archives = list(tmp_path.glob("backup-*.tar.gz"))
    assert len(archives) == 1

    empty_everything()
    assert not Page.objects.exists()
    assert run("restore", str(archives[0])) == 0
    assert "Restored" in capsys.readouterr().out

    after = site_as_seen(client)
    assert after[1] == before[1]  # the export of every plan
    assert after[0].keys() == before[0].keys()
    for url, (status, text) in before[0].items():
        assert after[0][url] == (status, text), url
    assert media_files() == files


def test_restore_refuses_a_database_with_content(site_with_content, tmp_path, capsys):
    archive = tmp_path / "site.tar.gz"
    assert run("backup", "--output", str(archive)) == 0
    pages = Page.objects.count()
    capsys.readouterr()

    assert run("restore", str(archive)) == 1
    err = capsys.readouterr().err
    assert "the database is not empty" in err and "restore only into a new, empty database" in err
    assert len(err.strip().splitlines()) == 1
    assert Page.objects.count() == pages


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path, capsys):
    path = tmp_path / "notes.tar.gz"
    path.write_text("not an archive", encoding="utf-8")
    assert run("restore", str(path)) == 1
    assert "not a backup archive" in capsys.readouterr().err


def test_the_archive_names_its_contents_in_the_manifest(home_page, tmp_path):
    path = Path(call_command_output("backup", "--output", str(tmp_path)))
    assert re.fullmatch(r"backup-\d{4}-\d\d-\d\dT\d{6}Z\.tar\.gz", path.name)
    manifest = read_manifest(path)
    assert manifest["counts"]["website.HomePage"] == 1
    assert "plans.0001_initial" in manifest["migrations"]
    with tarfile.open(path) as tar:
        names = tar.getnames()
        data = json.load(tar.extractfile("contenttypes.json")) + json.load(
            tar.extractfile("data.json")
        )
    assert names[:3] == ["manifest.json", "contenttypes.json", "data.json"]
    models = {row["model"] for row in data}
    assert {"wagtailcore.page", "contenttypes.contenttype"} <= models
    assert not models & {"sessions.session", "wagtailsearch.indexentry"}
    assert all("pk" in row for row in data)


def test_an_archive_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "newer.tar.gz"
    manifest = {
        "format": 1,
        "migrations": ["plans.9999_from_the_future"],
        "counts": {},
        "created": "x",
    }
    with tarfile.open(path, "w:gz") as tar:
        files = (
            ("manifest.json", json.dumps(manifest).encode()),
            ("contenttypes.json", b"[]"),
            ("data.json", b"[]"),
        )
        for name, content in files:
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    from website.backup import restore_backup

    with pytest.raises(BackupError, match="newer version"):
        restore_backup(path)


def test_a_new_database_counts_as_empty(db):
    """What migrate creates (the root page, Wagtail's welcome page, groups) is not content."""
    assert content_in_database() == []


def test_archive_names_sort_by_date():
    from datetime import UTC, datetime

    assert (
        archive_name(datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC))
        == "backup-2026-01-02T030405Z.tar.gz"
    )


def call_command_output(*argv):
    out = io.StringIO()
    call_command(*argv, stdout=out)
    return out.getvalue().strip().removeprefix("Backup written: ")
