"""The roles and the workflow are made again safely, also in a database without pages.

Its own module: the other review tests share a demo site for their whole module
(``shared_support_site``), and this test empties the page tree.
"""

from django.contrib.auth.models import Group
from wagtail.models import Page, Workflow, WorkflowContentType, WorkflowPage

from website.roles import (
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
    assert {w.content_type.model for w in WorkflowContentType.objects.filter(workflow=workflow)} == {
        "helpline", "localservice", "brochure", "glossaryterm",
    }
    # Wagtail's default workflow (renamed in Swedish by website/migrations/0003) is off.
    # (Wagtail's migration made it; a database flushed by an earlier test no longer has it.)
    assert not Workflow.objects.filter(name__in=WAGTAIL_DEFAULT_WORKFLOW_NAMES, active=True).exists()
    # A database without pages (a flushed test database) still gets groups and workflows.
    Page.objects.filter(depth=1).delete()
    ensure_roles()
    assert Group.objects.filter(name=COMMUNICATORS).exists()
    assert WorkflowContentType.objects.filter(workflow=workflow).count() == 4
