"""Four eyes on a number (issue 21, finding 3): the matrix of docs/roles.md, "Four eyes".

Each cell asks the admin as the person meets it: *publish own*: they change the number in
the edit form and choose *Publicera*; *approve own*: they submit their change and approve
it from the dashboard; *approve other's*: a Kommunikatör submits the change and they
approve it; *publish other field*: they change the audience and publish. ✓ means the
change is live afterwards.
"""

from pathlib import Path

import pytest
from django.test import override_settings

from editorial.roles import ADMINISTRATORS, COMMUNICATORS, HELPLINE_EDITORS, REVIEWERS
from tests.helpers.review import NEW_NUMBER, SUPERUSER, approve, person
from tests.helpers.snippets import edit_url, form_for, swedish

pytestmark = pytest.mark.django_db

NEW_AUDIENCE = "För alla som utsätts för våld."
ACTIONS = ("publish own", "approve own", "approve other's", "publish other field")

#: docs/roles.md, "Four eyes": what each person may do with a changed number.
MATRIX = {
    REVIEWERS: {"approve other's", "publish other field"},
    SUPERUSER: {"approve other's", "publish other field"},
    f"{ADMINISTRATORS} + {REVIEWERS}": {"approve other's", "publish other field"},
    COMMUNICATORS: set(),
    HELPLINE_EDITORS: set(),
}
CONTENT = {
    "stödlinje": ("helpline", "Terrafem"),
    "lokal stödverksamhet": ("localservice", "Kvinnojouren"),
}

CELLS = [
    pytest.param(role, content, action, action in MATRIX[role], id=f"{role}-{content}-{action}")
    for role in MATRIX
    for content in CONTENT
    for action in ACTIONS
]


def goes_live(action, client, obj):
    if action == "publish own":
        client.post(
            edit_url(obj), form_for(obj, phone_number=NEW_NUMBER, **{"action-publish": "publish"})
        )
    elif action == "publish other field":
        client.post(
            edit_url(obj), form_for(obj, audience=NEW_AUDIENCE, **{"action-publish": "publish"})
        )
    elif action == "approve own":
        client.post(
            edit_url(obj), form_for(obj, phone_number=NEW_NUMBER, **{"action-submit": "submit"})
        )
        obj.refresh_from_db()
        if obj.workflow_in_progress:
            approve(client, obj)
    elif action == "approve other's":
        person(COMMUNICATORS, "kommunikator").post(
            edit_url(obj), form_for(obj, phone_number=NEW_NUMBER, **{"action-submit": "submit"})
        )
        approve(client, obj)
    obj.refresh_from_db()
    return (
        obj.audience == NEW_AUDIENCE
        if action == "publish other field"
        else obj.phone_number == NEW_NUMBER
    )


@pytest.mark.parametrize(("role", "content", "action", "allowed"), CELLS)
def test_nobody_publishes_their_own_change_of_a_number(
    shared_support_site, role, content, action, allowed
):
    obj = swedish(*CONTENT[content])
    assert goes_live(action, person(role, "person"), obj) is allowed


def test_publishing_ones_own_number_keeps_it_as_a_draft_and_says_why(shared_support_site):
    terrafem = swedish("helpline", "Terrafem")
    old_number = terrafem.phone_number
    reviewer = person(REVIEWERS, "granskare")
    response = reviewer.post(
        edit_url(terrafem),
        form_for(terrafem, phone_number=NEW_NUMBER, **{"action-publish": "publish"}),
        follow=True,
    )
    assert "en andra person måste godkänna" in response.content.decode()
    terrafem.refresh_from_db()
    assert terrafem.phone_number == old_number
    assert terrafem.get_latest_revision_as_object().phone_number == NEW_NUMBER
    # Submitted, a second reviewer approves it.
    reviewer.post(
        edit_url(terrafem),
        form_for(terrafem, phone_number=NEW_NUMBER, **{"action-submit": "submit"}),
    )
    approve(person(REVIEWERS, "granskare2"), terrafem)
    terrafem.refresh_from_db()
    assert terrafem.phone_number == NEW_NUMBER


@override_settings(VINR_FOUR_EYES_FIELDS={})
def test_without_four_eyes_a_reviewer_publishes_a_number_alone(shared_support_site):
    terrafem = swedish("helpline", "Terrafem")
    assert goes_live("publish own", person(REVIEWERS, "granskare"), terrafem)


def test_docs_roles_md_shows_the_same_four_eyes_matrix():
    text = (Path(__file__).resolve().parents[2] / "docs" / "roles.md").read_text(encoding="utf-8")
    for role, allowed in MATRIX.items():
        for content in CONTENT:
            cells = " | ".join("✓" if action in allowed else "–" for action in ACTIONS)
            assert f"| {role} | {content} | {cells} |" in text, (role, content)
