"""The admin makes a 40-measure plan practical: measures in collapsed inline panels headed
by their identifier, an organisation register, and a listing of measures with filters."""

import pytest
from django.contrib.auth import get_user_model

from plans.models import FocusAreaPage, Organisation
from tests.helpers.html import one, select

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(user)
    return client


def test_focus_area_editor_heads_each_measure_with_its_identifier(admin_client, demo_plans):
    area = FocusAreaPage.objects.get(number="1", locale__language_code="sv")
    response = admin_client.get(f"/admin/pages/{area.pk}/edit/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "1:6 Arrangera kampanjveckan Orange Week" in html
    assert html.count("w-panel collapsed") >= 8  # every saved measure starts collapsed
    assert "Ansvariga" in html and "Uppföljningar" in html


def test_measure_listing_filters_by_status_and_organisation(admin_client, demo_plans):
    from plans.models import Measure

    Measure.objects.filter(identifier="1:3").update(status="ongoing")
    kfn = Organisation.objects.get(key="kfn")
    html = admin_client.get(
        f"/admin/plans/atgarder/?status=ongoing&organisation={kfn.pk}"
    ).content.decode()
    assert (
        "1 åtgärd<" in html and "Tillgodose relevanta samverkan" in html
    )  # singular, as Swedish says it
    html = admin_client.get(f"/admin/plans/atgarder/?organisation={kfn.pk}").content.decode()
    assert "Implementera och följa upp det normkritiska arbetet" in html
    assert "Sprida föräldraskapsprogram" not in html  # socialnämnden's alone


def test_organisation_register_is_a_snippet(admin_client):
    from tests.helpers.factories import OrganisationFactory

    OrganisationFactory(name="Kultur- och fritidsnämnderna", key="kfn")
    response = admin_client.get("/admin/snippets/plans/organisation/")
    assert response.status_code == 200
    assert "Kultur- och fritidsnämnderna" in response.content.decode()


def test_organisation_chooser_can_create_a_new_organisation(admin_client, home_page):
    html = admin_client.get("/admin/snippets/choose/plans/organisation/").content.decode()
    assert "Ny organisation" in html
    response = admin_client.post(
        "/admin/snippets/choose/plans/organisation/create/",
        {
            "name": "Barn- och utbildningsnämnden",
            "short_name": "BUN",
            "kind": "committee",
            "key": "bun",
        },
    )
    assert response.status_code == 200
    created = Organisation.objects.get(key="bun")
    assert created.locale.language_code == "sv"


def test_a_measure_goal_is_chosen_by_its_title(admin_client, import_generated):
    plan = import_generated(8)
    area = FocusAreaPage.objects.child_of(plan).order_by("path").first()
    html = admin_client.get(f"/admin/pages/{area.pk}/edit/").content.decode()
    assert "1. 1.1 Ett delmål" in html


def test_the_measure_listing_opens_the_measure_itself_expanded(admin_client, import_generated):
    from plans.models import Measure

    plan = import_generated(8)
    area = FocusAreaPage.objects.child_of(plan).order_by("path").first()
    measures = list(Measure.objects.filter(focus_area=area).order_by("sort_order"))
    wanted = measures[2]
    listing = admin_client.get("/admin/plans/atgarder/").content.decode()
    link = f"/admin/pages/{area.pk}/edit/?measure={wanted.pk}#measure-{wanted.pk}"
    assert f'href="{link}"' in listing
    page = admin_client.get(link.split("#")[0])
    child = one(page, f"[data-inline-panel-child]:has(> #measure-{wanted.pk})")
    assert not select(child, ".w-panel.collapsed")  # the measure asked for is open
    assert len(select(page, ".w-panel.collapsed")) >= len(measures) - 1  # the others stay closed


def test_a_half_filled_focus_area_is_not_autosaved(admin_client, import_generated):
    """Autosave posted half-filled measure forms every half second and then showed
    "Autosave is paused" over the errors: editors save drafts themselves."""
    plan = import_generated(2)
    area = FocusAreaPage.objects.child_of(plan).order_by("path").first()
    html = admin_client.get(f"/admin/pages/{area.pk}/edit/").content.decode()
    assert "data-w-autosave-interval-value" not in html
