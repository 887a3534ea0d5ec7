"""The extension's apps can leave this repository, and carry every rule they promise.

A municipality installs ``plans``, ``information``, ``multilingual``, ``translations``, ``opendata`` and
``editorial`` into its own Wagtail site, where there is no ``website`` package: none of
them imports it. And the reference site holds no rule that docs/roles.md or
docs/translating.md promise to municipalities (issue 22, finding 2): no Wagtail hook
that refuses, hides or publishes, no admin URL, no signal on revisions, no module of
the rules. Every module is read with ``ast`` (migrations and management commands
included), so an import or a registration inside a function is found too.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXTENSION_APPS = ["plans", "information", "multilingual", "translations", "editorial", "opendata"]


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
    templates = (
        sorted((ROOT / app / "templates").rglob("*.html"))
        if (ROOT / app / "templates").exists()
        else []
    )
    offenders = [
        str(path.relative_to(ROOT))
        for path in templates
        for text in [path.read_text(encoding="utf-8")]
        if "site_tags" in text or "settings.website." in text
    ]
    assert offenders == []


# The reference site keeps only what is its own ---------------------------------------

#: Wagtail hooks through which the promised rules act: refusing (before_*), hiding
#: buttons and menu items (construct_*, register_*_buttons), the admin's own views
#: (register_admin_urls). ``fnmatch`` patterns.
RULE_HOOKS = (
    "before_publish*",
    "before_edit_*",
    "before_create_*",
    "before_delete_*",
    "before_move_page",
    "before_copy_page",
    "before_bulk_action",
    "construct_*_listing_buttons",
    "construct_*_action_menu",
    "register_*_listing_*buttons",
    "register_admin_urls",
    "after_publish*",
)

#: The modules of the promised rules, now in the extension: none of these names may
#: come back into ``website``.
RULE_MODULES = {
    "roles",
    "review",
    "review_lock",
    "four_eyes",
    "permissions",
    "translator_permissions",
    "localize_views",
    "submit_translations",
    "publish_translations",
    "translation",
    "search",
}


def registered_hooks(path):
    """The hook names ``path`` registers: ``hooks.register("name", fn)`` or as a decorator."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "register"
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "hooks"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            yield node.args[0].value


def test_the_reference_site_registers_no_hook_of_a_promised_rule():
    from fnmatch import fnmatch

    files = python_files("website")
    offenders = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in files
        for name in registered_hooks(path)
        if any(fnmatch(name, pattern) for pattern in RULE_HOOKS)
    ]
    assert offenders == []


def test_the_hook_check_finds_a_decorator_and_a_call(tmp_path):
    module = tmp_path / "wagtail_hooks.py"
    module.write_text(
        "from wagtail import hooks\n"
        "@hooks.register('before_edit_snippet', order=-1)\n"
        "def refuse(request, instance):\n    return None\n"
        "hooks.register('construct_page_listing_buttons', refuse)\n",
        encoding="utf-8",
    )
    assert list(registered_hooks(module)) == [
        "before_edit_snippet",
        "construct_page_listing_buttons",
    ]


def test_the_reference_site_has_no_module_of_a_promised_rule():
    names = {path.stem for path in (ROOT / "website").glob("*.py")}
    assert sorted(names & RULE_MODULES) == []


def test_the_reference_site_connects_no_signal_of_the_review_lock():
    """What a reviewer approves is what goes live (editorial.review_lock): a signal on
    Wagtail's revisions in ``website`` would be a rule a host does not get."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in python_files("website")
        for text in [path.read_text(encoding="utf-8")]
        if "sender=Revision" in text or "WorkflowState" in text or "TaskState" in text
    ]
    assert offenders == []


def test_the_reference_site_uses_the_extensions_rules_through_settings():
    """The finish action, the translators' middleware and the apps are the extension's."""
    from django.conf import settings

    assert (
        settings.WAGTAIL_FINISH_WORKFLOW_ACTION == "editorial.review_lock.publish_approved_revision"
    )
    assert "translations.localize_views.LocalizeViewReplacementMiddleware" in settings.MIDDLEWARE
    assert {"translations", "editorial"} <= set(settings.INSTALLED_APPS)
    assert not [
        entry
        for entry in settings.MIDDLEWARE
        if entry.startswith("website.") and "localize" in entry
    ]


@pytest.mark.parametrize("doc", ["docs/roles.md", "docs/translating.md"])
def test_the_promises_name_modules_of_the_extension_not_of_the_reference_site(doc):
    """A module path in the rules' docs (``website/review.py``, ``website.roles``) would send a
    host's developer to code they do not have: only settings and migrations of the reference
    site may be named there."""
    import re

    text = (ROOT / doc).read_text(encoding="utf-8")
    named = set(re.findall(r"website[./]([a-z_]+)", text))
    assert sorted(named - {"settings", "migrations"}) == []
