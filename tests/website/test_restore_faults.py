"""A restore that stops half-way can be finished; restore touches only this site's cache
keys; archives are private to their owner; times come back to the microsecond."""

import stat
import uuid
from datetime import UTC, datetime

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Page

from tests.helpers.backup import empty_everything, media_files, run
from website import backup
from website.backup import RESTORE_STEPS, create_backup, restore_backup

pytestmark = pytest.mark.django_db


class Killed(BaseException):
    """What the operating system does to a process: no ``except Exception`` sees it."""


@pytest.fixture
def small_site(home_page, django_user_model):
    document = Document(title="Stödlinjer")
    document.file.save("stodlinjer.pdf", ContentFile(b"%PDF-1.4 stod\n%%EOF\n"), save=False)
    document.save()
    django_user_model.objects.create_superuser("admin", "a@example.com", "pw")
    return home_page


def site_state(client):
    from django.contrib.auth import get_user_model
    from wagtail.search.models import IndexEntry

    home = client.get("/", HTTP_HOST="localhost")
    return {
        "home": (home.status_code, home.content),
        "pages": sorted(Page.objects.values_list("pk", "title", "url_path")),
        "users": sorted(get_user_model().objects.values_list("username", flat=True)),
        "media": media_files(),
        "indexed": IndexEntry.objects.exists(),
    }


@pytest.mark.parametrize("stop_after", RESTORE_STEPS)
def test_a_restore_stopped_after_any_step_is_finished_by_running_it_again(
    client, small_site, tmp_path, stop_after
):
    archive = create_backup(tmp_path)
    backup.clear_own_cache_keys()

    before = site_state(client)
    empty_everything()

    def step_done(name):
        if name == stop_after:
            raise Killed(name)

    with pytest.raises(Killed):
        restore_backup(archive, step_done=step_done)
    assert run("restore", str(archive)) == 0
    after = site_state(client)
    assert after.pop("indexed")  # the search index is rebuilt (the tests' site had none)
    before.pop("indexed")
    assert after == before


def test_a_database_with_other_content_is_still_refused(small_site, tmp_path):
    archive = create_backup(tmp_path)
    Page.objects.get(pk=small_site.pk).add_child(instance=Page(title="Något annat", slug="annat"))
    assert run("restore", str(archive)) == 1


def test_the_archive_is_readable_by_its_owner_only(small_site, tmp_path):
    archive = create_backup(tmp_path)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600


def test_times_come_back_to_the_microsecond(small_site, tmp_path):
    moment = datetime(2026, 11, 25, 8, 30, 15, 123456, tzinfo=UTC)
    Page.objects.filter(pk=small_site.pk).update(
        last_published_at=moment, first_published_at=moment
    )
    archive = create_backup(tmp_path)
    empty_everything()
    assert run("restore", str(archive)) == 0
    page = Page.objects.get(pk=small_site.pk)
    assert page.last_published_at == moment
    assert page.first_published_at == moment


def test_restore_forgets_only_this_sites_cache_keys(settings, redis_url):
    import redis
    from django.core.cache import caches

    ours, theirs = f"ours-{uuid.uuid4().hex}", f"theirs-{uuid.uuid4().hex}"
    config = {"BACKEND": "website.cache.FailSoftRedisCache", "LOCATION": redis_url}
    settings.CACHES = {
        "default": {**config, "KEY_PREFIX": ours},
        "pages": {**config, "KEY_PREFIX": f"{ours}pages"},
    }
    other_site = redis.Redis.from_url(redis_url)
    other_site.set(f"{theirs}:1:page", b"another site's page")
    caches["default"].set("site-root-paths", "ours")
    caches["pages"].set("page.x", "ours")
    try:
        backup.clear_own_cache_keys()
        assert other_site.get(f"{theirs}:1:page") == b"another site's page"
        assert caches["default"].get("site-root-paths") is None
        assert caches["pages"].get("page.x") is None
    finally:
        other_site.delete(f"{theirs}:1:page")
        for key in other_site.scan_iter(match=f"{ours}*"):
            other_site.delete(key)
