"""A plan that calls its focus areas "Områden" (``labels.focus_areas``) and its follow-up
"Återrapportering" (``labels.follow_up``) reads so in every heading and navigation label
that names those levels, not the site's "Fokusområden" and "Uppföljning"."""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan_with_own_words(demo_site):
    from plans.models import PlanIndexPage
    from plans.planfile import import_plan, read
    from website.demo.action_plans import PLAN_FILES
    from website.demo.utils import ensure_child_page

    data = read(PLAN_FILES / "vingaker-hrv.yaml")
    data["plan"]["labels"] = {"focus_areas": "Områden", "follow_up": "Återrapportering"}
    for area in data["plan"]["focus_areas"]:
        area["label"] = "Område"
    index = ensure_child_page(
        demo_site, PlanIndexPage, "page:plans", title="Handlingsplaner", slug="handlingsplaner"
    )
    plan, _created = import_plan(data, parent_path=str(index.pk), locale_code="sv", publish=True)
    return plan


def _text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_plans_words_name_its_levels_on_every_page(plan_with_own_words, client):
    from plans.models import FocusAreaPage

    client.defaults["HTTP_HOST"] = "localhost"
    plan = plan_with_own_words
    area = FocusAreaPage.objects.live().child_of(plan).first()
    pages = {
        "plan": plan.url,
        "focus area": area.url,
        "measures": f"{plan.url}atgarder/",
        "follow-up": f"{plan.url}uppfoljning/",
        "print": f"{plan.url}utskrift/",
    }
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        text = _text(response.content.decode())
        assert "Fokusområden" not in text, name
        assert not re.search(r"\bUppföljning\b", text), name
        if name != "focus area":  # names no follow-up
            assert "Återrapportering" in text, name
    area_text = _text(client.get(area.url).content.decode())
    assert re.search(
        r'<h2 id="siblings-heading">\s*Områden', client.get(area.url).content.decode()
    ), area_text[:400]
