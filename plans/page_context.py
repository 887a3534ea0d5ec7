"""What a plan's pages show, worked out from the plan: the summary at a glance (counts per
status and per responsible body), the focus areas with their measures grouped by goal,
and the addresses of the plan's views. The views (``plans.views``) and the PDF
(``plans.pdf``) both build their pages from here, so the printed plan and the web page
cannot drift apart, and the PDF needs nothing from the views."""

from django.db.models import Count
from django.utils.translation import gettext as _

from multilingual.languages import source_language
from multilingual.localization import locale_id_for, localized_from_register
from plans.models import Measure, Organisation, PlanPage
from plans.vocabulary import NO_STATUS, NO_STATUS_LABEL, STATUS

# Follow-up at a glance -------------------------------------------------------------------

STATUS_COLOURS = {  # each at least 3:1 against white (WCAG 1.4.11)
    "not_started": "#6b6b70",
    "ongoing": "#8a5300",
    "done": "#1e6b34",
    "continuous": "#2c4f8f",
    NO_STATUS: "#7a4f8c",
}


def status_summary(counts):
    """Counts per status, in vocabulary order, with bar geometry for the inline SVG chart.

    Measures whose plan reports no status are a row of their own ("ingen uppgift"), after
    the statuses, and only when there are any: they are never counted as "not started"."""
    total = sum(counts.values())
    reported = total - counts.get(NO_STATUS, 0)
    # A plan that reports no status at all gets one row, "ingen uppgift": a column of
    # zeros for statuses it never uses would read as a verdict.
    keys = (STATUS.keys if reported or not total else []) + (
        [NO_STATUS] if counts.get(NO_STATUS) else []
    )
    rows = []
    for index, key in enumerate(keys):
        count = counts.get(key, 0)
        rows.append(
            {
                "key": key or "none",
                "label": STATUS.public_label(key) if key else NO_STATUS_LABEL,
                "count": count,
                "colour": STATUS_COLOURS[key],
                "y": index * 28,
                "width": round(100 * count / total, 1) if total else 0,
            }
        )
    return {"rows": rows, "total": total, "reported": reported, "height": len(rows) * 28}


def status_counts(measures):
    """``{status: count}`` for a measure queryset, in one query."""
    return {
        row["status"]: row["n"]
        for row in measures.order_by().values("status").annotate(n=Count("pk"))
    }


def plan_urls(plan):
    """The addresses of a plan's views, computed once per request."""
    base = plan.url
    index = plan.get_parent()
    return {
        "plan_url": base,
        "measures_url": base + plan.reverse_subpage("measures"),
        "csv_url": base + plan.reverse_subpage("measures_csv"),
        "json_url": base + plan.reverse_subpage("measures_json"),
        "follow_up_url": base + plan.reverse_subpage("follow_up"),
        "print_url": base + plan.reverse_subpage("print"),
        "pdf_url": base + plan.reverse_subpage("pdf"),
        "organisations_url": index.url + "organisationer/",
    }


def attach_plan(measures, plan):
    """Tell each measure its plan and address, so templates need no query per measure."""
    if not hasattr(plan, "urls"):
        plan.urls = plan_urls(plan)
    for measure in measures:
        measure.focus_area.__dict__["plan"] = plan
        measure.url = f"{plan.urls['measures_url']}{measure.pk}/"
    return measures


def attach_plans(measures):
    """Like :func:`attach_plan` for measures of several plans, with one query."""
    steplen = PlanPage.steplen
    paths = {m.focus_area.path[:-steplen] for m in measures}
    plans = {p.path: p for p in PlanPage.objects.filter(path__in=paths).select_related("locale")}
    for measure in measures:
        attach_plan([measure], plans[measure.focus_area.path[:-steplen]])
    return measures


