"""A plan (its latest revisions) back as plan-file data and text: export then import then
export gives the same file."""

from django.conf import settings
from django.utils.text import slugify

from plans.models import FocusAreaPage, PlanPage
from plans.planfile.fields import (
    FOCUS_AREA_FIELDS,
    MEASURE_HEAD,
    MEASURE_TAIL,
    PLAN_FACTS,
    PLAN_TEXTS,
    _iso,
    _none,
    write_fields,
)
from plans.planfile.reading import PlanFileError
from plans.planfile.rich_text import html_to_text
from plans.planfile.yaml_output import dump

FORMAT_VERSION = 1


def export_data(plan):
    """The plan (its latest revision, with its focus areas' latest revisions) as data."""
    plan = plan.get_latest_revision_as_object() if plan.get_latest_revision() else plan
    areas = []
    org_keys = []
    organisations = {}
    for area_page in FocusAreaPage.objects.child_of(plan).filter(removal=None).order_by("path"):
        area = (
            area_page.get_latest_revision_as_object()
            if area_page.get_latest_revision()
            else area_page
        )
        areas.append(export_area(area, area.measures.all(), organisations, org_keys))
    data = export_plan_fields(plan)
    data["organisations"] = [organisations[k] for k in sorted(org_keys, key=org_keys.index)]
    data["focus_areas"] = areas
    return {"format": FORMAT_VERSION, "plan": data}


def export_area(area, measures, organisations, org_keys):
    """A focus area as plan-file data: its own fields, goals and ``measures``."""
    goals = list(area.goals.all())
    direct, by_goal = [], {g.translation_key: [] for g in goals}
    for measure in sorted(measures, key=lambda m: m.sort_order or 0):
        by_goal.get(measure.goal_key, direct).append(
            _export_measure(measure, organisations, org_keys)
        )
    area_data = write_fields(FOCUS_AREA_FIELDS, area)
    if goals:
        area_data["goals"] = [
            {
                "identifier": _none(g.identifier),
                "title": g.title,
                "measures": by_goal[g.translation_key],
            }
            for g in goals
        ]
    area_data["measures"] = direct
    return area_data


def export_plan_fields(plan):
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
        ({"heading": s["heading"]} if s["heading"] else {})
        | {"body": "\n".join(p for p in s["parts"] if p)}
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
                [
                    {"term": b.value["term"], "definition": b.value["definition"]}
                    for b in plan.definitions
                ]
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
    record = {
        k: v
        for k, v in write_fields(MEASURE_HEAD, measure).items()
        if v is not None or k == "identifier"
    }
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
    updates = sorted(measure.status_updates.all(), key=lambda u: u.sort_order or 0)
    if measure.status and not updates:  # with follow-ups, the latest one is the status
        record["status"] = measure.status
    if updates:
        record["status_updates"] = [
            {
                k: v
                for k, v in {
                    "date": u.date.isoformat(),
                    "status": u.status,
                    "note": _none(u.note),
                    "by": _none(u.reported_by),
                }.items()
                if v is not None
            }
            for u in updates
        ]
    return record


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
