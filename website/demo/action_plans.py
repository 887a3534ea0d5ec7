"""Demo content of the plans app for the reference site: the page "Handlingsplaner" under
the home page and the three seed plans, imported from ``website/demo/plans/*.yaml`` with
the same code as ``import_plan``."""

from pathlib import Path

from wagtail.models import Locale

from plans.models import PlanIndexPage
from plans.planfile import import_plan, read
from website.demo.utils import ensure_child_page, stable_key
from website.models import HomePage

PLAN_FILES = Path(__file__).resolve().parent / "plans"

INDEX = {
    "title": "Handlingsplaner",
    "slug": "handlingsplaner",
    "show_in_menus": True,
    "search_description": "Kommunens handlingsplaner mot våld i nära relation, hedersrelaterat våld och förtryck, prostitution och människohandel: varje åtgärd, vem som ansvarar och hur arbetet går.",
    "intro": "<p>Här finns kommunens handlingsplaner mot våld. Du kan se varje åtgärd, vem som ansvarar för den, när den ska vara klar och hur arbetet går.</p>",
}


def load():
    """Create (or update) the plan index under the Swedish home page and import every seed plan."""
    home = HomePage.objects.get(
        translation_key=stable_key("page:home"), locale=Locale.objects.get(language_code="sv")
    )
    index = ensure_child_page(home, PlanIndexPage, "page:plans", **INDEX)
    counts = []
    for path in sorted(PLAN_FILES.glob("*.yaml")):
        plan, _created = import_plan(
            read(path), parent_path=str(index.pk), locale_code="sv", publish=True
        )
        counts.append(plan.plan_key)
    return f"{len(counts)} plans under '{index.title}': {', '.join(counts)}"
