"""The demo content as a database template: loaded once per test process, copied into each
test that asks for it.

Loading the demo (``website.demo``) takes tens of seconds; copying its rows takes a few
hundredths. When the test database is made, each process (one per pytest-xdist worker)
reads every table once as migrations left it (the *base*), then, for each template the
session's tests ask for, runs the real loader inside a transaction, reads every table
again and rolls back. A template is kept as the rows that differ from the one it builds on
(``site`` builds on the base, ``support`` on ``site``).

A test that asks for a template gets those differences written into the database inside
its own transaction (rolled back after it, like any row the test makes), or committed for
a transactional test (the live server must see them; the flush after the test empties
them). Rows another fixture made earlier in the same test are kept: only the template's
own rows are written, and the template's ids never meet theirs (see ``_set_id_floor``).

Every test starts from the base: a transactional test's flush leaves a database that
differs from it (new content-type ids on PostgreSQL, no Wagtail welcome page), so
``reset_to_base`` writes it back after each such test (tests/conftest.py).

SQLite rows are read with ``+"column"`` (SQLite's no-op unary plus): the value exactly as
stored, without Django's converters. PostgreSQL rows are read and written with COPY in
its text format, byte for byte.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction

# SQLite hands out ids again after a rollback: a template built and rolled back starts this
# far above every table's highest id, so the rows a test makes before asking for it (a user
# of ``admin_client``, say) keep ids of their own.
SQLITE_ID_FLOOR = 1_000_000


@dataclass
class Table:
    """One table's rows: ``rows`` maps each row's primary key to the row (a tuple of
    values on SQLite, a COPY text line on PostgreSQL)."""

    columns: tuple
    key_index: int
    rows: dict


@dataclass
class Delta:
    """What turns one snapshot into another: per table, the keys to delete and the rows to
    write (a changed row is deleted and written again)."""

    tables: dict = field(default_factory=dict)  # name -> (columns, delete keys, rows)


@dataclass
class Template:
    parent: str
    load: object
    delta: Delta = None
    objects: object = None  # what the loader returned, as (model, pk) references
    media: dict = field(default_factory=dict)  # files the loader wrote: relative path -> bytes


def _load_site():
    from website.demo import site

    return site.load()


def _load_support():
    from website.demo import information

    return information.load()


def _load_home():
    from tests.helpers.plans import make_home_page

    return make_home_page()


def _load_plan_index():
    from tests.helpers.plans import make_plan_index

    return make_plan_index()


def _load_plans():
    from wagtail.models import Locale

    from plans.models import PlanPage
    from website.demo import action_plans

    action_plans.load()
    swedish = Locale.objects.get(language_code="sv")
    return {plan.plan_key: plan for plan in PlanPage.objects.filter(locale=swedish)}


def _load_demo_rest():
    """The loaders ``load_demo`` runs after the site and support ones (``website.demo.
    loaders``): on top of the ``support`` template, what the command makes from the base."""
    from website.demo import loaders

    for name, loader in loaders():
        if name not in ("site", "information"):  # the ``site`` and ``support`` templates
            loader()


TEMPLATES = {
    # demo_site, then support_site / shared_support_site (tests/conftest.py)
    "site": Template(parent="base", load=_load_site),
    "support": Template(parent="site", load=_load_support),
    # home_page, plan_index, demo_plans: the plans' own small skeleton
    "home": Template(parent="base", load=_load_home),
    "plan_index": Template(parent="home", load=_load_plan_index),
    "plans": Template(parent="plan_index", load=_load_plans),
    # the first run of load_demo_command: what the real command makes from the base
    "load_demo": Template(parent="support", load=_load_demo_rest),
}


class _State:
    base = None  # {table name: Table}
    level = "base"  # the template the database holds now (in the current transaction)


state = _State()
blocker = None  # pytest-django's django_db_blocker, set when the test database is made


# ---------------------------------------------------------------- reading and writing rows


def _tables():
    """Every table Django made for a model, with its primary key column (what ``flush``
    empties)."""
    existing = set(connection.introspection.table_names())
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.db_table not in existing:
            continue
        tables[meta.db_table] = meta.pk.column
    return tables


def _quote(name):
    return connection.ops.quote_name(name)


def capture():
    """Every Django table as it is now, in this connection (inside its transaction)."""
    snapshot = {}
    with connection.cursor() as cursor:
        for table, key in sorted(_tables().items()):
            cursor.execute(f"SELECT * FROM {_quote(table)} WHERE 1 = 0")
            columns = tuple(column[0] for column in cursor.description)
            if key not in columns and connection.vendor == "sqlite":
                columns = (key, *columns)  # Wagtail's full-text table: its key is SQLite's rowid
            key_index = columns.index(key)
            if connection.vendor == "sqlite":
                cursor.execute(
                    f"SELECT {', '.join('+' + _quote(c) for c in columns)} FROM {_quote(table)}"
                )
                rows = {row[key_index]: tuple(row) for row in cursor.fetchall()}
            else:
                lines = _copy_out(cursor, table, columns)
                rows = {line.split(b"\t")[key_index]: line for line in lines}
            snapshot[table] = Table(columns, key_index, rows)
    return snapshot


def _copy_out(cursor, table, columns):
    names = ", ".join(_quote(c) for c in columns)
    with cursor.cursor.copy(f"COPY {_quote(table)} ({names}) TO STDOUT") as copy:
        data = b"".join(bytes(block) for block in copy)
    return [line + b"\n" for line in data.split(b"\n")[:-1]]


def difference(old, new):
    """The delta that turns snapshot ``old`` into snapshot ``new``."""
    delta = Delta()
    for name, table in new.items():
        before = old.get(name)
        if before is None or before.columns != table.columns:
            delete = None  # everything
            write = list(table.rows.values())
        else:
            delete = [k for k, row in before.rows.items() if table.rows.get(k) != row]
            write = [row for k, row in table.rows.items() if before.rows.get(k) != row]
        if delete is None or delete or write:
            delta.tables[name] = (table.columns, table.key_index, delete, write)
    for name in old.keys() - new.keys():
        delta.tables[name] = (old[name].columns, old[name].key_index, None, [])
    return delta


def apply(delta):
    """Write a delta into the database (inside the current transaction, or committed)."""
    with transaction.atomic(), connection.cursor() as cursor:
        for table, (columns, key_index, delete, write) in delta.tables.items():
            key = _quote(columns[key_index])
            if delete is None:
                cursor.execute(f"DELETE FROM {_quote(table)}")
            elif delete:
                _delete(cursor, table, key, delete)
            if write:
                _write(cursor, table, columns, write)


def _delete(cursor, table, key, keys):
    if connection.vendor == "sqlite":
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            cursor.execute(
                f"DELETE FROM {_quote(table)} WHERE {key} IN ({', '.join(['%s'] * len(chunk))})",
                chunk,
            )
    else:
        cursor.execute(
            f"DELETE FROM {_quote(table)} WHERE {key}::text = ANY(%s)", [[k.decode() for k in keys]]
        )


def _write(cursor, table, columns, rows):
    names = ", ".join(_quote(c) for c in columns)
    if connection.vendor == "sqlite":
        marks = ", ".join(["%s"] * len(columns))  # the values as SQLite stores them: no adapter
        cursor.executemany(f"INSERT INTO {_quote(table)} ({names}) VALUES ({marks})", rows)
    else:
        with cursor.cursor.copy(f"COPY {_quote(table)} ({names}) FROM STDIN") as copy:
            copy.write(b"".join(rows))


def _set_id_floor(floor):
    """SQLite: every AUTOINCREMENT table hands out ids from at least ``floor`` on."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_sequence'")
        if not cursor.fetchall():
            return
        for table in _tables():
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            found = cursor.fetchall()
            if not found:
                cursor.execute(
                    "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, floor]
                )
            elif found[0][0] < floor:
                cursor.execute(
                    "UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [floor, table]
                )


