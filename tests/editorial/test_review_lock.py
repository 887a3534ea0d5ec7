"""What a reviewer approves is exactly what goes live (issue 21, finding 1).

Replayed through the admin as the people did it: a Kommunikatör submits a helpline with
new opening hours, opens it again and saves a new number as a draft; the Granskare reads
the dashboard and the compare view and approves. The number must either be in what the
reviewer was shown, or not go live. Wagtail approves the in-progress task; once something
changed after submission, the task starts again on the changed version
(``editorial.review_lock``), and approving publishes the revision the task was on.
"""

import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision, TaskState, WorkflowState

from editorial.roles import COMMUNICATORS, HELPLINE_EDITORS, REVIEWERS
from tests.helpers.admin import login
from tests.helpers.snippets import edit_url, form_for, helpline_form, swedish

pytestmark = pytest.mark.django_db

UNREVIEWED_NUMBER = "020-52 10 11"
NEW_HOURS = "Vardagar 8–20"


def dashboard_row(client, obj):
    """The row of ``obj`` under "Väntar på din granskning", its links unescaped."""
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    start = html.index(edit_url(obj))
    row = html[html.rindex("<tr>", 0, start) : html.index("</tr>", start)]
    return unescape(row)


def compare_url(row, obj):
    prefix = f"/admin/snippets/information/{obj._meta.model_name}/history/{obj.pk}/revisions/compare/live..."
    match = re.search(re.escape(prefix) + r"\d+/", row)
    assert match, row
    return match.group(0)


def approve_url(row):
    match = re.search(r'data-workflow-action-url="([^"]*/approve/\d+/)"', row)
    assert match, row
    return match.group(1)


def changes(compare):
    """The compare view's rows as (label, new text), in order: deleted text left out."""
    rows = re.findall(
        r'title-wrapper">(.*?)</div>.*?class="comparison">(.*?)</td>', compare, re.DOTALL
    )
    return [
        (
            label.strip().rstrip(":"),
            unescape(
                re.sub(r"<[^>]+>", "", re.sub(r'<span class="deletion">.*?</span>', "", text))
            ).strip(),
        )
        for label, text in rows
    ]


def public(url):
    return Client().get(url).content.decode()


def submit_then_change_the_number(obj, editor):
    """Sequence 1 of the issue: submit new hours, open the form again, save a new number."""
    response = editor.post(
        edit_url(obj), form_for(obj, opening_hours=NEW_HOURS, **{"action-submit": "submit"})
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    obj.refresh_from_db()
    assert obj.workflow_in_progress
    editor.get(edit_url(obj))
    editor.post(
        edit_url(obj), form_for(obj, opening_hours=NEW_HOURS, phone_number=UNREVIEWED_NUMBER)
    )


@pytest.mark.parametrize(
    ("model_name", "name", "role"),
    [("helpline", "Terrafem", COMMUNICATORS), ("localservice", "Kvinnojouren", HELPLINE_EDITORS)],
)
def test_what_the_reviewer_approves_is_what_goes_live(shared_support_site, model_name, name, role):
    obj = swedish(model_name, name)
    old_number = obj.phone_number
    submit_then_change_the_number(obj, login(role, "redaktor"))

    reviewer = login(REVIEWERS, "granskare")
    row = dashboard_row(reviewer, obj)
    # The row names the number the reviewer is asked to approve.
    assert UNREVIEWED_NUMBER in row, row
    shown = changes(reviewer.get(compare_url(row, obj)).content.decode())
    # Every field that differs from the live version, the number first.
    assert shown[0] == ("Telefonnummer", UNREVIEWED_NUMBER), shown
    assert ("Öppettider", NEW_HOURS) in shown, shown
    assert old_number != UNREVIEWED_NUMBER

    approved = TaskState.objects.get(pk=approve_url(row).rstrip("/").rsplit("/", 1)[1])
    response = reviewer.post(approve_url(row), {"comment": ""})
    assert response.status_code in (200, 302)
    obj.refresh_from_db()
    assert obj.live_revision_id == approved.revision_id
    assert (obj.phone_number, obj.opening_hours) == (UNREVIEWED_NUMBER, NEW_HOURS)
    assert not obj.has_unpublished_changes


def test_a_change_after_the_reviewer_looked_makes_the_old_approval_fail(shared_support_site):
    """The reviewer's open dashboard names the submitted version; approving it after a later
    change (here a save outside the form) publishes nothing."""
    terrafem = swedish("helpline", "Terrafem")
    old_number = terrafem.phone_number
    communicator = login(COMMUNICATORS, "kommunikator")
    communicator.post(
        edit_url(terrafem),
        helpline_form(terrafem, opening_hours=NEW_HOURS, **{"action-submit": "submit"}),
    )
    reviewer = login(REVIEWERS, "granskare")
    row = dashboard_row(reviewer, terrafem)
    assert "Telefonnummer" not in dict(
        changes(reviewer.get(compare_url(row, terrafem)).content.decode())
    )

    # A save by any other way than the form: the script, the translation sync, a shell.
    terrafem.refresh_from_db()
    draft = terrafem.get_latest_revision_as_object()
    draft.phone_number = UNREVIEWED_NUMBER
    draft.save_revision(user=get_user_model().objects.get(username="kommunikator"))

    # Wagtail answers a refused action with its dashboard and "no permission".
    response = reviewer.post(approve_url(row), {"comment": ""})
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    terrafem.refresh_from_db()
    assert terrafem.phone_number == old_number and terrafem.workflow_in_progress
    assert UNREVIEWED_NUMBER not in public("/sv/stod/utsatt-for-vald/")
    # It waits again, now with the number in the compare view.
    row = dashboard_row(reviewer, terrafem)
    shown = dict(changes(reviewer.get(compare_url(row, terrafem)).content.decode()))
    assert shown["Telefonnummer"] == UNREVIEWED_NUMBER, shown


def test_approving_publishes_the_approved_revision_never_a_later_one(shared_support_site):
    """Should a revision ever be written past the checks (a bulk insert, say), approving
    still publishes the revision the task was on, and the later one stays a draft."""
    terrafem = swedish("helpline", "Terrafem")
    old_number = terrafem.phone_number
    communicator = login(COMMUNICATORS, "kommunikator")
    communicator.post(
        edit_url(terrafem),
        helpline_form(terrafem, opening_hours=NEW_HOURS, **{"action-submit": "submit"}),
    )
    terrafem.refresh_from_db()
    submitted = terrafem.latest_revision
    later = Revision.objects.bulk_create(
        [
            Revision(
                content_type_id=submitted.content_type_id,
                base_content_type_id=submitted.base_content_type_id,
                object_id=submitted.object_id,
                content={**submitted.content, "phone_number": UNREVIEWED_NUMBER},
                object_str=submitted.object_str,
                user=submitted.user,
                created_at=timezone.now(),
            )
        ]
    )[0]
    type(terrafem).objects.filter(pk=terrafem.pk).update(latest_revision=later)

    reviewer = login(REVIEWERS, "granskare")
    assert reviewer.post(
        approve_url(dashboard_row(reviewer, terrafem)), {"comment": ""}
    ).status_code in (200, 302)
    terrafem.refresh_from_db()
    assert terrafem.live_revision_id == submitted.pk
    assert (terrafem.phone_number, terrafem.opening_hours) == (old_number, NEW_HOURS)
    assert terrafem.has_unpublished_changes
    html = public("/sv/stod/utsatt-for-vald/")
    assert old_number in html and UNREVIEWED_NUMBER not in html
    assert (
        WorkflowState.objects.for_instance(terrafem).get().status == WorkflowState.STATUS_APPROVED
    )
