"""Public views of plans. The page models route here; each view builds its querysets once,
with what the template shows prefetched, so the number of queries does not grow with the
number of measures."""

import csv
import io
import json
from datetime import date

from django.http import Http404, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale

from multilingual.localization import RouteVersion, page_versions
from multilingual.pages import template_context
from plans.filters import filter_measures
from plans.models import FocusAreaPage, Measure, Organisation, PlanPage
from plans.page_context import (
    attach_plan,
    attach_plans,
    plan_urls,
    printable_context,
    status_summary,
)
from plans.vocabulary import NO_STATUS, NO_STATUS_LABEL, STATUS

# Pages (their context: plans.page_context, shared with the PDF) ---------------------------


def _render(plan, request, template, context, status=200):
    if not hasattr(plan, "urls"):
        plan.urls = plan_urls(plan)
    if "language_versions" not in context:
        context = {**context, "language_versions": subpage_versions(plan, request)}
    return TemplateResponse(
        request,
        template,
        {
            "page": plan,
            "self": plan,
            "plan": plan,
            "urls": plan.urls,
            **template_context(),
            **context,
        },
        status=status,
    )


def measure_list(plan, request):
    form, measures = filter_measures(plan, request.GET)
    measures = attach_plan(measures.listing(form.focus_areas, form.organisations), plan)
    query = request.GET.urlencode() if form.is_valid() else ""
    return _render(
        plan,
        request,
        "plans/measure_list.html",
        {
            "form": form,
            "measures": measures,
            "query": query,
            "status_summary": status_summary(_count_list(measures)),
        },
        status=200 if form.is_valid() else 400,
    )


def _count_list(measures):
    counts = {}
    for measure in measures:
        counts[measure.status] = counts.get(measure.status, 0) + 1
    return counts


def measure_detail(plan, request, measure_id):
    measure = (
        Measure.objects.public_under(plan).with_public_relations().filter(pk=measure_id).first()
    )
    if measure is None:
        raise Http404
    attach_plan([measure], plan)
    return _render(
        plan,
        request,
        "plans/measure_page.html",
        {"measure": measure, "language_versions": measure_versions(plan, measure, request)},
    )


def subpage_versions(plan, request):
    """The view's own address (measure list, follow-up, print) in each language of the plan.

    These addresses are the same below every translation of the plan, so the language
    switcher leads to the same view rather than to the plan's front page. Filters in the
    query string are not carried over: they name things by this language's words.
    """
    base = plan.get_url(request=request) or ""
    subpath = request.path[len(base) :] if base and request.path.startswith(base) else ""
    versions = page_versions(plan, request)
    if not subpath:
        return versions
    return {code: RouteVersion(version, subpath) for code, version in versions.items()}


def measure_versions(plan, measure, request):
    """The same measure (by translation key) in each language the plan is published in.

    For the language switcher and hreflang: without this they would lead to the plan's
    front page. A language whose plan lacks the measure, or shows it only through an
    untranslated alias of its focus area, is not offered.
    """
    plans = page_versions(plan, request)
    by_path = {version.path: code for code, version in plans.items()}
    focus_areas = FocusAreaPage.objects.live().public().filter(alias_of__isnull=True)
    found = {}
    for pk, path in Measure.objects.filter(
        translation_key=measure.translation_key, focus_area__in=focus_areas.values("pk")
    ).values_list("pk", "focus_area__path"):
        code = by_path.get(path[: -PlanPage.steplen])
        if code is not None:
            found[code] = pk
    return {
        code: RouteVersion(version, version.reverse_subpage("measure", args=[found[code]]))
        for code, version in plans.items()
        if code in found
    }


