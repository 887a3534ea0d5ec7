"""``make bench`` imports the project's code inside its functions (Django is set up first),
so a renamed module or function breaks it only when someone runs it, often months later:
after the extension was split out, ``plans.demo`` and ``render_brochure_pdf`` were gone
and ``make bench`` stopped with an ImportError. This reads every bench script and checks
that each name it imports from the project still exists."""

import ast
import importlib
import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
PROJECT_PACKAGES = {"plans", "information", "multilingual", "website", "tests"}


def project_imports():
    for script in sorted(BENCH.glob("*.py")):
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module
                and node.module.split(".")[0] in PROJECT_PACKAGES
            ):
                for alias in node.names:
                    yield pytest.param(
                        node.module, alias.name, id=f"{script.name}:{node.module}.{alias.name}"
                    )


@pytest.mark.parametrize("module, name", list(project_imports()))
def test_what_the_bench_imports_exists(module, name):
    imported = importlib.import_module(module)
    assert hasattr(imported, name) or importlib.util.find_spec(f"{module}.{name}"), (
        f"{module} has no {name}"
    )


def test_the_bench_imports_something_from_the_project():
    assert len(list(project_imports())) > 10
