"""What a measure card shows of a measure, built in Python once per measure.

A listing shows these facts for every measure (50 on a plan's measure list, 500 on a
large plan's printout). As template includes and ``{% translate %}`` tags they cost
about half a millisecond a measure, most of the measure list's time
(docs/performance.md); here they are a few dictionary lookups and one ``format_html``
each. The markup around them (the ``<dl>``) stays in ``plans/includes/measure_facts.html``.
"""

from typing import NamedTuple

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from multilingual.templatetags.multilingual_tags import local_date

register = template.Library()

SEPARATOR = mark_safe('<span class="sep">, </span>')


class Fact(NamedTuple):
    term: str
    value: SafeString | str
    css_class: str = ""


_TERMS = {}  # language code → the site's words for the facts, in that language


def _terms():
    """The fixed terms of the facts in the active language, looked up once per language
    (each ``gettext`` is a look-up of the active language in a context-local variable)."""
    language = get_language()
    terms = _TERMS.get(language)
    if terms is None:
        terms = _TERMS[language] = {
            # Medansvarig; Med stöd av
            "co": gettext("Co-responsible"),
            "support": gettext("With support from"),
            "prevention_level": gettext("Prevention level"),
            "target_groups": gettext("Target groups"),
            "status": gettext("Status"),
        }
    return terms


def _organisations_url(measure):
    """Where the plan's organisation pages are: known when the view told the measure its
    plan (``plans.views.attach_plan``); otherwise the bodies are named without links."""
    urls = getattr(measure.plan, "urls", None)
    return urls["organisations_url"] if urls else None


@register.simple_tag
def responsible_list(responsibilities, organisations_url=None):
    """``Socialnämnden, Polisen``: each body named, an organisation from the register
    linked to its page under ``organisations_url`` (no links without one)."""
    return format_html_join(
        SEPARATOR,
        '<span class="responsible">{}</span>',
        (
            (
                format_html('<a href="{}{}/">{}</a>', organisations_url, r.organisation.key, r.name)
                if organisations_url and r.organisation_id
                else r.name,
            )
            for r in responsibilities
        ),
    )


@register.simple_tag
def measure_facts(measure, as_written=False):
    """``[Fact(term, value, css_class), …]``: who is responsible (per role, or the plan's
    own words when ``as_written`` and it has them), time frame, prevention level, target
    groups and status, the rows a measure has, in the visitor's language."""
    terms = _terms()
    words = measure.plan.labels
    facts = []
    if as_written and measure.responsible_as_written:
        facts.append(Fact(words["responsible"], measure.responsible_as_written, "responsible-as-written"))
    else:
        organisations_url = _organisations_url(measure)
        for role, responsibilities in measure.responsible_by_role:
            facts.append(Fact(terms.get(role) or words["responsible"], responsible_list(responsibilities, organisations_url)))
    if measure.time_frame or measure.due_date:
        parts = [measure.time_frame] if measure.time_frame else []
        if measure.due_date:
            parts.append(local_date(measure.due_date))
        facts.append(Fact(words["time_frame"], format_html_join(" · ", "{}", ((part,) for part in parts))))
    if measure.prevention_levels:
        facts.append(Fact(terms["prevention_level"], ", ".join(measure.prevention_level_labels)))
    if measure.target_groups:
        facts.append(Fact(terms["target_groups"], ", ".join(measure.target_group_labels)))
    facts.append(Fact(
        terms["status"],
        format_html('<span class="status status--{}">{}</span>', measure.status or "none", measure.status_label),
    ))
    return facts
