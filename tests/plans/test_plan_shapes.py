"""The other shapes the seeds README names fit without losing a column:
"Delmål / Aktiviteter / Ansvarig / Tidplan" under numbered focus areas, and
"Område / Mål / Aktiviteter / Tid / Ansvar / Uppföljning"."""

import pytest
from django.utils.html import escape

from plans.models import FocusAreaPage, Measure, Organisation, PlanPage
from plans.planfile import export_plan, import_plan, parse

pytestmark = pytest.mark.django_db

OMRADE_SHAPE = {
    "format": 1,
    "plan": {
        "key": "omrade-plan",
        "title": "Plan mot våld i nära relationer",
        "until_further_notice": True,
        "deciding_body": "Kommunfullmäktige",
        "decision_date": "2023-05-10",
        "document_owner": "Socialchef",
        "registration_number": "KS 2023/123",
        "version": "2.0",
        "revisions": [
            {"date": "2024-03-01", "change": "Uppföljningen flyttad till socialnämnden."}
        ],
        "organisations": [{"key": "sn", "name": "Socialnämnden", "kind": "committee"}],
        "focus_areas": [
            {
                "number": "A",
                "label": "Område",
                "title": "Stöd till våldsutsatta",
                "goals": [
                    {
                        "identifier": "A.1",
                        "title": "Våldsutsatta får stöd utifrån sina behov",
                        "measures": [
                            {
                                "identifier": None,
                                "title": "Våldsutsatta får stöd utifrån sina behov",
                                "activities": [
                                    "Ta fram rutin för skyddat boende",
                                    "Utbilda personal i FREDA",
                                ],
                                "responsible": [
                                    {"organisation": "sn", "role": "lead"},
                                    {"text": "Enhetschef IFO", "role": "co"},
                                ],
                                "time_frame": "2024",
                                "follow_up": "Antal utbildade redovisas i årsberättelsen",
                                "status": "done",
                                "status_updates": [
                                    {
                                        "date": "2024-12-15",
                                        "status": "done",
                                        "note": "Rutinen antagen.",
                                        "by": "IFO",
                                    }
                                ],
                            }
                        ],
                    }
                ],
                "measures": [],
            }
        ],
    },
}


def test_omrade_mal_shape_keeps_every_column(client, plan_index):
    plan, _ = import_plan(OMRADE_SHAPE, publish=True)
    area = FocusAreaPage.objects.child_of(plan).get()
    html = client.get(area.url).content.decode()
    assert "Område A" in html
    assert "A.1" in html and "Våldsutsatta får stöd utifrån sina behov" in html
    assert "Ta fram rutin för skyddat boende" in html and "Enhetschef IFO" in html
    measure = Measure.objects.get()
    page = client.get(f"{plan.url}atgarder/{measure.pk}/").content.decode()
    assert "Antal utbildade redovisas i årsberättelsen" in page
    assert "Rutinen antagen." in page and "2024-12-15" in page
    plan_html = client.get(plan.url).content.decode()
    for text in (
        "Kommunfullmäktige",
        "2023-05-10",
        "Socialchef",
        "KS 2023/123",
        "2.0",
        escape("Uppföljningen flyttad till socialnämnden."),
    ):
        assert text in plan_html


def test_a_plan_with_goals_and_follow_up_survives_the_round_trip(plan_index):
    from tests.helpers.plans import make_plan_data

    import_plan(OMRADE_SHAPE, publish=True)
    import_plan(make_plan_data(12, key="with-goals"), publish=True)
    first = {p.plan_key: export_plan(p) for p in PlanPage.objects.all()}
    for plan in PlanPage.objects.all():
        plan.delete()
    Organisation.objects.all().delete()
    for text in first.values():
        import_plan(parse(text), publish=True)
    assert {p.plan_key: export_plan(p) for p in PlanPage.objects.all()} == first
    assert "goals:" in first["with-goals"] and "status_updates:" in first["with-goals"]
