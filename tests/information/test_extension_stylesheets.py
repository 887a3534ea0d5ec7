"""The extension's stylesheets work in a host site that does not load the reference
site's ``site.css`` (where the custom properties are defined): every ``var(--x)`` carries
its own fallback, the same value as ``site.css``. Without one, the current plan tab and
the filter button were white on transparent."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STYLESHEETS = sorted(
    [*ROOT.glob("plans/static/**/*.css"), *ROOT.glob("information/static/**/*.css")]
)


def _var_calls(css):
    """Each ``var(...)`` call's arguments, nested parentheses included."""
    for match in re.finditer(r"var\(", css):
        depth, start = 1, match.end()
        for index in range(start, len(css)):
            depth += {"(": 1, ")": -1}.get(css[index], 0)
            if depth == 0:
                yield css[start:index]
                break


def _site_values():
    css = (ROOT / "website/static/website/css/site.css").read_text()
    root = css[css.index(":root") : css.index("}", css.index(":root"))]
    return {
        name: value.split("/*")[0].strip()
        for name, value in re.findall(r"(--[\w-]+):\s*([^;]+);", root)
    }


def test_there_are_stylesheets_to_check():
    assert {path.name for path in STYLESHEETS} >= {"plans.css", "information.css"}


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda path: path.name)
def test_every_custom_property_has_the_site_value_as_fallback(path):
    site = _site_values()
    missing, different = [], []
    for arguments in _var_calls(path.read_text()):
        name, _comma, fallback = arguments.partition(",")
        if not _comma:
            missing.append(name.strip())
        elif name.strip() in site and fallback.strip() != site[name.strip()]:
            different.append(f"{name.strip()}: {fallback.strip()} (site.css: {site[name.strip()]})")
    assert missing == []
    assert different == []