def follow_up_report(plan, request):
    """Every measure with its latest follow-up, for a committee's yearly review.

    By default the latest entry of all (an entry dated in a later year than today is still
    the latest news, and must not hide until someone changes a filter); ``?year=2025``
    shows the latest entry up to the end of that year.
    """
    year = None
    if request.GET.get("year"):
        try:
            year = int(request.GET["year"])
            if not 1990 <= year <= 2200:
                raise ValueError
        except ValueError:
            return HttpResponse(
                _("The year must be a number such as 2025."),
                status=400,
                content_type="text/plain; charset=utf-8",
            )
    measures = attach_plan(list(plan.measures()), plan)
    rows = []
    years = set()
    for measure in measures:
        every = list(measure.status_updates.all())
        years.update(u.date.year for u in every)
        updates = [u for u in every if year is None or u.date.year <= year]
        latest = max(updates, key=lambda u: (u.date, u.sort_order or 0)) if updates else None
        # The status at the end of that year: its latest follow-up then; without any, the
        # plan's own status only if the measure has no follow-up at all (a later one says
        # nothing about this year).
        if latest is not None:
            status = latest.status
        else:
            status = NO_STATUS if every else measure.status
        label = STATUS.public_label(status) if status else NO_STATUS_LABEL
        rows.append({"measure": measure, "latest": latest, "status": status, "status_label": label})
    counts = {}
    for row in rows:
        counts[row["status"]] = counts.get(row["status"], 0) + 1
    return _render(
        plan,
        request,
        "plans/follow_up_report.html",
        {
            "rows": rows,
            "year": year,
            "years": sorted(
                years | {date.today().year} | ({year} if year else set()), reverse=True
            ),
            "status_summary": status_summary(counts),
            "today": date.today(),
        },
    )


def printable_plan(plan, request):
    return _render(plan, request, "plans/plan_print.html", printable_context(plan))


def plan_pdf(plan, request):
    """The plan's PDF, rendered once per published revision (``plans.pdf``)."""
    from multilingual.pdf import PdfUnavailable, unavailable_response
    from plans.pdf import PLAN_PDF

    try:
        data, fresh = PLAN_PDF.read_for_request(plan)
    except PdfUnavailable as error:
        return unavailable_response(error.__cause__ or error, error.args[0])
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{plan.plan_key or slugify(plan.title)}.pdf"'
    )
    if not fresh:
        # The previous version while the new one renders: no shared cache (the page cache,
        # a CDN) may keep it, so every server answers the new file once it is stored.
        response["Cache-Control"] = "no-store"
    return response


def organisation_page(index, request, key):
    """Every measure an organisation leads or shares, across the plans under ``index``."""
    locale = Locale.get_active()
    candidates = list(Organisation.objects.filter(key=key).select_related("locale"))
    if not candidates:
        raise Http404
    organisation = next((o for o in candidates if o.locale_id == locale.pk), candidates[0])
    keys = {o.translation_key for o in candidates}
    measures = list(
        Measure.objects.public_under(index)
        .filter(
            pk__in=Measure.objects.filter(
                responsibilities__organisation__translation_key__in=keys
            ).values("pk")
        )
        .with_public_relations()
        .order_by("focus_area__path", "sort_order")
    )
    attach_plans(measures)
    plans = {}
    for measure in measures:
        plans.setdefault(measure.plan.pk, {"plan": measure.plan, "measures": []})[
            "measures"
        ].append(measure)
        measure.roles_of_organisation = [
            r.role_label
            for r in measure.responsibilities.all()
            if r.organisation and r.organisation.translation_key in keys
        ]
    return TemplateResponse(
        request,
        "plans/organisation_page.html",
        {
            **template_context(),
            "page": index,
            "self": index,
            "organisation": organisation,
            "plans": list(plans.values()),
            "measure_count": len(measures),
        },
    )


# Exports ---------------------------------------------------------------------------------


