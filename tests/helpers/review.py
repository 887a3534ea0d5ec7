"""The review steps of the four-eyes tests: a person in a role, and Godkänn as the
dashboard posts it."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import TaskState

#: A changed number (tests/editorial/test_four_eyes.py, test_four_eyes_buttons.py).
NEW_NUMBER = "020-52 10 11"
SUPERUSER = "Superanvändare"


def person(role, username):
    if role == SUPERUSER:
        user = get_user_model().objects.create_superuser(username=username, password="x")
    else:
        user = get_user_model().objects.create_user(username=username, password="x")
        for name in role.split(" + "):
            user.groups.add(Group.objects.get(name=name))
    client = Client()
    client.force_login(user)
    return client


def approve(client, obj):
    """Godkänn on the task in progress, as the dashboard's button posts it."""
    state = TaskState.objects.get(
        workflow_state__object_id=str(obj.pk),
        status=TaskState.STATUS_IN_PROGRESS,
        workflow_state__base_content_type__model=obj._meta.model_name,
    )
    url = reverse(
        f"wagtailsnippets_information_{obj._meta.model_name}:workflow_action",
        args=[obj.pk, "approve", state.pk],
    )
    return client.post(url, {"comment": ""})
