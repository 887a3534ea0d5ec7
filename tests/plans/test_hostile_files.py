"""``import_plan`` on hostile files: each is refused quickly, with one line naming the
problem and its place, the command exits non-zero and nothing is written."""

import os
import resource
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from plans.planfile import PlanFileError, parse
from tests.helpers.plan_import import run_import, snapshot, write
from tests.helpers.plans import make_plan_data

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]

BILLION_LAUGHS = textwrap.dedent(
    """\
    format: 1
    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
    g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
    h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
    i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
    plan: *i
    """
)


def plan_yaml(**changes):
    data = make_plan_data(2)
    data["plan"].update(changes)
    return yaml.safe_dump(data, allow_unicode=True)


def assert_refused(tmp_path, capsys, text, *expected):
    """The command refuses ``text``: exit code 1, no traceback, the expected words, nothing written."""
    before = snapshot()
    code, err = run_import(write(tmp_path, text), capsys=capsys)
    assert code == 1
    assert "Traceback" not in err
    problems = [line for line in err.splitlines() if line.startswith(str(tmp_path))]
    assert len(problems) == 1, err
    for words in expected:
        assert words in problems[0], err
    assert snapshot() == before
    return problems[0]


def _limit_memory():
    limit = 1024 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def run_guarded(*argv):
    """Run Python in a child process capped at 1 GB of address space and 60 s, so that a
    loader that expands the aliases fails the test quickly instead of eating the machine
    (before the fix: minutes, then MemoryError at 5.9 GB)."""
    return subprocess.run(
        [sys.executable, *argv],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_limit_memory,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "website.settings.test"},
    )


def test_a_billion_laughs_file_is_refused_by_the_loader(tmp_path):
    path = tmp_path / "laughs.yaml"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    code = (
        "import sys\n"
        "from plans.yamlfile import load_plan_yaml, UnsafePlanFile\n"
        "try:\n"
        "    load_plan_yaml(open(sys.argv[1], encoding='utf-8').read())\n"
        "except UnsafePlanFile as error:\n"
        "    print('refused:', error.message)\n"
    )
    result = run_guarded("-c", code, str(path))
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("refused: line 3, column 8: ")
    assert "alias" in result.stdout


def test_a_billion_laughs_file_is_refused_by_the_command(tmp_path):
    """The file is refused as it is read, before the database is touched."""
    path = tmp_path / "laughs.yaml"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    result = run_guarded("manage.py", "import_plan", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        f"{path}: invalid YAML: line 3, column 8: YAML aliases (*a) are not allowed"
        in result.stderr
    )


def test_deep_nesting_is_refused(tmp_path, plan_index, capsys):
    text = "format: 1\nplan: " + "[" * 5_000 + "]" * 5_000 + "\n"
    assert_refused(tmp_path, capsys, text, "line 2", "nested deeper than")


def test_a_ten_megabyte_title_is_refused(tmp_path, plan_index, capsys):
    text = plan_yaml(title="TITLE").replace("title: TITLE", "title: " + "A" * 10_000_000)
    assert_refused(tmp_path, capsys, text, "larger than 5 MB")


def test_a_long_string_in_a_small_enough_file_is_refused_with_its_place(
    tmp_path, plan_index, capsys
):
    line = assert_refused(tmp_path, capsys, plan_yaml(vision="Ord " * 30_000), "longer than")
    assert "line " in line


def test_a_lone_surrogate_is_refused_with_its_place(tmp_path, plan_index, capsys):
    text = plan_yaml(title="TITLE").replace("title: TITLE", 'title: "Plan \\ud800"')
    assert '"Plan \\ud800"' in text
    assert_refused(tmp_path, capsys, text, "line ", "surrogate")


def test_a_hundred_thousand_digit_number_is_refused(tmp_path, plan_index, capsys):
    text = plan_yaml(version="VERSION").replace("version: VERSION", "version: " + "9" * 100_000)
    assert_refused(tmp_path, capsys, text, "line ", "100000 digits")


def test_a_duplicate_key_is_refused_with_its_place():
    text = "format: 1\nplan:\n  key: one\n  title: A plan\n  key: two\n"
    with pytest.raises(PlanFileError) as error:
        parse(text)
    assert error.value.problems == [
        "invalid YAML: line 5, column 3: the key 'key' is given twice (also line 3)"
    ]


def test_a_duplicate_key_is_refused_by_the_command(tmp_path, plan_index, capsys):
    text = plan_yaml(title="TITLE").replace(
        "  title: TITLE\n", "  title: TITLE\n  title: Another\n"
    )
    assert_refused(tmp_path, capsys, text, "the key 'title' is given twice")


def test_an_ordinary_plan_file_still_loads():
    data = parse(plan_yaml())
    assert data == make_plan_data(2)


def test_a_title_longer_than_a_page_title_can_be_is_refused(tmp_path, plan_index, capsys):
    assert_refused(tmp_path, capsys, plan_yaml(title="Plan " * 100), "cannot be saved", "255")


def test_a_directory_instead_of_a_file_is_refused(tmp_path, plan_index, capsys):
    code, err = run_import(tmp_path, capsys=capsys)
    assert code == 1
    assert "Traceback" not in err and "Is a directory" in err
