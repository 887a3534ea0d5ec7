"""Admin users for tests: one user in one role (docs/roles.md), logged in."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client


def make_user(group_name, username="oversattare"):
    """A new user whose only group is ``group_name`` (a role)."""
    user = get_user_model().objects.create_user(username=username, password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def login(role, username):
    """A test client logged in as a new user whose only group is ``role``."""
    client = Client()
    client.force_login(make_user(role, username))
    return client
