"""Where test code lives (docs/testing.md, "Layout"): a test asks for a fixture by name and
imports plain helpers from tests/helpers/ (or another plain module), never from a conftest
file or a test module. Importing a fixture registers a second copy where it is imported
(an autouse one then runs there too), and helpers in test modules tie unrelated tests
together."""

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def _fixture_names(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        and any("fixture" in ast.unparse(decorator) for decorator in node.decorator_list)
    }


def layout_problems(tests):
    """Every import of test code that breaks the rule: ``path:line: from module import names``."""
    modules = {
        ".".join(path.relative_to(tests.parent).with_suffix("").parts): path
        for path in tests.rglob("*.py")
    }
    problems = []
    for path in sorted(modules.values()):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.ImportFrom) and node.module in modules):
                continue
            last = node.module.rsplit(".", 1)[-1]
            names = [alias.name for alias in node.names]
            fixtures = _fixture_names(modules[node.module]) & set(names)
            if last == "conftest" or last.startswith("test_") or fixtures:
                where = path.relative_to(tests.parent)
                problems.append(
                    f"{where}:{node.lineno}: from {node.module} import {', '.join(names)}"
                )
    return problems


def test_no_test_code_imports_a_fixture_or_anything_from_a_conftest_or_test_module():
    assert layout_problems(TESTS) == []
