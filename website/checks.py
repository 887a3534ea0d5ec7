"""System checks for a deployment that would otherwise fail only when visited."""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core import checks
from django.core.files.storage import storages


@checks.register()
def static_manifest_exists(app_configs, **kwargs):
    """With hashed static file names, every page needs ``staticfiles.json`` from collectstatic.

    Without it each page that links a stylesheet answers 500 ("Missing staticfiles
    manifest entry"), while ``check`` used to pass. Not tagged ``staticfiles``, so
    ``collectstatic`` itself (which writes the manifest) still runs.
    """
    storage = storages["staticfiles"]
    if not isinstance(storage, ManifestFilesMixin):
        return []
    manifest = Path(settings.STATIC_ROOT) / storage.manifest_name
    if manifest.exists():
        return []
    return [
        checks.Error(
            f"The static files manifest {manifest} is missing: every page would answer 500.",
            hint="Run `manage.py collectstatic --noinput` on every deploy, before the server starts "
            "(docs/configuration.md, 'Static files and media').",
            id="website.E001",
        )
    ]


@checks.register(deploy=True)
def production_database_is_postgresql(app_configs, **kwargs):
    """``check --deploy`` was clean with ``DATABASE_URL=sqlite:///…``, but production needs
    PostgreSQL: several app servers cannot share a SQLite file, its search has no Swedish
    stemming, and the backups and the two-server test assume it (docs/deploy.md)."""
    engines = {alias: db["ENGINE"] for alias, db in settings.DATABASES.items()}
    return [
        checks.Warning(
            f"The database '{alias}' is SQLite ({engine}); production needs PostgreSQL.",
            hint="Set DATABASE_URL=postgres://user:password@host:5432/name (docs/deploy.md). "
            "SQLite is for trying the site on one machine.",
            id="website.W010",
        )
        for alias, engine in engines.items()
        if "sqlite" in engine
    ]
