"""Admin users for tests: one user in one role (docs/roles.md), logged in."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client


def login(role, username):
    """A test client logged in as a new user whose only group is ``role``."""
    user = get_user_model().objects.create_user(username=username, password="x")
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    return client