def group_by_goal(focus_area, measures):
    """Measures directly under the focus area first, then each goal with its measures."""
    direct = {"goal": None, "measures": []}
    groups = {g.translation_key: {"goal": g, "measures": []} for g in focus_area.goals.all()}
    for measure in measures:
        groups.get(measure.goal_key, direct)["measures"].append(measure)
    return [g for g in [direct, *groups.values()] if g["measures"] or g["goal"] is not None]


# Pages ---------------------------------------------------------------------------------


def plan_context(plan):
    """What the plan page shows: the summary for a reader in a hurry (counts per status and
    per responsible body), contents, and the focus areas with their number of measures."""
    focus_areas = list(plan.focus_areas())
    measures = Measure.objects.filter(focus_area__in=[area.pk for area in focus_areas])
    per_area = {}
    for row in measures.order_by().values("focus_area_id", "status").annotate(n=Count("pk")):
        per_area.setdefault(row["focus_area_id"], {})[row["status"]] = row["n"]
    for area in focus_areas:
        area.status_summary = status_summary(per_area.get(area.pk, {}))
        area.status_rows = [row for row in area.status_summary["rows"] if row["count"]]
    totals = {}
    for counts in per_area.values():
        for key, n in counts.items():
            totals[key] = totals.get(key, 0) + n
    if not hasattr(plan, "urls"):
        plan.urls = plan_urls(plan)
    return {
        "plan": plan,
        "urls": plan.urls,
        "focus_area_list": focus_areas,
        "focus_areas_heading": focus_areas_heading(plan, focus_areas),
        "status_summary": status_summary(totals),
        "responsible_summary": responsible_summary(measures),
        "revision_list": list(plan.revision_log.all()),
    }


def focus_areas_heading(plan, focus_areas):
    """The heading over the focus areas: the plan's own word (``labels.focus_areas``), else
    the plural of the label every focus area shares where Swedish makes it plain (Område →
    Områden, Delmål → Delmål), else the site's word."""
    if plan.focus_areas_label:
        return plan.focus_areas_label
    shared = {area.label for area in focus_areas}
    if len(shared) == 1 and plan.locale_id == locale_id_for(
        source_language()
    ):  # no query for plan.locale
        label = shared.pop()
        if label.lower().endswith("mål"):
            return label
        if label.lower().endswith("område"):
            return label + "n"
    return plan.labels["focus_areas"]


def responsible_summary(measures):
    """How many measures each responsible body leads or shares, most first (one query,
    plus the register's translations once per request)."""
    organisations = (
        Organisation.objects.filter(responsibilities__measure__in=measures.values("pk"))
        .annotate(n=Count("responsibilities__measure", distinct=True))
        .select_related("locale")
        .order_by("-n", "name")
    )
    return [
        {"organisation": localized_from_register(o), "key": o.key, "count": o.n}
        for o in organisations
    ]


def focus_area_context(focus_area):
    plan = focus_area.plan
    measures = attach_plan(list(focus_area.public_measures()), plan)
    groups = group_by_goal(focus_area, measures)
    rows_of_goals = bool(measures) and all(not m.title and m.goal for m in measures)
    if rows_of_goals:  # the plan has no measure column: its rows are its goals'
        heading = plan.goal_label or _("Goals")
        count = len([g for g in groups if g["goal"] is not None])
    else:
        heading, count = _("Measures"), len(measures)
    return {
        "plan": plan,
        "urls": plan.urls,
        "measure_groups": groups,
        "measures_heading": heading,
        "measure_count": count,
        "status_summary": status_summary(
            status_counts(Measure.objects.filter(focus_area=focus_area))
        ),
        "siblings": list(plan.focus_areas()),
    }


def printable_context(plan):
    """The plan page's context with every focus area's measures, grouped by goal: the
    printable page and the PDF."""
    context = plan_context(plan)
    measures = attach_plan(list(plan.measures()), plan)
    by_area = {}
    for measure in measures:
        by_area.setdefault(measure.focus_area_id, []).append(measure)
    for area in context["focus_area_list"]:
        area.measure_groups = group_by_goal(area, by_area.get(area.pk, []))
    return context
