"""``import_plan`` rejects a bad file with every problem named by its place, exits
non-zero and leaves the database as it was."""

import copy

import pytest

from plans.planfile import PlanFileError, parse, validate
from tests.helpers.plan_import import run_import, snapshot, write
from tests.helpers.plans import make_plan_data

pytestmark = pytest.mark.django_db


def broken(mutate):
    data = make_plan_data(12)
    mutate(data)
    return data


def test_invalid_yaml_is_rejected_with_its_line(tmp_path, plan_index, capsys):
    before = snapshot()
    path = write(tmp_path, "format: 1\nplan:\n  key: x\n  title: [unclosed\n")
    code, err = run_import(path, capsys=capsys)
    assert code != 0
    assert "invalid YAML: line 5" in err
    assert "nothing was imported" in err
    assert snapshot() == before


def test_missing_required_fields_are_named(tmp_path, plan_index, capsys):
    def mutate(data):
        del data["plan"]["title"]
        del data["plan"]["focus_areas"][1]["measures"][0]["title"]

    before = snapshot()
    code, err = run_import(write(tmp_path, broken(mutate)), capsys=capsys)
    assert code != 0
    assert "plan: 'title' is required" in err
    assert "plan.focus_areas[1].measures[0]: 'title' is required" in err
    assert snapshot() == before


def test_duplicate_identifiers_are_named_with_both_places(tmp_path, plan_index, capsys):
    def mutate(data):
        data["plan"]["focus_areas"][0]["measures"][1]["identifier"] = "1:3"
        data["plan"]["focus_areas"][0]["measures"][0]["identifier"] = "1:3"

    before = snapshot()
    code, err = run_import(write(tmp_path, broken(mutate)), capsys=capsys)
    assert code != 0
    assert (
        "plan.focus_areas[0].measures[1].identifier '1:3' is used twice (also plan.focus_areas[0].measures[0])"
        in err
    )
    assert snapshot() == before


def test_unknown_prevention_level_is_named(tmp_path, plan_index, capsys):
    def mutate(data):
        data["plan"]["focus_areas"][0]["measures"][2]["prevention_levels"] = [
            "universal",
            "universell",
        ]

    before = snapshot()
    code, err = run_import(write(tmp_path, broken(mutate)), capsys=capsys)
    assert code != 0
    assert (
        "plan.focus_areas[0].measures[2].prevention_levels[1]: 'universell' is not one of universal, selective, indicated"
        in err
    )
    assert snapshot() == before


def test_unknown_locale_is_rejected(tmp_path, plan_index, capsys):
    before = snapshot()
    code, err = run_import(write(tmp_path, make_plan_data(3)), "--locale", "xx", capsys=capsys)
    assert code != 0
    assert "--locale: unknown locale 'xx'" in err
    assert snapshot() == before


def test_unknown_organisation_key_is_named(tmp_path, plan_index, capsys):
    def mutate(data):
        data["plan"]["focus_areas"][1]["measures"][0]["responsible"][0]["organisation"] = "nosuch"

    before = snapshot()
    code, err = run_import(write(tmp_path, broken(mutate)), capsys=capsys)
    assert code != 0
    assert (
        "plan.focus_areas[1].measures[0].responsible[0].organisation 'nosuch' is not in plan.organisations"
        in err
    )
    assert snapshot() == before


def test_every_problem_is_reported_at_once():
    data = make_plan_data(12)
    data["plan"]["focus_areas"][0]["measures"][0]["status"] = "finished"
    data["plan"]["valid_from"] = "2024-13-01"
    data["plan"]["focus_areas"][1]["measures"][0]["identifier"] = 2.1
    problems = validate(data)
    assert (
        "plan.focus_areas[0].measures[0].status: 'finished' is not one of not_started, ongoing, done, continuous"
        in problems
    )
    assert (
        "plan.focus_areas[1].measures[0].identifier: 2.1 looks like a number; write it in quotes ('2.1') so it is kept as written"
        in problems
    )
    data["plan"]["focus_areas"][0]["measures"][0]["status"] = (
        "ongoing"  # as its latest follow-up says
    )
    data["plan"]["focus_areas"][1]["measures"][0]["identifier"] = "2.1"
    assert validate(data) == ["plan.valid_from: '2024-13-01' is not a real date"]


def test_a_file_that_is_not_a_mapping_is_rejected():
    with pytest.raises(PlanFileError) as error:
        parse("- just\n- a list\n")
    assert error.value.problems == ["the file must be a YAML mapping with 'format' and 'plan'"]


def test_a_failure_half_way_writes_nothing(plan_index, monkeypatch):
    """A valid file whose import fails late (here: saving a focus area) leaves no trace."""
    from plans import planfile
    from plans.planfile import importing

    data = make_plan_data(12)
    calls = {"n": 0}
    real_save = importing._save

    def failing_save(page, publish):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk full")
        return real_save(page, publish)

    monkeypatch.setattr(importing, "_save", failing_save)
    before = snapshot()
    with pytest.raises(RuntimeError):
        planfile.import_plan(copy.deepcopy(data), publish=True)
    assert snapshot() == before


def test_the_demo_files_are_valid():
    from tests.helpers.plans import DEMO_PLAN_FILES

    assert len(DEMO_PLAN_FILES) == 3
    for path in DEMO_PLAN_FILES:
        assert validate(parse(path.read_text(encoding="utf-8"))) == [], path.name


def test_the_schema_knows_the_same_words_as_the_models():
    from plans.planfile import schema
    from plans.vocabulary import (
        ORGANISATION_KINDS,
        PREVENTION_LEVELS,
        ROLES,
        SCOPES,
        STATUS,
        TARGET_GROUPS,
    )

    defs = schema()["$defs"]
    measure = defs["measure"]["properties"]
    assert defs["status"]["enum"] == STATUS.keys
    assert measure["prevention_levels"]["items"]["enum"] == PREVENTION_LEVELS.keys
    assert measure["target_groups"]["items"]["enum"] == TARGET_GROUPS.keys
    assert measure["responsible"]["items"]["properties"]["role"]["enum"] == ROLES.keys
    assert defs["plan"]["properties"]["scope"]["items"]["enum"] == SCOPES.keys
    assert (
        defs["plan"]["properties"]["organisations"]["items"]["properties"]["kind"]["enum"]
        == ORGANISATION_KINDS.keys
    )
