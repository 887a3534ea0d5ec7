"""Backups of the whole site: one dated archive of the data and the media, and its restore.

An archive (``backup-2026-11-28T091200Z.tar.gz``) holds:

- ``manifest.json``: the archive format, when it was made, the Django and Wagtail
  versions, the migrations applied to the database, and the row count of every model;
- ``data.json``: ``dumpdata`` of every app, JSON with primary keys kept, so it loads into
  any database engine Django supports (SQLite ↔ PostgreSQL) and every reference by id
  (revisions, log entries, links in rich text) still points to the same row. Content
  types and permissions are in it too, with their ids, in ``contenttypes.json``: loaded
  first, so that no signal handler creates one with another id in the meantime. Natural keys are not used: Wagtail
  8 gives pages the URL path as natural key, which two languages' home pages can share.
  Left out: the search index (rebuilt after a restore), sessions (visitors and editors
  log in again) and the queue of background tasks;
- ``media/``: every file of the media storage (original images, renditions, documents,
  generated PDFs): the files under ``MEDIA_ROOT`` on disk, or every object of the site's
  bucket (under ``AWS_LOCATION``) with S3-compatible object storage, read and written
  through Django's storage API. The manifest says which storage and how many files, and
  names the files the database referred to that were missing already when it was made.

:func:`restore_backup` loads an archive into an *empty* database only: restoring over
content would mix two sites. The data is loaded in one transaction (a failure leaves the
database as it was), then the media files are written (into ``MEDIA_ROOT`` or the bucket)
and checked: a restore after which a file the database refers to is missing (and was not
missing when the backup was made) raises :class:`BackupError` instead of reporting success.
Then the search index is rebuilt and the site's own cache keys forgotten. A restore stopped after its data committed is finished by
running it again: a database holding exactly the archive's rows is not refused.
The archive is written readable by its owner only (it holds password hashes), and times
keep their microseconds.

The ``backup`` and ``restore`` management commands only wire arguments to these functions;
``docs/operations.md`` says how to use them and how often.
"""

import io
import json
import os
import tarfile
import tempfile
from datetime import UTC, datetime, time
from pathlib import Path

import django
import wagtail
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.cache import caches
from django.core.files import File
from django.core.files.storage import FileSystemStorage, storages
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.core.serializers import json as json_serializer
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
#: dumpdata format of the archive: Django's JSON with times to the microsecond (see
#: :class:`Serializer`); read back by Django's own JSON deserializer.
DUMP_FORMAT = "backup-json"
FIRST = ["contenttypes", "auth.permission"]
EXCLUDED = [
    "sessions",
    "wagtailsearch",
    "wagtailadmin.editingsession",
    # Queued and finished background tasks (TASKS_BACKEND=database): PDF renders, made
    # again when first asked for; a restored queue would only run stale renders.
    "django_tasks_database",
]


class ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder, but times keep their microseconds (Django cuts them to
    milliseconds, ECMA-262 style): a restored revision or log entry has the very time it had."""

    def default(self, o):
        if isinstance(o, (datetime, time)):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        return super().default(o)


class Serializer(json_serializer.Serializer):
    """The archive's ``dumpdata`` format (``DUMP_FORMAT``), registered by :func:`_dump`."""

    def _init_options(self):
        self.options.setdefault("cls", ExactJSONEncoder)
        super()._init_options()


Deserializer = json_serializer.Deserializer


class BackupError(Exception):
    """An archive that cannot be made or restored; the message is one line for the operator."""


def archive_name(now=None):
    now = now or datetime.now(UTC)
    return f"backup-{now:%Y-%m-%dT%H%M%SZ}.tar.gz"


def default_directory():
    return Path(getattr(settings, "BACKUP_DIR", Path(settings.BASE_DIR) / "var" / "backups"))


# Making a backup -----------------------------------------------------------------------


