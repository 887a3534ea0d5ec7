"""Plans in tests: the seed plan files as data, generated plans of any size, translations."""

from pathlib import Path

import yaml
from wagtail.models import Locale

DEMO_PLAN_FILES = sorted(
    (Path(__file__).resolve().parents[2] / "website" / "demo" / "plans").glob("*.yaml")
)


def demo_plan_data():
    """Each seed plan file as data: {file stem: data}."""
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in DEMO_PLAN_FILES}


def all_measures(plan_data):
    """Every measure of a plan file's data, with its focus area, in plan order."""
    for area in plan_data["plan"]["focus_areas"]:
        for measure in area.get("measures") or []:
            yield area, measure
        for goal in area.get("goals") or []:
            for measure in goal.get("measures") or []:
                yield area, measure


def make_plan_data(measure_count, key="generated", focus_areas=2):
    """A valid plan file (as data) with ``measure_count`` measures spread over focus areas,
    each with two responsible bodies (a register organisation and free text), two
    prevention levels and a follow-up entry (which sets its status): everything a listing shows."""
    organisations = [
        {"key": f"org{i}", "name": f"Nämnd {i}", "kind": "committee"} for i in range(5)
    ]
    areas = [
        {
            "number": str(a + 1),
            "label": "Fokusområde",
            "title": f"Område {a + 1}",
            "conditions": ["Kunskap finns."],
            "goals": [{"identifier": f"{a + 1}.1", "title": "Ett delmål", "measures": []}],
            "measures": [],
        }
        for a in range(focus_areas)
    ]
    for i in range(measure_count):
        area = areas[i % focus_areas]
        measure = {
            "identifier": f"{i % focus_areas + 1}:{i // focus_areas + 1}",
            "title": f"Åtgärd nummer {i}",
            "activities": ["En aktivitet", "En till"],
            "responsible": [
                {"organisation": f"org{i % 5}", "role": "lead"},
                {"text": "Alla chefer", "role": "co"},
            ],
            "prevention_levels": ["universal", "selective"] if i % 2 else ["indicated"],
            "target_groups": ["children"],
            "time_frame": "Klart ht 2025",
            "status": "ongoing" if i % 3 else "not_started",
            "status_updates": [
                {"date": "2025-01-31", "status": "ongoing", "note": "Påbörjad", "by": "Samordnaren"}
                if i % 3
                else {
                    "date": "2025-01-31",
                    "status": "not_started",
                    "note": "Väntar på beslut",
                    "by": "Samordnaren",
                }
            ],
        }
        if i % 4 == 0:
            area["goals"][0]["measures"].append(measure)
        else:
            area["measures"].append(measure)
    return {
        "format": 1,
        "plan": {
            "key": key,
            "title": f"Genererad plan med {measure_count} åtgärder",
            "municipality": "Exempelkommun",
            "scope": ["VINR"],
            "valid_from": "2024-01-01",
            "valid_until": "2027-12-31",
            "sections": [
                {"heading": "Inledning", "body": "Ett stycke.\n\n- en punkt\n- en till\n"}
            ],
            "definitions": [{"term": "VINR", "definition": "Våld i nära relation."}],
            "organisations": organisations,
            "focus_areas": areas,
        },
    }


def translate_plan(plan, language_code, title):
    """The plan and its focus areas translated (copied, as wagtail-localize starts a
    translation) into another language and published; the parents become aliases."""
    from plans.models import FocusAreaPage

    locale = Locale.objects.get(language_code=language_code)
    translated = plan.copy_for_translation(locale, copy_parents=True).specific
    translated.title = title
    translated.save_revision().publish()
    for area in FocusAreaPage.objects.child_of(plan):
        copy = area.copy_for_translation(locale).specific
        copy.title = f"{copy.title} (ع)"
        copy.save_revision().publish()
    return translated.__class__.objects.get(pk=translated.pk)


def make_home_page():
    """A Swedish home page as the default site's root: what plans need of the site skeleton
    (the full demo site translates the home page into every language)."""
    from wagtail.models import Page, Site

    from website.demo.site import HOME_TEXT
    from website.demo.utils import ensure_locales, stable_key
    from website.models import HomePage

    locales = ensure_locales()
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locales["sv"]))
    home = HomePage(
        translation_key=stable_key("page:home"), locale=locales["sv"], slug="hem", **HOME_TEXT["sv"]
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Test"
    )
    return home


def make_plan_index():
    """The Swedish "Handlingsplaner" page under the home page, as load_demo makes it."""
    from plans.models import PlanIndexPage
    from website.demo.action_plans import INDEX
    from website.demo.utils import ensure_child_page, stable_key
    from website.models import HomePage

    home = HomePage.objects.get(translation_key=stable_key("page:home"), locale__language_code="sv")
    return ensure_child_page(home, PlanIndexPage, "page:plans", **INDEX)
