"""The extension's apps can leave this repository: none of them imports the reference site.

A municipality installs ``plans``, ``information`` and ``multilingual`` into its own Wagtail
site, where there is no ``website`` package. Every module is read with ``ast`` (migrations
and management commands included), so an import inside a function is found too.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXTENSION_APPS = ["plans", "information", "multilingual", "opendata"]


def imported_modules(path):
    """The dotted names of every module ``path`` imports, wherever the import stands."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def python_files(app):
    return sorted((ROOT / app).rglob("*.py"))


@pytest.mark.parametrize("app", EXTENSION_APPS)
def test_extension_app_imports_nothing_from_the_reference_site(app):
    files = python_files(app)
    assert files, f"{app} has no Python files: the test would pass for nothing"
    offenders = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in files
        for name in imported_modules(path)
        if name == "website" or name.startswith("website.")
    ]
    assert offenders == []


def test_the_boundary_check_finds_an_import_inside_a_function(tmp_path):
    module = tmp_path / "module.py"
    module.write_text("def load():\n    from website.models import HomePage\n", encoding="utf-8")
    assert "website.models" in set(imported_modules(module))


@pytest.mark.parametrize("app", EXTENSION_APPS)
def test_extension_templates_use_nothing_of_the_reference_site(app):
    """``{% load site_tags %}`` would fail in a site without ``website``, and
    ``settings.website.SiteSettings`` would be empty there (the quick exit led nowhere)."""
    templates = sorted((ROOT / app / "templates").rglob("*.html")) if (ROOT / app / "templates").exists() else []
    offenders = [
        str(path.relative_to(ROOT))
        for path in templates
        for text in [path.read_text(encoding="utf-8")]
        if "site_tags" in text or "settings.website." in text
    ]
    assert offenders == []