def create_backup(destination=None, *, database=DEFAULT_DB_ALIAS, now=None):
    """Write an archive into ``destination`` (a directory, created if needed, or a file
    name ending in ``.tar.gz``) and return its path. The file appears whole or not at all."""
    destination = Path(destination) if destination else default_directory()
    if destination.name.endswith(".tar.gz"):
        path = destination
    else:
        path = destination / archive_name(now)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        raise BackupError(f"{path} exists already")
    partial = path.with_name(f".{path.name}.partial")
    with tempfile.TemporaryDirectory() as tmp:
        first, data = Path(tmp) / "contenttypes.json", Path(tmp) / "data.json"
        counts, referenced = _dump(first, data, database)
        storage = media_storage()
        names = sorted(stored_media(storage))
        manifest = {
            "format": FORMAT,
            "created": (now or datetime.now(UTC)).isoformat(),
            "django": django.get_version(),
            "wagtail": wagtail.__version__,
            "engine": connections[database].vendor,
            "migrations": _applied_migrations(database),
            "counts": counts,
            "media": {
                "storage": _dotted_name(storage),
                "files": len(names),
                "missing": sorted(referenced - set(names)),
            },
        }
        try:
            # Readable by the owner only: the archive holds password hashes and personal data.
            partial.unlink(missing_ok=True)
            handle = os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb")
            with handle, tarfile.open(fileobj=handle, mode="w:gz") as tar:
                _add_bytes(
                    tar, "manifest.json", json.dumps(manifest, indent=2, sort_keys=True).encode()
                )
                tar.add(first, arcname="contenttypes.json")
                tar.add(data, arcname="data.json")
                for name in names:
                    _add_stored_file(tar, storage, name)
            partial.replace(path)
        finally:
            partial.unlink(missing_ok=True)
    return path


def _dump(first, path, database):
    """``dumpdata`` of the whole database in one transaction, so it is one moment's data
    (on PostgreSQL a repeatable-read snapshot while editors keep working)."""
    connection = connections[database]
    # Only a transaction's first statement may choose its isolation: called inside one
    # already (a test, or a caller's atomic block), the dump reads that one's snapshot.
    outermost = not connection.in_atomic_block
    with transaction.atomic(using=database):
        if connection.vendor == "postgresql" and outermost:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        serializers.register_serializer(DUMP_FORMAT, __name__)
        options = {"format": DUMP_FORMAT, "database": database, "verbosity": 0}
        call_command("dumpdata", *FIRST, output=str(first), **options)
        call_command("dumpdata", exclude=EXCLUDED + FIRST, output=str(path), **options)
        counts = {
            model._meta.label: model._default_manager.using(database).count()
            for model in apps.get_models()
            if _included(model)
        }
        referenced = referenced_files(database)
    return {label: n for label, n in sorted(counts.items()) if n}, referenced


# Media: on disk or in a bucket ----------------------------------------------------------


def media_storage():
    """The media storage (``STORAGES["default"]``): ``MEDIA_ROOT`` or a bucket."""
    return storages["default"]


def _on_disk(storage):
    return isinstance(storage, FileSystemStorage)


def _dotted_name(storage):
    return f"{type(storage).__module__}.{type(storage).__qualname__}"


def stored_media(storage):
    """The name of every file in the media storage (the restore marker left out).

    On disk, every file under its folder; in object storage, every object under the site's
    prefix, listed through the storage API (one listing per "folder")."""
    if _on_disk(storage):
        root = Path(storage.location)
        if not root.is_dir():
            return
        for path in root.rglob("*"):
            if path.is_file() and path.name != MARKER_NAME:
                yield path.relative_to(root).as_posix()
        return
    folders = [""]
    while folders:
        folder = folders.pop()
        subfolders, files = storage.listdir(folder)
        for name in files:
            yield f"{folder}{name}"
        folders += [f"{folder}{sub}/" for sub in subfolders]


def referenced_files(database=DEFAULT_DB_ALIAS):
    """The file names every ``FileField`` of the database refers to (images, their
    renditions, documents and any other upload)."""
    from django.db.models import FileField

    names = set()
    for model in apps.get_models():
        if not _included(model):
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, FileField):
                rows = model._default_manager.using(database).exclude(**{field.attname: ""})
                names.update(
                    rows.exclude(**{f"{field.attname}__isnull": True}).values_list(
                        field.attname, flat=True
                    )
                )
    return names


def _add_stored_file(tar, storage, name):
    if _on_disk(storage):
        tar.add(storage.path(name), arcname=f"media/{name}")
        return
    info = tarfile.TarInfo(f"media/{name}")
    info.size = storage.size(name)
    info.mtime = int(datetime.now(UTC).timestamp())
    with storage.open(name, "rb") as handle:
        tar.addfile(info, handle)


def _included(model):
    return (
        model._meta.managed
        and not model._meta.proxy
        and model._meta.app_label not in EXCLUDED
        and model._meta.label_lower not in EXCLUDED
    )


def _applied_migrations(database):
    recorder = MigrationRecorder(connections[database])
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def _add_bytes(tar, name, content):
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(datetime.now(UTC).timestamp())
    tar.addfile(info, io.BytesIO(content))


