"""No "Godkänn" that leads to "not allowed" (issue 21; docs/roles.md, "Four eyes").

A Granskare who changed a helpline's number and submitted it was still offered *Godkänn*,
in the edit form's action menu and on the dashboard, and was then refused. Where the
button would be, they now read why: another reviewer approves. A second Granskare still
gets the button and the approval works.
"""

import pytest
from django.urls import reverse
from wagtail.models import TaskState

from editorial.roles import REVIEWERS
from tests.helpers.review import NEW_NUMBER, approve, person
from tests.helpers.snippets import edit_url, form_for, swedish

pytestmark = pytest.mark.django_db

EXPLANATION = "Du ändrade telefonnummer – en annan granskare godkänner"


def submitted_by(client, obj, **changes):
    client.post(edit_url(obj), form_for(obj, **changes, **{"action-submit": "submit"}))
    state = TaskState.objects.get(
        workflow_state__object_id=str(obj.pk),
        workflow_state__base_content_type__model=obj._meta.model_name,
        status=TaskState.STATUS_IN_PROGRESS,
    )
    return state


def approve_url(obj, state):
    return reverse(
        f"wagtailsnippets_information_{obj._meta.model_name}:workflow_action",
        args=[obj.pk, "approve", state.pk],
    )


@pytest.mark.parametrize(
    "model_name, name", [("helpline", "Terrafem"), ("localservice", "Kvinnojouren")]
)
def test_the_author_of_a_number_is_not_offered_approve_but_told_why(
    shared_support_site, model_name, name
):
    obj = swedish(model_name, name)
    author = person(REVIEWERS, "granskare")
    state = submitted_by(author, obj, phone_number=NEW_NUMBER)

    form = author.get(edit_url(obj)).content.decode()
    assert 'data-workflow-action-name="approve"' not in form
    assert 'data-workflow-action-name="reject"' in form  # Begär ändringar stays
    assert EXPLANATION in form

    dashboard = author.get(reverse("wagtailadmin_home")).content.decode()
    assert edit_url(obj) in dashboard  # still listed: they may request changes
    assert approve_url(obj, state) not in dashboard
    assert EXPLANATION in dashboard

    other = person(REVIEWERS, "granskare2")
    assert 'data-workflow-action-name="approve"' in other.get(edit_url(obj)).content.decode()
    other_dashboard = other.get(reverse("wagtailadmin_home")).content.decode()
    assert approve_url(obj, state) in other_dashboard
    assert EXPLANATION not in other_dashboard
    approve(other, obj)
    obj.refresh_from_db()
    assert obj.phone_number == NEW_NUMBER


def test_a_change_of_another_field_keeps_approve_for_its_author(shared_support_site):
    terrafem = swedish("helpline", "Terrafem")
    author = person(REVIEWERS, "granskare")
    state = submitted_by(author, terrafem, audience="För alla som utsätts för våld.")
    assert 'data-workflow-action-name="approve"' in author.get(edit_url(terrafem)).content.decode()
    assert approve_url(terrafem, state) in author.get(reverse("wagtailadmin_home")).content.decode()
