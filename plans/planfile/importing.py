"""Plan files (``docs/plan-format.md``): read, validate, import and export whole plans.

``import_plan`` and ``export_plan`` (the management commands) and the demo loader only
wire arguments to the functions here:

- :func:`parse` turns YAML text into data, or reports where the YAML is broken;
- :func:`validate` lists every problem with its place in the file (JSON Schema first,
  then what a schema cannot say: duplicate identifiers, unknown organisation keys …);
- :func:`import_plan` writes a valid plan in one transaction, updating a plan with the
  same key in place (focus areas by number or title, measures by identifier or title);
- :func:`export_plan` writes a plan back in the same format.

Export then import then export gives the same file.
"""

import html
import json
import re
import uuid
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import yaml
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale, Page, ReferenceIndex
from wagtail.rich_text import RichText

from plans.models import (
    FocusAreaGoal,
    FocusAreaPage,
    FocusAreaRemoval,
    Measure,
    Organisation,
    PlanIndexPage,
    PlanPage,
    PlanRevision,
    Responsibility,
    StatusUpdate,
    lines,
    references_indexed_by_caller,
)
from plans.yamlfile import MAX_FILE_BYTES, load_plan_yaml
from plans.vocabulary import PLAN_LABELS

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "plan.schema.json"
FORMAT_VERSION = 1
KEY_NAMESPACE = uuid.UUID("0b6e9e43-2f43-4d8e-8a2b-6a1f0c5d9e77")


class PlanFileError(Exception):
    """A plan file that cannot be imported; ``problems`` lists every reason with its place
    (and ``changes``, when known, what the import would have changed)."""

    def __init__(self, problems, changes=None):
        self.problems = list(problems)
        self.changes = changes
        super().__init__("\n".join(self.problems))


def schema():
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


# Reading -----------------------------------------------------------------------------------


