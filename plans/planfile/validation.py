"""Every problem of a plan file, each with its place: the JSON Schema
(``plans/plan.schema.json``) first, then what a schema cannot say (duplicate identifiers,
unknown organisation keys, dates that do not exist, a status that contradicts the latest
follow-up)."""

import json
from datetime import date
from pathlib import Path

import jsonschema
from django.conf import settings

from plans.planfile.schema_messages import describe

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "plan.schema.json"


def schema():
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _measures_with_places(plan):
    for a, area in enumerate(plan.get("focus_areas") or []):
        for m, measure in enumerate(area.get("measures") or []):
            yield f"plan.focus_areas[{a}].measures[{m}]", area, None, measure
        for g, goal in enumerate(area.get("goals") or []):
            for m, measure in enumerate(goal.get("measures") or []):
                yield f"plan.focus_areas[{a}].goals[{g}].measures[{m}]", area, goal, measure


def normalise(value):
    """Dates written by other YAML readers (``datetime.date``) as the ISO text this module reads."""
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def validate(data, locale_code=None):
    """Every problem of the file, each naming its place; an empty list when it is valid."""
    data = normalise(data)
    problems = []
    if locale_code is not None:
        known = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        if locale_code not in known:
            problems.append(
                f"--locale: unknown locale '{locale_code}'; the site's languages are {', '.join(known)}"
            )
    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    # An error in a oneOf/anyOf branch is reported once, by its parent.
    problems.extend(describe(error) for error in errors)
    if errors:
        return problems

    plan = data["plan"]
    org_keys = {}
    for i, org in enumerate(plan.get("organisations") or []):
        if org["key"] in org_keys:
            problems.append(
                f"plan.organisations[{i}].key '{org['key']}' is used twice (also plan.organisations[{org_keys[org['key']]}])"
            )
        org_keys.setdefault(org["key"], i)

    seen_areas = {}
    for a, area in enumerate(plan["focus_areas"]):
        identity = _area_identity(area)
        if identity in seen_areas:
            what = "number" if area.get("number") not in (None, "") else "title"
            problems.append(
                f"plan.focus_areas[{a}].{what} '{identity}' is used twice (also plan.focus_areas[{seen_areas[identity]}])"
            )
        seen_areas.setdefault(identity, a)

    identifiers = {}
    for where, _area, _goal, measure in _measures_with_places(plan):
        updates = [
            u for u in measure.get("status_updates") or [] if _date(u["date"], [], "") is not None
        ]
        if updates and measure.get("status"):
            _index, latest = max(enumerate(updates), key=lambda pair: (pair[1]["date"], pair[0]))
            if latest["status"] != measure["status"]:
                problems.append(
                    f"{where}.status: {measure['status']!r} contradicts the latest follow-up "
                    f"({latest['date']}: {latest['status']}); the latest follow-up sets the status, so leave 'status' out"
                )
        identifier = measure.get("identifier")
        if identifier:
            if identifier in identifiers:
                problems.append(
                    f"{where}.identifier '{identifier}' is used twice (also {identifiers[identifier]})"
                )
            identifiers.setdefault(identifier, where)
        for r, responsible in enumerate(measure.get("responsible") or []):
            key = responsible.get("organisation")
            if key and key not in org_keys:
                problems.append(
                    f"{where}.responsible[{r}].organisation '{key}' is not in plan.organisations"
                )
        for u, update in enumerate(measure.get("status_updates") or []):
            if _date(update["date"], problems, f"{where}.status_updates[{u}].date") is None:
                continue
        _date(measure.get("due_date"), problems, f"{where}.due_date")

    for name in ("decision_date", "last_revised", "valid_from", "valid_until"):
        _date(plan.get(name), problems, f"plan.{name}")
    for i, revision in enumerate(plan.get("revisions") or []):
        _date(revision["date"], problems, f"plan.revisions[{i}].date")
    if plan.get("valid_until") and plan.get("until_further_notice"):
        problems.append(
            "plan.valid_until: give either valid_until or until_further_notice: true, not both"
        )
    return problems


def _date(text, problems, where):
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        problems.append(f"{where}: {text!r} is not a real date")
        return None


def _area_identity(area):
    number = area.get("number")
    return str(number) if number not in (None, "") else area["title"]
