"""A valid plan file written as a plan in one transaction, updating a plan with the same
key in place (focus areas by number or title, measures by identifier or title)."""

import uuid
from itertools import pairwise

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
    references_indexed_by_caller,
)
from plans.planfile.changes import Changes
from plans.planfile.exporting import export_area, export_data, export_plan_fields
from plans.planfile.fields import (
    FOCUS_AREA_FIELDS,
    MEASURE_HEAD,
    MEASURE_TAIL,
    PLAN_FACTS,
    PLAN_TEXTS,
    _as_date,
    _str,
    read_fields,
)
from plans.planfile.reading import PlanFileError
from plans.planfile.rich_text import text_to_html
from plans.planfile.validation import _area_identity, normalise, validate
from plans.vocabulary import PLAN_LABELS

KEY_NAMESPACE = uuid.UUID("0b6e9e43-2f43-4d8e-8a2b-6a1f0c5d9e77")


def stable_uuid(*parts):
    return uuid.uuid5(KEY_NAMESPACE, ":".join(str(p) for p in parts))


def find_parent(parent_path, locale):
    """The page to put a new plan under: ``--parent`` (a page id or URL path such as
    ``/hem/handlingsplaner/``) or the first plan index page in the locale."""
    if parent_path:
        pages = Page.objects.filter(locale=locale)
        if str(parent_path).isdigit():
            page = pages.filter(pk=int(parent_path)).first()
        else:
            wanted = "/" + str(parent_path).strip("/") + "/"
            page = (
                pages.filter(url_path=wanted).first()
                or pages.filter(url_path__endswith=wanted).first()
            )
        if page is None:
            raise PlanFileError(
                [f"--parent: no page '{parent_path}' in locale '{locale.language_code}'"]
            )
        page = page.specific
        if not isinstance(page, PlanIndexPage):
            raise PlanFileError(
                [f"--parent: '{parent_path}' is a {page._meta.verbose_name}, not a page with plans"]
            )
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
        data,
        parent_path=parent_path,
        locale_code=locale_code,
        publish=publish,
        allow_removals=allow_removals,
    )
    return result.plan, result.created


def import_plan_file(
    data, *, parent_path=None, locale_code=None, publish=False, dry_run=False, allow_removals=False
):
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
                    plan, created = _write_plan(
                        data["plan"], locale, parent_path, publish and not dry_run
                    )
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
        **{
            f"{name}_label": _str((plan_data.get("labels") or {}).get(name))
            for name in PLAN_LABELS.keys
        },
    }
    plan = PlanPage.objects.filter(plan_key=key, locale=locale).first()
    created = plan is None
    if created:
        parent = find_parent(parent_path, locale)
        plan = PlanPage(
            translation_key=stable_uuid("plan", key),
            locale=locale,
            slug=_unique_slug(parent, key),
            **fields,
        )
        plan.revision_log = _revisions(plan_data)
        plan.live = False
        parent.add_child(instance=plan)
        unchanged = False
    else:
        before = export_plan_fields(plan)
        for name, value in fields.items():
            setattr(plan, name, value)
        plan.revision_log = _revisions(plan_data)
        unchanged = export_plan_fields(plan) == before
        # Focus areas the file has again are back in the plan: forget their removal before
        # the plan is published (publishing the plan applies pending removals).
        wanted_keys = [
            stable_uuid("plan", key, "focus-area", _area_identity(a))
            for a in plan_data["focus_areas"]
        ]
        FocusAreaRemoval.objects.filter(
            focus_area__in=FocusAreaPage.objects.child_of(plan).filter(
                translation_key__in=wanted_keys
            )
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
            area = FocusAreaPage(
                translation_key=translation_key, locale=locale, slug=slug, **area_fields
            )
            area.live = False
            _set_measures(area, area_data, organisations, locale, key, existing_measures={})
            plan.add_child(instance=area)
            unchanged = False
        else:
            current = list(
                area.measures.all().prefetch_related(
                    "responsibilities__organisation", "status_updates"
                )
            )
            before = (area.slug, export_area(area, current, {}, []))
            for name, value in area_fields.items():
                setattr(area, name, value)
            if (
                area.slug != slug
                and not FocusAreaPage.objects.sibling_of(area)
                .filter(slug=slug)
                .exclude(pk=area.pk)
                .exists()
            ):
                area.slug = slug
            existing_measures = {m.translation_key: m for m in current}
            _set_measures(area, area_data, organisations, locale, key, existing_measures)
            unchanged = (area.slug, export_area(area, area.measures.all(), {}, [])) == before
        _save_if_changed(area, publish, unchanged)
    # Focus areas the file no longer has are removed from the plan (the file is the whole
    # plan) when the plan is published: recorded now, applied by FocusAreaRemoval.
    for translation_key, area in existing.items():
        if translation_key not in wanted:
            FocusAreaRemoval.objects.get_or_create(focus_area=area)
    # Keep the tree in the file's order.
    children = {p.translation_key: p for p in FocusAreaPage.objects.child_of(plan)}
    ordered = [children[k] for k in wanted]
    for previous, area in pairwise(ordered):
        area.refresh_from_db()
        previous.refresh_from_db()
        if area.path < previous.path:
            area.move(previous, pos="right")
    plan.refresh_from_db()
    return plan.specific, created


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
    for number, (goal, goal_data) in enumerate(zip(goal_objects, goals, strict=True), start=1):
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
        measure = existing_measures.get(translation_key) or Measure(
            translation_key=translation_key, locale=locale
        )
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
