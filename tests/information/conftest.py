"""Fixtures of the information tests: a host's base template (`wagtail start`'s)."""

from pathlib import Path

import pytest
import wagtail
from django.template import Context, Engine

WAGTAIL_START_BASE = (
    Path(wagtail.__file__).parent / "project_template" / "project_name" / "templates" / "base.html"
)


@pytest.fixture
def host_base(tmp_path, settings):
    """The project's templates folder holds only `wagtail start`'s base.html (project
    "hostsite"), and the frame middleware is on, as docs/install.md step 2 says."""
    made = (
        Engine()
        .from_string(WAGTAIL_START_BASE.read_text(encoding="utf-8"))
        .render(Context({"project_name": "hostsite"}))
    )
    assert '<html lang="en">' in made and "css/hostsite.css" in made
    (tmp_path / "base.html").write_text(made, encoding="utf-8")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "information.frame.PageFrameMiddleware"]
    return tmp_path
