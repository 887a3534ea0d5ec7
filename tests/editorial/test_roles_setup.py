"""The roles and the workflow are made again safely, also in a database without pages.

Its own module: the other review tests share a demo site for their whole module
(``shared_support_site``), and this test empties the page tree.
"""

from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from wagtail.models import Page, Workflow, WorkflowContentType, WorkflowPage

from editorial.roles import (
    COMMUNICATORS,
    REVIEW_WORKFLOW,
    REVIEWERS,
    WAGTAIL_DEFAULT_WORKFLOW_NAMES,
    ensure_roles,
)


def test_the_roles_setup_runs_again_and_without_any_page(db):
    def counts():
        return (
            Group.objects.count(),
            Workflow.objects.count(),
            WorkflowPage.objects.count(),
            WorkflowContentType.objects.count(),
            Group.objects.get(name=REVIEWERS).permissions.count(),
        )

    before = counts()
    ensure_roles()
    assert counts() == before
    # The migration's workflow is on the tree root and on the four snippet models.
    workflow = Workflow.objects.get(name=REVIEW_WORKFLOW)
    assert WorkflowPage.objects.get(page__depth=1).workflow == workflow
    assert {
        w.content_type.model for w in WorkflowContentType.objects.filter(workflow=workflow)
    } == {
        "helpline",
        "localservice",
        "brochure",
        "glossaryterm",
    }
    # Wagtail's default workflow (renamed in Swedish by website/migrations/0003) is off.
    # (Wagtail's migration made it; a database flushed by an earlier test no longer has it.)
    assert not Workflow.objects.filter(
        name__in=WAGTAIL_DEFAULT_WORKFLOW_NAMES, active=True
    ).exists()
    # A database without pages (a flushed test database) still gets groups and workflows.
    Page.objects.filter(depth=1).delete()
    ensure_roles()
    assert Group.objects.filter(name=COMMUNICATORS).exists()
    assert WorkflowContentType.objects.filter(workflow=workflow).count() == 4


def test_wagtails_own_groups_give_way_to_the_roles_and_their_members_keep_their_work(db):
    """Issue 21, finding 3: Moderators published past the review and sat first in the user form."""
    from django.contrib.auth import get_user_model

    from editorial.roles import restore_wagtail_groups

    # website/migrations/0007 has run in every install: Wagtail's groups are gone.
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    # An install where someone still is a Moderator or Editor: they join the role that
    # does the same, and the group goes.
    restore_wagtail_groups(django_apps)
    moderators = Group.objects.get(name="Moderators")
    assert moderators.page_permissions.filter(permission__codename="publish_page").exists()
    moderator = get_user_model().objects.create_user(username="moderator")
    editor = get_user_model().objects.create_user(username="editor")
    moderator.groups.add(moderators)
    editor.groups.add(Group.objects.get(name="Editors"))
    ensure_roles()
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    assert list(moderator.groups.values_list("name", flat=True)) == [REVIEWERS]
    assert list(editor.groups.values_list("name", flat=True)) == [COMMUNICATORS]


def test_the_user_form_names_the_superuser_box_apart_from_the_roles(admin_client):
    from django.urls import reverse

    html = admin_client.get(
        reverse("wagtailusers_users:add"), HTTP_ACCEPT_LANGUAGE="sv"
    ).content.decode()
    assert "Superanvändare (all behörighet)" in html
    # "Administratör" is the role only, once; Wagtail's English groups are not offered.
    assert html.count(">Administratör<") + html.count("> Administratör<") <= 1
    assert "Administratör" in html
    for name in ("Moderators", "Editors"):
        assert name not in html