def parse(text):
    """The data of a plan file's text; :class:`PlanFileError` when the YAML is broken or
    refused as unsafe (aliases, deep nesting, huge texts or numbers: see ``plans.yamlfile``)."""
    try:
        data = load_plan_yaml(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise PlanFileError([f"invalid YAML: {where}{problem}" if mark else problem]) from error
    if not isinstance(data, dict):
        raise PlanFileError(["the file must be a YAML mapping with 'format' and 'plan'"])
    return data


def read(path):
    try:
        if Path(path).stat().st_size > MAX_FILE_BYTES:
            raise PlanFileError([f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB"])
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise PlanFileError([f"{path}: no such file"]) from error
    except UnicodeDecodeError as error:
        raise PlanFileError([f"{path}: not UTF-8 text"]) from error
    except OSError as error:
        raise PlanFileError([f"{path}: {error.strerror or error}"]) from error
    return parse(text)


# Validating --------------------------------------------------------------------------------


#: Unknown fields named in one problem at most (the rest are counted).
MAX_LISTED = 10


def place(path):
    """``plan.focus_areas[0].measures[3].identifier`` from a JSON Schema error path."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def _describe(error):
    where = place(error.absolute_path)
    value = error.instance
    if error.validator == "required":
        missing = re.search(r"'([^']+)' is a required property", error.message)
        name = missing.group(1) if missing else error.message
        return f"{where}: '{name}' is required"
    if error.validator == "additionalProperties":
        extra = re.findall(r"'([^']+)'", error.message)
        shown = ", ".join(repr(e[:60]) for e in extra[:MAX_LISTED])
        more = f" and {len(extra) - MAX_LISTED:,} more" if len(extra) > MAX_LISTED else ""
        return f"{where}: unknown field {shown}{more}"
    if error.validator == "enum":
        return f"{where}: {value!r} is not one of {', '.join(map(str, error.validator_value))}"
    if error.validator == "const":
        return f"{where}: must be {error.validator_value!r}"
    if error.validator == "type":
        if isinstance(value, float):
            return f"{where}: {value!r} looks like a number; write it in quotes ('{value}') so it is kept as written"
        return f"{where}: expected {' or '.join(_type_names(error.validator_value))}, found {_type_name(value)}"
    if error.validator == "pattern":
        if "[0-9]{4}" in error.validator_value:
            return f"{where}: {value!r} is not a date written as YYYY-MM-DD"
        if "\\n" in error.validator_value:
            return f"{where}: must be a single line"
        return f"{where}: {value!r} may only contain letters a–z, digits, '-' and '_'"
    if error.validator == "minLength":
        return f"{where}: must not be empty"
    if error.validator == "maxLength":
        return f"{where}: is longer than {error.validator_value} characters"
    if error.validator == "uniqueItems":
        return f"{where}: lists the same value twice"
    if error.validator == "oneOf":
        return f"{where}: give either 'organisation' (a key) or 'text', not both or neither"
    return f"{where}: {error.message}"


def _type_names(types):
    names = {"string": "text", "array": "a list", "object": "a mapping", "integer": "a whole number",
             "boolean": "true or false", "null": "nothing (null)", "number": "a number"}
    types = types if isinstance(types, list) else [types]
    return [names.get(t, t) for t in types]


def _type_name(value):
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


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
            problems.append(f"--locale: unknown locale '{locale_code}'; the site's languages are {', '.join(known)}")
    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    # An error in a oneOf/anyOf branch is reported once, by its parent.
    problems.extend(_describe(error) for error in errors)
    if errors:
        return problems

    plan = data["plan"]
    org_keys = {}
    for i, org in enumerate(plan.get("organisations") or []):
        if org["key"] in org_keys:
            problems.append(f"plan.organisations[{i}].key '{org['key']}' is used twice (also plan.organisations[{org_keys[org['key']]}])")
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
        updates = [u for u in measure.get("status_updates") or [] if _date(u["date"], [], "") is not None]
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
                problems.append(f"{where}.identifier '{identifier}' is used twice (also {identifiers[identifier]})")
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
        problems.append("plan.valid_until: give either valid_until or until_further_notice: true, not both")
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


# Importing ---------------------------------------------------------------------------------


def stable_uuid(*parts):
    return uuid.uuid5(KEY_NAMESPACE, ":".join(str(p) for p in parts))


def text_to_html(text):
    """Plan-file text to rich text: blank lines separate paragraphs, "- " starts a bullet."""
    out = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        paragraph, bullets = [], []
        for line in chunk.splitlines():
            line = line.strip()
            if line.startswith("- "):
                if paragraph:
                    out.append("<p>" + html.escape(" ".join(paragraph), quote=False) + "</p>")
                    paragraph = []
                bullets.append(line[2:].strip())
            else:
                if bullets:
                    out.append("<ul>" + "".join(f"<li>{html.escape(b, quote=False)}</li>" for b in bullets) + "</ul>")
                    bullets = []
                paragraph.append(line)
        if paragraph:
            out.append("<p>" + html.escape(" ".join(paragraph), quote=False) + "</p>")
        if bullets:
            out.append("<ul>" + "".join(f"<li>{html.escape(b, quote=False)}</li>" for b in bullets) + "</ul>")
    return "".join(out)


class _TextFromHTML(HTMLParser):
    """Rich text back to plan-file text (paragraphs, bullets; inline markup dropped)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []  # each a paragraph string or a list of bullets
        self.current = None
        self.in_list = False

    def handle_starttag(self, tag, attrs):
        if tag in ("ul", "ol"):
            self.in_list = True
            self.parts.append([])
        elif tag == "li":
            self.current = []
        elif tag in ("p", "h2", "h3", "h4", "h5", "h6", "blockquote"):
            self.current = []
        elif tag == "br" and self.current is not None:
            self.current.append(" ")

    def handle_endtag(self, tag):
        if tag in ("ul", "ol"):
            self.in_list = False
        elif tag == "li" and self.current is not None:
            self.parts[-1].append(" ".join("".join(self.current).split()))
            self.current = None
        elif tag in ("p", "h2", "h3", "h4", "h5", "h6", "blockquote") and self.current is not None:
            text = " ".join("".join(self.current).split())
            if text:
                self.parts.append(text)
            self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.current.append(data)

    def text(self):
        chunks = []
        for part in self.parts:
            if isinstance(part, list):
                if part:
                    chunks.append("\n".join(f"- {item}" for item in part))
            else:
                chunks.append(part)
        return "\n\n".join(chunks) + "\n" if chunks else ""


def html_to_text(source):
    parser = _TextFromHTML()
    parser.feed(source)
    parser.close()
    return parser.text()


def _lines(items):
    return "\n".join(items or [])


def _str(value):
    return "" if value is None else str(value)


# The field table -------------------------------------------------------------------------


class FileField:
    """One key of a plan file and the model field it fills, read by the importer and
    written by the exporter from this one entry, so the two cannot drift apart.

    ``kind`` says how a value crosses: ``text`` (empty ↔ absent), ``lines`` (a list in the
    file, one per line in the field), ``date`` (ISO text), ``choices`` (a list of keys),
    ``flag`` (true/false)."""

    def __init__(self, key, kind="text", attribute=None):
        self.key, self.kind, self.attribute = key, kind, attribute or key

    def read(self, data, model):
        """The model value for this key of the file's ``data`` (already validated)."""
        value = data.get(self.key)
        if self.kind == "lines":
            return _lines(value)
        if self.kind == "date":
            return _as_date(value)
        if self.kind == "choices":
            # In choice order, as the field gives them back from the database, so that an
            # unchanged file compares equal to what is stored (see _save_if_changed).
            return _choices(model, self.attribute, value)
        if self.kind == "flag":
            return bool(value)
        return _str(value)

    def write(self, obj):
        """The file value of this field of ``obj``: None when the field is empty (a flag
        is always true or false)."""
        value = getattr(obj, self.attribute)
        if self.kind == "lines":
            return _none(lines(value))
        if self.kind == "date":
            return _iso(value)
        if self.kind == "choices":
            return _none(list(value))
        if self.kind == "flag":
            return bool(value)
        return _none(value)


def read_fields(table, data, model):
    return {field.attribute: field.read(data, model) for field in table}


def write_fields(table, obj):
    return {field.key: field.write(obj) for field in table}


# A plan's facts (written before its revision log) and its texts (after it).
PLAN_FACTS = [
    FileField("municipality"),
    FileField("scope", "choices"),
    FileField("deciding_body"),
    FileField("decision_date", "date"),
    FileField("last_revised", "date"),
    FileField("valid_from", "date"),
    FileField("valid_until", "date"),
    FileField("until_further_notice", "flag"),
    FileField("document_owner"),
    FileField("registration_number"),
    FileField("version"),
]
PLAN_TEXTS = [
    FileField("summary"),
    FileField("vision"),
    FileField("overall_goals", "lines"),
    FileField("target_groups", "lines"),
    FileField("follow_up"),
]
FOCUS_AREA_FIELDS = [
    FileField("number"),
    FileField("label"),
    FileField("title"),
    FileField("introduction"),
    FileField("conditions", "lines"),
]
# A measure's own columns, before and after its responsible bodies in the file.
MEASURE_HEAD = [
    FileField("identifier"),
    FileField("title"),
    FileField("activities", "lines"),
]
MEASURE_TAIL = [
    FileField("responsible_as_written"),
    FileField("prevention_levels", "choices"),
    FileField("target_groups", "choices"),
    FileField("time_frame"),
    FileField("due_date", "date"),
    FileField("follow_up"),
    FileField("note"),
]


def find_parent(parent_path, locale):
    """The page to put a new plan under: ``--parent`` (a page id or URL path such as
    ``/hem/handlingsplaner/``) or the first plan index page in the locale."""
    if parent_path:
        pages = Page.objects.filter(locale=locale)
        if str(parent_path).isdigit():
            page = pages.filter(pk=int(parent_path)).first()
        else:
            wanted = "/" + str(parent_path).strip("/") + "/"
            page = pages.filter(url_path=wanted).first() or pages.filter(url_path__endswith=wanted).first()
        if page is None:
            raise PlanFileError([f"--parent: no page '{parent_path}' in locale '{locale.language_code}'"])
        page = page.specific
        if not isinstance(page, PlanIndexPage):
            raise PlanFileError([f"--parent: '{parent_path}' is a {page._meta.verbose_name}, not a page with plans"])
        return page
    page = PlanIndexPage.objects.filter(locale=locale).order_by("path").first()
    if page is None:
        raise PlanFileError(
            [
                f"no page with plans (PlanIndexPage) in locale '{locale.language_code}': run "
                "`manage.py vinr_setup` (it makes one, and the home page in that language if the "
                "site has none), create one in the admin, or give --parent"
            ]
        )
    return page


def _save(page, publish):
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def _save_if_changed(page, publish, unchanged):
    """Save a revision of ``page`` (and publish it) unless nothing would change.

    ``unchanged`` says the file gives the page what it already has. A live page with no
    draft pending then keeps its history as it is: ``load_demo`` re-imports the seed
    plans on every run, and a revision per page per run would bury the editors' own.
    """
    if unchanged and page.live and not page.has_unpublished_changes:
        return page
    return _save(page, publish)


class Changes:
    """What an import adds, changes and removes, as plan-file items ("measure 2:1 …")."""

    def __init__(self, before, after):
        old, new = _inventory(before), _inventory(after)
        self.added = [label for key, (label, _content) in new.items() if key not in old]
        self.changed = [label for key, (label, content) in new.items() if key in old and old[key][1] != content]
        self.removed = [label for key, (label, _content) in old.items() if key not in new]
        self.counts = {}
        for kind in ("focus area", "measure"):
            before_keys = [key for key in old if key[0] == kind]
            self.counts[kind] = {
                "removed": sum(1 for key in before_keys if key not in new),
                "kept": sum(1 for key in before_keys if key in new),
            }

    def __bool__(self):
        return bool(self.added or self.changed or self.removed)

    def lines(self):
        return (
            [f"added: {label}" for label in self.added]
            + [f"changed: {label}" for label in self.changed]
            + [f"removed: {label}" for label in self.removed]
        )

    def too_many_removals(self):
        """Why the file needs ``--allow-removals``, or ``None``: it removes every focus area,
        or more focus areas or measures than it keeps (a truncated or wrong file, most likely)."""
        reasons = []
        for kind in ("focus area", "measure"):
            removed, kept = self.counts[kind]["removed"], self.counts[kind]["kept"]
            if removed and removed > kept:
                total = removed + kept
                reasons.append(f"{'all' if not kept else f'{removed} of'} {total} {kind}{'s' if total > 1 else ''}")
        if not reasons:
            return None
        return (
            f"the file removes {' and '.join(reasons)} (more than it keeps); "
            "check the file, or give --allow-removals if that is meant"
        )


def _inventory(data):
    """Each plan-file item of ``data`` (an export) by identity: ``{key: (label, content)}``."""
    items = {}
    if data is None:
        return items
    plan = data["plan"]
    items[("plan",)] = (f"plan '{plan['key']}'", {k: v for k, v in plan.items() if k not in ("focus_areas", "organisations")})
    for area in plan["focus_areas"]:
        identity = _area_identity(area)
        content = {k: v for k, v in area.items() if k not in ("goals", "measures")}
        content["goals"] = [{k: v for k, v in g.items() if k != "measures"} for g in area.get("goals") or []]
        number = f"{area['number']} " if area.get("number") else ""
        items[("focus area", identity)] = (f"focus area {number}'{area['title']}'", content)
    seen_titles = {}
    for _where, area, goal, measure in _measures_with_places(plan):
        # A measure without a title is a row of its goal (docs/plan-format.md): named by it.
        title = measure.get("title") or (goal or {}).get("title", "")
        if measure.get("identifier"):
            key = ("measure", measure["identifier"])
            label = f"measure {measure['identifier']} '{title}'"
        else:
            title_key = (_area_identity(area), title)
            n = seen_titles.get(title_key, 0)
            seen_titles[title_key] = n + 1
            key = ("measure", _area_identity(area), title, n)
            label = f"measure '{title}' (focus area {_area_identity(area)})"
        items[key] = (label, {**measure, "goal": goal and {k: v for k, v in goal.items() if k != "measures"}})
    return items


def _validation_message(error):
    if hasattr(error, "message_dict"):
        parts = [f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()]
    else:
        parts = error.messages
    return "cannot be saved: " + "; ".join(parts)


class ImportResult:
    """What :func:`import_plan_file` did (or, for a dry run, would do)."""

    def __init__(self, plan, created, changes, dry_run, publish):
        self.plan, self.created, self.changes = plan, created, changes
        self.dry_run, self.publish = dry_run, publish


class _RollBack(Exception):
    def __init__(self, result):
        self.result = result


def import_plan(data, *, parent_path=None, locale_code=None, publish=False, allow_removals=False):
    """Validate ``data`` and write it as a plan; returns ``(plan_page, created)``.

    The short form of :func:`import_plan_file` for code that loads files it trusts (the
    demo loader, tests).
    """
    result = import_plan_file(
        data, parent_path=parent_path, locale_code=locale_code, publish=publish, allow_removals=allow_removals
    )
    return result.plan, result.created


def import_plan_file(data, *, parent_path=None, locale_code=None, publish=False, dry_run=False, allow_removals=False):
    """Validate ``data`` and write it as a plan; returns an :class:`ImportResult`.

    Nothing is written when the file has problems (:class:`PlanFileError`), when it
    removes more than it keeps without ``allow_removals``, when anything fails half-way
    (one transaction), or for a ``dry_run`` (written, compared, then rolled back).

    Without ``publish`` nothing live changes: new and changed pages get draft revisions,
    measures the file no longer has are missing from their focus area's draft, and focus
    areas it no longer has are recorded as removed (``FocusAreaRemoval``) and go offline
    when the plan is published. Nothing is deleted: a removed focus area is unpublished
    with its revisions, a removed measure lives on in its focus area's revisions.
    """
    locale_code = locale_code or settings.LANGUAGE_CODE
    data = normalise(data)
    problems = validate(data, locale_code)
    if problems:
        raise PlanFileError(problems)
    try:
        with transaction.atomic():
            locale, _created = Locale.objects.get_or_create(language_code=locale_code)
            existing = PlanPage.objects.filter(plan_key=data["plan"]["key"], locale=locale).first()
            before = export_data(existing) if existing else None
            # Wagtail re-indexes a page's references on every save of every inline child, which
            # for a plan of 200 measures means re-reading the page a thousand times. Index each
            # page once, at the end, instead.
            with references_indexed_by_caller():
                try:
                    plan, created = _write_plan(data["plan"], locale, parent_path, publish and not dry_run)
                except ValidationError as error:
                    # What the schema does not limit but the database does (a page title
                    # of 300 characters): one line, not a traceback.
                    raise PlanFileError([_validation_message(error)]) from error
            changes = Changes(before, export_data(plan))
            refusal = None if allow_removals else changes.too_many_removals()
            if refusal:
                raise PlanFileError([refusal], changes=changes)
            result = ImportResult(plan, created, changes, dry_run, publish)
            if dry_run:
                raise _RollBack(result)
            if publish:
                FocusAreaRemoval.apply_pending(plan)
            for page in [plan, *FocusAreaPage.objects.child_of(plan)]:
                ReferenceIndex.create_or_update_for_object(page)
            return result
    except _RollBack as rollback:
        return rollback.result


def _write_plan(plan_data, locale, parent_path, publish):
    organisations = {}
    for org in plan_data.get("organisations") or []:
        obj, _created = Organisation.objects.update_or_create(
            key=org["key"],
            locale=locale,
            defaults={
                "name": org["name"],
                "short_name": _str(org.get("short_name")),
                "kind": org.get("kind") or "other",
            },
            create_defaults={
                "name": org["name"],
                "short_name": _str(org.get("short_name")),
                "kind": org.get("kind") or "other",
                "translation_key": stable_uuid("organisation", org["key"]),
            },
        )
        organisations[org["key"]] = obj

    key = plan_data["key"]
    fields = {
        "title": plan_data["title"],
        "plan_key": key,
        "search_description": _str(plan_data.get("summary"))[:1000],
        **read_fields(PLAN_FACTS + PLAN_TEXTS, plan_data, PlanPage),
        "definitions": [
            ("definition", {"term": d["term"], "definition": d["definition"]})
            for d in plan_data.get("definitions") or []
        ],
        "body": _body_blocks(plan_data.get("sections") or []),
        **{f"{name}_label": _str((plan_data.get("labels") or {}).get(name)) for name in PLAN_LABELS.keys},
    }
    plan = PlanPage.objects.filter(plan_key=key, locale=locale).first()
    created = plan is None
    if created:
        parent = find_parent(parent_path, locale)
        plan = PlanPage(translation_key=stable_uuid("plan", key), locale=locale, slug=_unique_slug(parent, key), **fields)
        plan.revision_log = _revisions(plan_data)
        plan.live = False
        parent.add_child(instance=plan)
        unchanged = False
    else:
        before = _export_plan_fields(plan)
        for name, value in fields.items():
            setattr(plan, name, value)
        plan.revision_log = _revisions(plan_data)
        unchanged = _export_plan_fields(plan) == before
        # Focus areas the file has again are back in the plan: forget their removal before
        # the plan is published (publishing the plan applies pending removals).
        wanted_keys = [stable_uuid("plan", key, "focus-area", _area_identity(a)) for a in plan_data["focus_areas"]]
        FocusAreaRemoval.objects.filter(
            focus_area__in=FocusAreaPage.objects.child_of(plan).filter(translation_key__in=wanted_keys)
        ).delete()
    _save_if_changed(plan, publish, unchanged)

    existing = {page.translation_key: page for page in FocusAreaPage.objects.child_of(plan)}
    wanted = []
    used_slugs = set()
    for area_data in plan_data["focus_areas"]:
        translation_key = stable_uuid("plan", key, "focus-area", _area_identity(area_data))
        wanted.append(translation_key)
        area = existing.get(translation_key)
        slug = _area_slug(area_data, used_slugs)
        area_fields = read_fields(FOCUS_AREA_FIELDS, area_data, FocusAreaPage)
        if area is None:
            area = FocusAreaPage(translation_key=translation_key, locale=locale, slug=slug, **area_fields)
            area.live = False
            _set_measures(area, area_data, organisations, locale, key, existing_measures={})
            plan.add_child(instance=area)
            unchanged = False
        else:
            current = list(
                area.measures.all().prefetch_related("responsibilities__organisation", "status_updates")
            )
            before = (area.slug, _export_area(area, current, {}, []))
            for name, value in area_fields.items():
                setattr(area, name, value)
            if area.slug != slug and not FocusAreaPage.objects.sibling_of(area).filter(slug=slug).exclude(pk=area.pk).exists():
                area.slug = slug
            existing_measures = {m.translation_key: m for m in current}
            _set_measures(area, area_data, organisations, locale, key, existing_measures)
            unchanged = (area.slug, _export_area(area, area.measures.all(), {}, [])) == before
        _save_if_changed(area, publish, unchanged)
    # Focus areas the file no longer has are removed from the plan (the file is the whole
    # plan) when the plan is published: recorded now, applied by FocusAreaRemoval.
    for translation_key, area in existing.items():
        if translation_key not in wanted:
            FocusAreaRemoval.objects.get_or_create(focus_area=area)
    # Keep the tree in the file's order.
    children = {p.translation_key: p for p in FocusAreaPage.objects.child_of(plan)}
    ordered = [children[k] for k in wanted]
    for previous, area in zip(ordered, ordered[1:]):
        area.refresh_from_db()
        previous.refresh_from_db()
        if area.path < previous.path:
            area.move(previous, pos="right")
    plan.refresh_from_db()
    return plan.specific, created


def _as_date(value):
    return date.fromisoformat(value) if value else None


def _revisions(plan_data):
    return [
        PlanRevision(date=_as_date(r["date"]), change=r["change"], sort_order=i)
        for i, r in enumerate(plan_data.get("revisions") or [])
    ]


def _body_blocks(sections):
    blocks = []
    for section in sections:
        if section.get("heading"):
            blocks.append(("heading", section["heading"]))
        blocks.append(("text", RichText(text_to_html(section["body"]))))
    return blocks


def _unique_slug(parent, base):
    slug = slugify(base)[:80] or "plan"
    candidate, n = slug, 2
    while Page.objects.child_of(parent).filter(slug=candidate).exists():
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def _area_slug(area_data, used):
    number = _str(area_data.get("number"))
    base = slugify(f"{number} {area_data['title']}")[:70].strip("-") or f"omrade-{len(used) + 1}"
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    used.add(candidate)
    return candidate


def _choices(model, name, keys):
    return model._meta.get_field(name).to_python(keys or [])


def _set_measures(area, area_data, organisations, locale, plan_key, existing_measures):
    area_identity = _area_identity(area_data)
    goals = area_data.get("goals") or []
    goal_objects = [
        FocusAreaGoal(
            identifier=_str(g.get("identifier")),
            title=g["title"],
            sort_order=i,
            locale=locale,
            translation_key=stable_uuid("plan", plan_key, "focus-area", area_identity, "goal", i),
        )
        for i, g in enumerate(goals)
    ]
    area.goals = goal_objects
    rows = [(None, None, m) for m in area_data.get("measures") or []]
    for number, (goal, goal_data) in enumerate(zip(goal_objects, goals), start=1):
        rows.extend((number, goal.translation_key, m) for m in goal_data.get("measures") or [])
    seen_titles = {}
    measures = []
    for sort_order, (goal_number, goal_key, data) in enumerate(rows):
        if data.get("identifier"):
            identity = ("measure", data["identifier"])
        elif data.get("title"):
            n = seen_titles.get(data["title"], 0)
            seen_titles[data["title"]] = n + 1
            identity = ("area", area_identity, "measure", data["title"], n)
        else:  # a row of its goal: the goal's place and the row's place under it
            n = seen_titles.get(("row", goal_number), 0)
            seen_titles[("row", goal_number)] = n + 1
            identity = ("area", area_identity, "goal", goal_number, "row", n)
        translation_key = stable_uuid("plan", plan_key, *identity)
        measure = existing_measures.get(translation_key) or Measure(translation_key=translation_key, locale=locale)
        for name, value in read_fields(MEASURE_HEAD + MEASURE_TAIL, data, Measure).items():
            setattr(measure, name, value)
        measure.goal_key = goal_key
        # No status in the file means none reported (never "not started"); a measure with
        # follow-ups takes its status from the latest one (Measure.status_from_follow_ups).
        measure.status = data.get("status") or ""
        measure.sort_order = sort_order
        measure.responsibilities = [
            Responsibility(
                organisation=organisations[r["organisation"]] if r.get("organisation") else None,
                text=_str(r.get("text")),
                role=r.get("role") or "lead",
                sort_order=i,
            )
            for i, r in enumerate(data.get("responsible") or [])
        ]
        measure.status_updates = [
            StatusUpdate(
                date=_as_date(u["date"]),
                status=u["status"],
                note=_str(u.get("note")),
                reported_by=_str(u.get("by")),
                sort_order=i,
            )
            for i, u in enumerate(data.get("status_updates") or [])
        ]
        measures.append(measure)
    area.measures = measures


# Exporting ---------------------------------------------------------------------------------


def _none(value):
    return value if value not in ("", None, []) else None


def _iso(value):
    return value.isoformat() if value else None


def export_data(plan):
    """The plan (its latest revision, with its focus areas' latest revisions) as data."""
    plan = plan.get_latest_revision_as_object() if plan.get_latest_revision() else plan
    areas = []
    org_keys = []
    organisations = {}
    for area_page in FocusAreaPage.objects.child_of(plan).filter(removal=None).order_by("path"):
        area = area_page.get_latest_revision_as_object() if area_page.get_latest_revision() else area_page
        areas.append(_export_area(area, area.measures.all(), organisations, org_keys))
    data = _export_plan_fields(plan)
    data["organisations"] = [organisations[k] for k in sorted(org_keys, key=org_keys.index)]
    data["focus_areas"] = areas
    return {"format": FORMAT_VERSION, "plan": data}


def _export_area(area, measures, organisations, org_keys):
    """A focus area as plan-file data: its own fields, goals and ``measures``."""
    goals = list(area.goals.all())
    direct, by_goal = [], {g.translation_key: [] for g in goals}
    for measure in sorted(measures, key=lambda m: m.sort_order or 0):
        by_goal.get(measure.goal_key, direct).append(_export_measure(measure, organisations, org_keys))
    area_data = write_fields(FOCUS_AREA_FIELDS, area)
    if goals:
        area_data["goals"] = [
            {"identifier": _none(g.identifier), "title": g.title, "measures": by_goal[g.translation_key]}
            for g in goals
        ]
    area_data["measures"] = direct
    return area_data


def _export_plan_fields(plan):
    """The plan page's own fields as plan-file data (without organisations and focus areas)."""
    sections = []
    for block in plan.body:
        if block.block_type == "heading":
            sections.append({"heading": block.value, "parts": []})
        elif block.block_type == "text":
            if not sections:
                sections.append({"heading": None, "parts": []})
            sections[-1]["parts"].append(html_to_text(block.value.source))
    sections = [
        ({"heading": s["heading"]} if s["heading"] else {}) | {"body": "\n".join(p for p in s["parts"] if p)}
        for s in sections
    ]
    sections = [s for s in sections if s["body"]]

    data = {
        "key": plan.plan_key or slugify(plan.title),
        "title": plan.title,
        **write_fields(PLAN_FACTS, plan),
    }
    revisions = [{"date": _iso(r.date), "change": r.change} for r in plan.revision_log.all()]
    if revisions:
        data["revisions"] = revisions
    data.update(
        {
            **write_fields(PLAN_TEXTS, plan),
            "definitions": _none(
                [{"term": b.value["term"], "definition": b.value["definition"]} for b in plan.definitions]
            ),
            "sections": _none(sections),
        }
    )
    labels = plan.own_labels()
    if labels:
        data["labels"] = labels
    return data


def _export_measure(measure, organisations, org_keys):
    # Empty columns are left out; the identifier is always written (null: not numbered).
    record = {k: v for k, v in write_fields(MEASURE_HEAD, measure).items() if v is not None or k == "identifier"}
    responsible = []
    for r in sorted(measure.responsibilities.all(), key=lambda r: r.sort_order or 0):
        if r.organisation_id:
            org = r.organisation
            if org.key not in organisations:
                entry = {"key": org.key, "name": org.name}
                if org.short_name:
                    entry["short_name"] = org.short_name
                entry["kind"] = org.kind
                organisations[org.key] = entry
                org_keys.append(org.key)
            responsible.append({"organisation": org.key, "role": r.role})
        else:
            responsible.append({"text": r.text, "role": r.role})
    record["responsible"] = responsible
    record.update({k: v for k, v in write_fields(MEASURE_TAIL, measure).items() if v is not None})
    updates = sorted(measure.status_updates.all(), key=lambda u: (u.sort_order or 0))
    if measure.status and not updates:  # with follow-ups, the latest one is the status
        record["status"] = measure.status
    if updates:
        record["status_updates"] = [
            {k: v for k, v in {"date": u.date.isoformat(), "status": u.status, "note": _none(u.note), "by": _none(u.reported_by)}.items() if v is not None}
            for u in updates
        ]
    return record


class _Dumper(yaml.SafeDumper):
    pass


def _represent_str(dumper, value):
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_str)


def _dates_for_yaml(value, key=None):
    """ISO date strings become YAML dates (unquoted, as people write them)."""
    if isinstance(value, dict):
        return {k: _dates_for_yaml(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_for_yaml(v) for v in value]
    if key in ("date", "decision_date", "last_revised", "valid_from", "valid_until", "due_date") and isinstance(value, str):
        return date.fromisoformat(value)
    return value


def dump(data):
    return yaml.dump(
        _dates_for_yaml(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100_000
    )


def export_plan(plan):
    """The plan as the text of a plan file."""
    return dump(export_data(plan))


def find_plan(reference):
    """A plan by its key, page id or URL path (``export_plan PLAN``)."""
    plans = PlanPage.objects.all()
    if str(reference).isdigit():
        found = plans.filter(pk=int(reference))
    else:
        found = plans.filter(plan_key=reference)
        if not found.exists():
            found = plans.filter(url_path="/" + str(reference).strip("/") + "/")
    found = list(found.select_related("locale").order_by("locale__language_code"))
    if not found:
        raise PlanFileError([f"no plan '{reference}' (give its key, page id or path)"])
    source = next((p for p in found if p.locale.language_code == settings.LANGUAGE_CODE), found[0])
    return source
