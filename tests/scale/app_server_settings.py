"""The app servers of tests/scale/test_app_servers_and_worker.py: those of
tests/app_server_settings.py, with the render task queued for a worker elsewhere
(django-tasks' dummy backend keeps it; the test runs the worker as its own process)."""

from tests.app_server_settings import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
