"""Which plans the catalogue and the API show, and what each of them says, as published.

Only what a visitor can see: live, public plans of the site in the site's source
language (their translations add titles and languages), without the plans the site
settings leave out. Never a draft: the plan file data is built from the published rows,
not from the latest revisions that ``plans.planfile.export_data`` reads for editors.
"""

from django.db.models import Max, Q
from wagtail.models import Locale, Page

from opendata.models import CatalogueSettings
from plans import planfile
from plans.models import PlanPage


def plan_key(plan):
    """The plan's identifier in the catalogue and the API: its plan key, else its page id."""
    return plan.plan_key or str(plan.pk)


def published_plans(site):
    """The site's catalogued plans in the source language, in page-tree order."""
    settings = CatalogueSettings.for_site(site)
    left_out = PlanPage.objects.filter(pk__in=settings.left_out.values("pk")).values(
        "translation_key"
    )
    # Under the site's root page in any language: a host's root may be in English, with
    # the Swedish plans under its Swedish translation.
    under = Q()
    for root in site.root_page.get_translations(inclusive=True):
        under |= Q(path__startswith=root.path, depth__gt=root.depth)
    return list(
        PlanPage.objects.live()
        .public()
        .filter(under)
        .filter(locale=Locale.get_default())
        .exclude(translation_key__in=left_out)
        .select_related("locale")
        .order_by("path")
    )


def find_plan(site, key):
    """A catalogued plan by its key (``plan_key``), or ``None``."""
    return next((plan for plan in published_plans(site) if plan_key(plan) == key), None)


def translations(plan):
    """The plan's live, public versions in every language, the source first."""
    versions = (
        PlanPage.objects.live()
        .public()
        .filter(translation_key=plan.translation_key)
        .select_related("locale")
    )
    return sorted(versions, key=lambda p: (p.pk != plan.pk, p.locale.language_code))


def modified(plan, versions=None):
    """When anything the plan's data shows was last published: the plan, its focus areas
    (the measures are theirs), in any language."""
    versions = versions or translations(plan)
    under = Q()
    for version in versions:
        under |= Q(path__startswith=version.path)
    return Page.objects.live().filter(under).aggregate(latest=Max("last_published_at"))["latest"]


def plan_document(plan):
    """The published plan as a plan file (``plan.schema.json``), as ``export_plan`` writes it."""
    organisations, org_keys = {}, []
    areas = [
        planfile.export_area(area, area.measures.all(), organisations, org_keys)
        for area in plan.focus_areas()
    ]
    data = planfile.export_plan_fields(plan)
    data["organisations"] = [organisations[k] for k in org_keys]
    data["focus_areas"] = areas
    return {"format": planfile.FORMAT_VERSION, "plan": data}
