"""The permission matrix of docs/roles.md: one test per role, content and action.

Each cell asks the admin itself, as the person would meet it: the edit view opens (edit)
and offers "Skicka till granskning" (submit) or "Publicera" (publish); the unpublish view
opens (unpublish); a POST to the delete view deletes (delete). Approving asks the
workflow's task, Wagtail's group approval task, which actions it gives the person.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, Workflow

from editorial.roles import (
    ADMINISTRATORS,
    COMMUNICATORS,
    HELPLINE_EDITORS,
    REVIEW_WORKFLOW,
    REVIEWERS,
    translator_group_name,
)

pytestmark = pytest.mark.django_db

ARABIC_TRANSLATORS = translator_group_name("ar")
ACTIONS = ("edit", "submit", "approve", "publish", "unpublish", "delete")

#: (label, what to find): pages by model, slug and language; snippets by model and language.
CONTENT = {
    "stödsida sv": ("page", "information.SupportPage", "utsatt-for-vald", "sv"),
    "stödsida ar": ("page", "information.SupportPage", "utsatt-for-vald", "ar"),
    "stödsida en": ("page", "information.SupportPage", "utsatt-for-vald", "en"),
    "broschyr sv": ("snippet", "information.Brochure", "stod-vid-vald", "sv"),
    "broschyr ar": ("snippet", "information.Brochure", "stod-vid-vald", "ar"),
    "stödlinje sv": ("snippet", "information.Helpline", "Kvinnofridslinjen", "sv"),
    "stödlinje ar": ("snippet", "information.Helpline", "Kvinnofridslinjen", "ar"),
    "stödlinje en": ("snippet", "information.Helpline", "Kvinnofridslinjen", "en"),
    "lokal stödverksamhet sv": ("snippet", "information.LocalService", "Kvinnojouren", "sv"),
    "lokal stödverksamhet ar": ("snippet", "information.LocalService", "Kvinnojouren", "ar"),
    "handlingsplaner sv": ("page", "plans.PlanIndexPage", "handlingsplaner", "sv"),
}

EVERYTHING = set(ACTIONS)
EDIT_AND_SUBMIT = {"edit", "submit"}
NOTHING = set()

#: The matrix of docs/roles.md: what each role may do with each content.
MATRIX = {
    COMMUNICATORS: {content: EDIT_AND_SUBMIT for content in CONTENT},
    REVIEWERS: {content: EVERYTHING for content in CONTENT},
    ARABIC_TRANSLATORS: {
        content: EDIT_AND_SUBMIT if content.endswith(" ar") else NOTHING for content in CONTENT
    },
    ADMINISTRATORS: {content: NOTHING for content in CONTENT},
    HELPLINE_EDITORS: {
        content: EDIT_AND_SUBMIT
        if content.startswith(("stödlinje", "lokal stödverksamhet"))
        else NOTHING
        for content in CONTENT
    },
}

CELLS = [
    pytest.param(
        role, content, action, action in MATRIX[role][content], id=f"{role}-{content}-{action}"
    )
    for role in MATRIX
    for content in CONTENT
    for action in ACTIONS
]


@pytest.fixture(scope="module")
def matrix_site(shared_support_site, django_db_blocker):
    """The demo support section and a plans section page, for the whole module."""
    from plans.models import PlanIndexPage
    from website.demo.utils import ensure_child_page

    with django_db_blocker.unblock():
        home = Page.objects.get(depth=2, locale__language_code="sv")
        ensure_child_page(
            home.specific,
            PlanIndexPage,
            "page:plans",
            title="Handlingsplaner",
            slug="handlingsplaner",
        )
    return shared_support_site


def find(content):
    from django.apps import apps

    kind, model_name, key, code = CONTENT[content]
    model = apps.get_model(model_name)
    objects = model.objects.filter(locale__language_code=code)
    if kind == "page":
        return objects.get(slug=key, alias_of__isnull=True)
    field = {"Brochure": "slug", "Helpline": "name", "LocalService": "name"}[model.__name__]
    source = model.objects.get(**{field: key, "locale__language_code": "sv"})
    return objects.get(translation_key=source.translation_key)


def admin_url(obj, view, *args):
    if isinstance(obj, Page):
        return reverse(f"wagtailadmin_pages:{view}", args=[obj.pk, *args])
    meta = obj._meta
    return reverse(
        f"wagtailsnippets_{meta.app_label}_{meta.model_name}:{view}", args=[obj.pk, *args]
    )


def person(role):
    user = get_user_model().objects.create_user(username="person", password="x")
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    return user, client


def edit_form(client, obj):
    """The edit view's HTML, or None when it does not open for this person."""
    response = client.get(admin_url(obj, "edit"))
    if response.status_code != 200:
        return None
    return response.content.decode()


def may(action, user, client, obj):
    """Whether the admin lets ``user`` do ``action`` to ``obj``."""
    if action == "edit":
        return edit_form(client, obj) is not None
    if action == "submit":
        return 'name="action-submit"' in (edit_form(client, obj) or "")
    if action == "publish":
        return 'name="action-publish"' in (edit_form(client, obj) or "")
    if action == "approve":
        workflow = obj.get_workflow()
        assert workflow == Workflow.objects.get(name=REVIEW_WORKFLOW)
        task = workflow.tasks.get().specific
        return "approve" in [name for name, *_rest in task.get_actions(obj, user)]
    if action == "unpublish":
        assert obj.live
        return client.get(admin_url(obj, "unpublish")).status_code == 200
    if action == "delete":
        client.post(admin_url(obj, "delete"))
        return not type(obj).objects.filter(pk=obj.pk).exists()
    raise AssertionError(action)


@pytest.mark.parametrize(("role", "content", "action", "allowed"), CELLS)
def test_the_admin_allows_exactly_what_docs_roles_md_says(
    matrix_site, role, content, action, allowed
):
    obj = find(content)
    user, client = person(role)
    assert may(action, user, client, obj) is allowed


def test_docs_roles_md_shows_the_same_matrix():
    """The table people read is the one the tests check (✓ allowed, – not)."""
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "docs" / "roles.md").read_text(encoding="utf-8")
    for role, row in MATRIX.items():
        for content, allowed in row.items():
            cells = " | ".join("✓" if action in allowed else "–" for action in ACTIONS)
            assert f"| {role} | {content} | {cells} |" in text, (role, content)
