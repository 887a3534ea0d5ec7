"""System checks for a site that installs the extension (``manage.py check``).

Two mistakes that otherwise show only as odd behaviour far from their cause:

- a package of the host with the same top-level name as one of the extension's apps
  (``plans``, ``information``, ``multilingual``, ``translations``, ``editorial``, ``opendata``): Python imports whichever comes first on
  the path, usually the host's project folder, and the extension's app is silently not
  there (E001);
- a setting the extension used to read under another name (``multilingual.conf.RENAMED``):
  it still works, but will not for ever (W001).
"""

import importlib
import sys
from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from multilingual.conf import RENAMED

#: The extension's top-level packages: they always sit side by side (in site-packages,
#: or in this repository's folder).
EXTENSION_PACKAGES = (
    "multilingual",
    "plans",
    "information",
    "translations",
    "editorial",
    "opendata",
)


def package_folder(name):
    """The folder holding the top-level package ``name`` as Python imports it, or None."""
    module = sys.modules.get(name)
    if module is None:
        try:
            module = importlib.import_module(name)
        except ImportError:
            return None
    location = getattr(module, "__file__", None)
    if location is None:  # a namespace package: several folders, none of them ours
        paths = list(getattr(module, "__path__", []))
        return Path(paths[0]).resolve().parent if paths else None
    return Path(location).resolve().parent.parent


@register(Tags.compatibility)
def check_extension_packages_are_the_extensions(app_configs=None, **kwargs):
    """E001: a host package named like one of the extension's apps hides it."""
    home = Path(__file__).resolve().parent.parent
    errors = []
    for name in EXTENSION_PACKAGES:
        found = package_folder(name)
        if found is not None and found != home:
            errors.append(
                Error(
                    f"The package '{name}' that Python imports is {found / name}, not the "
                    f"Tillsammans mot våld extension's (in {home}).",
                    hint=(
                        f"Your site has a package or module named '{name}' that hides the "
                        "extension's app of that name. Rename yours (and its app label), "
                        "or move it out of the folder Python starts from."
                    ),
                    id="multilingual.E001",
                )
            )
    return errors


@register(Tags.compatibility)
def check_renamed_settings(app_configs=None, **kwargs):
    """W001: a setting under its old name."""
    return [
        Warning(
            f"The setting {old} is now called {new}; the old name will stop working in 1.0.",
            hint=f"Rename {old} to {new} in your settings.",
            id="multilingual.W001",
        )
        for old, new in RENAMED.items()
        if hasattr(settings, old)
    ]
