"""A measure's facts (who is responsible, time frame, prevention level, target groups,
status) as HTML, built in Python once per measure.

A listing shows them for every measure: 50 on a plan's measure list, 500 in a large
plan's printout. As template includes, a ``{% translate %}`` per term and a loop over
rows they were most of the measure list's time (docs/performance.md, "The measure
list's cards"); here they are string formatting. This module is their markup's one home:
a site that wants another markup overrides ``plans/includes/measure_card.html`` and
``plans/measure_page.html`` and shows the measure's fields itself.
"""

from html import escape as _escape

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from multilingual.localization import PerLanguage
from multilingual.templatetags.multilingual_tags import local_date

register = template.Library()


def escape(text):
    """Django's ``escape`` (the same characters), without its check for lazy strings on
    every call: everything here is a string, and the result is marked safe once, whole."""
    return _escape(str(text))


#: The site's words for the facts, in the active language.
TERMS = PerLanguage(
    lambda: {
        "co": gettext("Co-responsible"),  # Medansvarig
        "support": gettext("With support from"),  # Med stöd av
        "prevention_level": gettext("Prevention level"),  # Preventionsnivå
        "target_groups": gettext("Target groups"),  # Målgrupper
        "status": gettext("Status"),
    }
)


def _organisations_url(measure):
    """Where the plan's organisation pages are: known when the view told the measure its
    plan (``plans.page_context.attach_plan``); otherwise the bodies are named without links."""
    urls = getattr(measure.plan, "urls", None)
    return urls["organisations_url"] if urls else None


@register.simple_tag
def responsible_list(responsibilities, organisations_url=None):
    """``Socialnämnden, Polisen``: each body named, an organisation from the register
    linked to its page under ``organisations_url`` (no links without one)."""
    names = []
    for r in responsibilities:
        if organisations_url and r.organisation_id:
            name = f'<a href="{escape(organisations_url)}{escape(r.organisation.key)}/">{escape(r.name)}</a>'
        else:
            name = escape(r.name)
        names.append(f'<span class="responsible">{name}</span>')
    return mark_safe('<span class="sep">, </span>'.join(names))


@register.simple_tag
def measure_facts(measure, as_written=False):
    """``<dl class="measure-facts">``: who is responsible (a row per role, or the plan's own
    words when ``as_written`` and it has them), time frame, prevention level, target
    groups and status; only the rows the measure has, in the visitor's language."""
    terms = TERMS.get()
    words = measure.plan.labels
    rows = []  # (term, value as HTML, class of the value)
    if as_written and measure.responsible_as_written:
        rows.append(
            (words["responsible"], escape(measure.responsible_as_written), "responsible-as-written")
        )
    else:
        organisations_url = _organisations_url(measure)
        for role, responsibilities in measure.responsible_by_role:
            rows.append(
                (
                    terms.get(role) or words["responsible"],
                    responsible_list(responsibilities, organisations_url),
                    "",
                )
            )
    if measure.time_frame or measure.due_date:
        parts = [escape(measure.time_frame)] if measure.time_frame else []
        if measure.due_date:
            parts.append(local_date(measure.due_date))
        rows.append((words["time_frame"], " · ".join(parts), ""))
    if measure.prevention_levels:
        rows.append(
            (terms["prevention_level"], escape(", ".join(measure.prevention_level_labels)), "")
        )
    if measure.target_groups:
        rows.append((terms["target_groups"], escape(", ".join(measure.target_group_labels)), ""))
    rows.append(
        (
            terms["status"],
            format_html(
                '<span class="status status--{}">{}</span>',
                measure.status or "none",
                measure.status_label,
            ),
            "",
        )
    )
    html = []
    for term, value, css_class in rows:
        dd = f'<dd class="{css_class}">' if css_class else "<dd>"
        html.append(f"<div><dt>{escape(term)}</dt>{dd}{value}</dd></div>")
    return mark_safe(f'<dl class="measure-facts">{"".join(html)}</dl>')


@register.simple_tag
def focus_areas_heading(plan, focus_areas):
    """The plan's word for its focus areas (``plans.page_context.focus_areas_heading``), for pages
    other than the plan page that name them (a focus area's list of its siblings)."""
    from plans.page_context import focus_areas_heading as heading

    return heading(plan, focus_areas)