# Restoring -----------------------------------------------------------------------------


def read_manifest(archive):
    """The manifest of ``archive``; :class:`BackupError` when it is not one of ours."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            member = tar.extractfile("manifest.json")
            manifest = json.loads(member.read())
            tar.getmember("contenttypes.json")
            tar.getmember("data.json")
    except FileNotFoundError as error:
        raise BackupError(f"{archive}: no such file") from error
    except (tarfile.TarError, KeyError, OSError, ValueError, AttributeError) as error:
        raise BackupError(f"{archive}: not a backup archive made by `manage.py backup`") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(
            f"{archive}: archive format {manifest.get('format')!r}, this site reads format {FORMAT}"
        )
    return manifest


def content_in_database(database=DEFAULT_DB_ALIAS):
    """What the database already holds beyond what ``migrate`` creates, as short phrases
    ("12 pages", "1 user"); an empty list for an empty database."""
    connection = connections[database]
    tables = set(connection.introspection.table_names())
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    found = []
    User = get_user_model()
    if User._meta.db_table in tables:
        users = User._default_manager.using(database).count()
        if users:
            found.append(f"{users} user{'s' if users != 1 else ''}")
    if Page._meta.db_table in tables:
        # migrate creates the tree's root and Wagtail's "Welcome" page (a plain Page).
        pages = (
            Page.objects.using(database)
            .filter(depth__gt=1)
            .exclude(depth=2, content_type__app_label="wagtailcore", content_type__model="page")
            .count()
        )
        if pages:
            found.append(f"{pages} page{'s' if pages != 1 else ''}")
    for app_label in ("plans", "information", "website", "wagtailimages", "wagtaildocs"):
        try:
            config = apps.get_app_config(app_label)
        except LookupError:
            continue
        for model in config.get_models():
            if model._meta.proxy or model._meta.db_table not in tables or issubclass(model, Page):
                continue
            rows = model._default_manager.using(database).count()
            if rows:
                found.append(f"{rows} {model._meta.verbose_name_plural}")
    return found


def flush(database=DEFAULT_DB_ALIAS):
    """Empty every table, also inside a transaction that has written rows already.

    PostgreSQL refuses to TRUNCATE a table with deferred foreign-key checks still pending
    in the transaction; they are run first, and deferred again for ``loaddata`` (whose
    rows may point forward to rows loaded after them).
    """
    postgresql = connections[database].vendor == "postgresql"
    if postgresql:
        with connections[database].cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command(
        "flush", database=database, interactive=False, inhibit_post_migrate=True, verbosity=0
    )
    if postgresql:
        with connections[database].cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


#: The steps of a restore, in order. Only ``data`` is one transaction; a restore stopped
#: after it (killed, a full disk, a lost connection) is finished by running it again.
RESTORE_STEPS = ("migrate", "data", "media", "search index", "cache")
MARKER_NAME = ".restore-in-progress"
#: Rows that a restore may add to the archive's: content types and permissions of models
#: newer than the archive.
GROWN_BY_RESTORE = {"contenttypes.ContentType", "auth.Permission"}


def holds_archive(manifest, database=DEFAULT_DB_ALIAS):
    """Whether the database holds exactly the archive's rows (every model's count as the
    manifest says): a restore that committed its data and stopped before the end."""
    counts = {
        model._meta.label: model._default_manager.using(database).count()
        for model in apps.get_models()
        if _included(model) and model._meta.label not in GROWN_BY_RESTORE
    }
    expected = {
        label: n for label, n in manifest["counts"].items() if label not in GROWN_BY_RESTORE
    }
    return {label: n for label, n in counts.items() if n} == expected


def restore_backup(archive, *, database=DEFAULT_DB_ALIAS, step_done=None):
    """Load ``archive`` into the (empty) database and ``MEDIA_ROOT``; returns the manifest.

    A database that already holds exactly this archive's data (a restore stopped after its
    data step) is not refused: the remaining steps are run, which is how a killed restore
    is finished. ``step_done(name)`` is called after each of ``RESTORE_STEPS``."""
    manifest = read_manifest(archive)
    unknown = sorted(set(manifest["migrations"]) - _known_migrations(database))
    if unknown:
        raise BackupError(
            f"{archive}: made by a newer version of the site (unknown migrations: {', '.join(unknown[:3])}); "
            "restore it with that version"
        )
    found = content_in_database(database)
    marker = restore_marker()
    started = _read_marker(marker) == _archive_identity(manifest)
    resuming = bool(found) and started and holds_archive(manifest, database)
    if found and not resuming:
        raise BackupError(
            f"the database is not empty ({', '.join(found[:4])}); restore only into a new, empty database"
        )
    manifest["resumed"] = resuming
    done = step_done or (lambda name: None)
    # Says "a restore of this archive was started here" until the last step is done: with it,
    # and the archive's rows in the database, running the restore again finishes it.
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(_archive_identity(manifest), encoding="utf-8")
    call_command("migrate", database=database, interactive=False, verbosity=0)
    done("migrate")
    with tempfile.TemporaryDirectory() as tmp, tarfile.open(archive, "r:gz") as tar:
        if not resuming:
            _load_data(tar, Path(tmp), database)
        done("data")
        _write_media(tar)
        _check_media(manifest, database)
        done("media")
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    done("search index")
    clear_own_cache_keys()
    done("cache")
    marker.unlink(missing_ok=True)
    return manifest


def restore_marker():
    """The file that marks a restore in progress (in ``MEDIA_ROOT``, which restore writes to)."""
    return Path(settings.MEDIA_ROOT) / MARKER_NAME


def _archive_identity(manifest):
    return json.dumps(
        {"created": manifest["created"], "counts": manifest["counts"]}, sort_keys=True
    )


def _read_marker(path):
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def _load_data(tar, tmp, database):
    from django.contrib.contenttypes.models import ContentType

    tar.extract("contenttypes.json", tmp, filter="data")
    tar.extract("data.json", tmp, filter="data")
    with transaction.atomic(using=database):
        # Empty every table, the rows migrate made too (root page, default site, groups,
        # content types): the archive has them all, with their ids.
        flush(database)
        ContentType.objects.clear_cache()
        for name in ("contenttypes.json", "data.json"):
            call_command("loaddata", str(tmp / name), database=database, verbosity=0)
        # Content types and permissions of models newer than the archive.
        emit_post_migrate_signal(0, False, database)
        ContentType.objects.clear_cache()


def _write_media(tar):
    """Write the archive's media files into the media storage: ``MEDIA_ROOT``, or the
    bucket through the storage API (again, when resuming: the same files, same names)."""
    storage = media_storage()
    members = [m for m in tar.getmembers() if m.name.startswith("media/") and m.isfile()]
    if _on_disk(storage):
        media = Path(storage.location)
        media.mkdir(parents=True, exist_ok=True)
        for member in members:
            member.name = member.name.removeprefix("media/")
        tar.extractall(media, members=members, filter="data")
        return
    for member in members:
        name = member.name.removeprefix("media/")
        if storage.exists(name):
            storage.delete(name)
        saved = storage.save(name, File(tar.extractfile(member), name=name))
        if saved != name:
            raise BackupError(
                f"the media storage stored {name} as {saved}; restore needs names kept as they are"
            )


def _check_media(manifest, database):
    """Refuse to call the restore done while a file the database refers to is missing from
    the media storage (unless it was missing already when the backup was made)."""
    missed_before = set(manifest.get("media", {}).get("missing", []))
    missing = sorted(
        referenced_files(database) - set(stored_media(media_storage())) - missed_before
    )
    if missing:
        shown = ", ".join(missing[:3]) + (", …" if len(missing) > 3 else "")
        raise BackupError(
            f"{len(missing)} files the database refers to are missing from the media storage ({shown}): "
            "the data is restored, these files are not. Put them back (from the archive's media/ folder or "
            "the bucket's own snapshot) and run restore again: it checks again and finishes"
        )


def clear_own_cache_keys():
    """Forget what the caches hold for this site, and only that.

    ``cache.clear()`` on Redis is FLUSHDB: it emptied every other site (or staging site)
    sharing the Redis database, whatever ``CACHE_KEY_PREFIX`` said. A cache that can
    delete by its key prefix (``website.cache.FailSoftRedisCache``) does so; the others
    (memory, files) belong to this site alone and are cleared. The page cache's number is
    raised as well, so an app server's own copies of pages are retired too."""
    from website.page_cache import bump_generation

    for cache in caches.all():
        clear_prefixed = getattr(cache, "clear_prefixed", None)
        if clear_prefixed is not None:
            clear_prefixed()
        else:
            cache.clear()
    bump_generation()


def _known_migrations(database):
    loader = MigrationLoader(connections[database], ignore_no_migrations=True)
    return {f"{app}.{name}" for app, name in loader.disk_migrations}