def forget_cached_rows(content_types=True):
    """Caches that hold rows by id and that no signal empties when rows are written with SQL.
    Content types keep their ids in every template (each builds on the base), so they are
    read again only after the base is written back; otherwise they are read into the
    cache, as running a loader in this process would have left them (query counts)."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache
    from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

    from multilingual.localization import forget_locales
    from multilingual.published import forget

    if content_types:
        ContentType.objects.clear_cache()
    ContentType.objects.get_for_models(*apps.get_models())
    cache.delete(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)
    forget()
    forget_locales()


# ---------------------------------------------------------------- the templates


def start():
    """When the test database is made: read the base. Each template is built the first time
    a test of this process asks for it (a worker builds only what its modules need)."""
    state.base = capture()
    state.level = "base"
    for template in TEMPLATES.values():
        template.delta, template.objects, template.media = None, None, {}


def _chain(name):
    """The templates from the base up to ``name``: ["site", "support"]."""
    chain = []
    while name != "base":
        chain.insert(0, name)
        name = TEMPLATES[name].parent
    return chain


def build(name):
    """Build template ``name`` (and those it builds on, if not built yet) from the base,
    inside a savepoint that is rolled back, and keep what each loader changed. A template
    whose parent is built starts from the parent's rows, so their ids agree."""
    if state.base is None:
        raise RuntimeError("the test database has not been made yet (django_db_setup)")
    from django.apps import apps as django_apps

    from tests.helpers.database import restore_what_migrations_made

    media_before = set(_media_files())
    with transaction.atomic():
        current = capture()
        if current != state.base:  # a test's own rows, or a module's shared template
            apply(difference(current, state.base))
        restore_what_migrations_made(django_apps.get_app_config("website"))
        previous = capture()
        for step in _chain(name):
            template = TEMPLATES[step]
            if template.delta is not None:
                apply(template.delta)
                previous = capture()
                continue
            if connection.vendor == "sqlite":
                _set_id_floor(_highest_id() + SQLITE_ID_FLOOR)
            forget_cached_rows()
            result = template.load()
            now = capture()
            template.delta = difference(previous, now)
            template.objects = _references(result)
            template.media = {
                path: file.read_bytes()
                for path, file in _media_files().items()
                if path not in media_before
            }
            media_before |= set(template.media)
            previous = now
        transaction.set_rollback(True)
    forget_cached_rows()