def measure_record(measure, request=None):
    """A measure as plain data, from ``Measure.PUBLIC_FIELDS`` (JSON export and CSV)."""
    goal = measure.goal
    record = {
        "identifier": measure.identifier or None,
        "title": measure.title or None,
        "focus_area": measure.focus_area.heading,
        "goal": str(goal) if goal else None,
    }
    for name in Measure.PUBLIC_FIELDS:
        if name in record:
            continue
        if name == "activities":
            record[name] = measure.activity_list
        elif name == "responsible":
            record[name] = [
                {
                    "name": r.name,
                    "organisation": r.organisation.key if r.organisation_id else None,
                    "role": r.role,
                }
                for r in measure.responsibilities.all()
            ]
        elif name == "due_date":
            record[name] = measure.due_date.isoformat() if measure.due_date else None
        elif name in ("prevention_levels", "target_groups"):
            record[name] = list(getattr(measure, name))
        elif name == "status":
            record[name] = measure.status or None  # null: no status reported
        else:
            record[name] = getattr(measure, name) or None
    record["status_updates"] = [
        {
            "date": u.date.isoformat(),
            "status": u.status,
            "note": u.note or None,
            "by": u.reported_by or None,
        }
        for u in measure.status_updates.all()
    ]
    record["url"] = request.build_absolute_uri(measure.url) if request else measure.url
    return record


def _export_filters(plan, request):
    form, measures = filter_measures(plan, request.GET)
    if not form.is_valid():
        errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
        return None, JsonResponse({"errors": errors}, status=400)
    return attach_plan(list(measures), plan), None


def measure_list_json(plan, request):
    measures, error = _export_filters(plan, request)
    if error:
        return error
    data = {
        "plan": {
            "title": plan.title,
            "key": plan.plan_key or None,
            "language": plan.locale.language_code,
        },
        "filters": {k: v for k, v in request.GET.items() if v},
        "count": len(measures),
        "measures": [measure_record(m, request) for m in measures],
    }
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{_export_name(plan)}.json"'
    return response


def csv_columns(plan):
    """The CSV's column headers, in the visitor's language; where the plan names a column
    itself (``labels``), its own word."""
    words = plan.labels
    return [
        _("Identifier"),
        words["measure"],
        _("Focus area"),
        words["goal"],
        words["activities"],
        words["responsible"],
        _("Co-responsible"),
        _("With support from"),
        _("Responsible as written in the plan"),
        _("Prevention level"),
        _("Target groups"),
        words["time_frame"],
        _("Due date"),
        words["follow_up"],
        _("Note"),
        _("Status"),
        _("Latest follow-up"),
        _("Address"),
    ]


#: A cell that a spreadsheet would read as a formula starts with one of these: such a cell
#: gets a leading apostrophe (OWASP's advice), which spreadsheets show as plain text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def measure_list_csv(plan, request):
    measures, error = _export_filters(plan, request)
    if error:
        return error
    buffer = io.StringIO()
    buffer.write("\ufeff")  # spreadsheet programs then read the file as UTF-8
    writer = csv.writer(buffer)
    writer.writerow([spreadsheet_safe(label) for label in csv_columns(plan)])
    for measure in measures:
        record = measure_record(measure, request)
        latest = measure.latest_update
        row = [
            record["identifier"] or "",
            measure.title,
            record["focus_area"],
            record["goal"] or "",
            "\n".join(record["activities"]),
            "; ".join(r.name for r in measure.leads),
            "; ".join(r.name for r in measure.co_responsible),
            "; ".join(r.name for r in measure.supporting),
            measure.responsible_as_written,
            "; ".join(measure.prevention_level_labels),
            "; ".join(measure.target_group_labels),
            measure.time_frame,
            record["due_date"] or "",
            measure.follow_up,
            measure.note,
            str(measure.status_label),
            f"{latest.date.isoformat()} {latest.status_label}: {latest.note}".strip()
            if latest
            else "",
            record["url"],
        ]
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_export_name(plan)}.csv"'
    return response


def _export_name(plan):
    return f"{plan.plan_key or slugify(plan.title)[:60]}-{translation.get_language()}"