def _highest_id():
    highest = 0
    with connection.cursor() as cursor:
        for table, key in _tables().items():
            cursor.execute(
                f"SELECT MAX({_quote(key)}) FROM {_quote(table)} WHERE typeof({_quote(key)}) = 'integer'"
            )
            highest = max(highest, cursor.fetchone()[0] or 0)
    return highest


def use(name, request):
    """Put template ``name`` into the database for the test (or module) of ``request`` and
    return what its loader returned, read again from the database."""
    chain = _chain(name)
    if any(TEMPLATES[step].delta is None for step in chain):
        build(name)
    held = _chain(state.level)
    if held[: len(chain)] != chain:  # the database holds less (or another branch)
        if chain[: len(held)] != held:
            raise RuntimeError(
                f"the demo template {name!r} cannot join {state.level!r} in one test"
            )
        for step in chain[len(held) :]:
            apply(TEMPLATES[step].delta)
        previous, state.level = state.level, name
        request.addfinalizer(lambda: setattr(state, "level", previous))
        forget_cached_rows(content_types=False)
    _write_media(chain)
    return _fetch(TEMPLATES[name].objects)


def reset_to_base():
    """After a transactional test: every table back as migrations left it (committed)."""
    if state.base is None or connection.in_atomic_block:  # a module's shared rows are still in
        return
    apply(
        Delta(
            {
                name: (t.columns, t.key_index, None, list(t.rows.values()))
                for name, t in state.base.items()
            }
        )
    )
    state.level = "base"
    forget_cached_rows()


def _references(result):
    if result is None:
        return None
    if isinstance(result, dict):
        return {key: _references(value) for key, value in result.items()}
    if isinstance(result, list):
        return [_references(value) for value in result]
    return (type(result), result.pk)


def _fetch(references):
    if references is None:
        return None
    if isinstance(references, dict):
        return {key: _fetch(value) for key, value in references.items()}
    if isinstance(references, list):
        return [_fetch(value) for value in references]
    model, pk = references
    return model._default_manager.get(pk=pk)


# ---------------------------------------------------------------- media files


def _media_files():
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return {}
    return {str(path.relative_to(root)): path for path in root.rglob("*") if path.is_file()}


def _write_media(chain):
    """The files the loaders wrote (the demo logo), in this test's media folder too."""
    root = Path(settings.MEDIA_ROOT)
    for step in chain:
        for relative, data in TEMPLATES[step].media.items():
            target = root / relative
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
