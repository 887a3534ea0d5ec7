"""Action plans; split into modules by reason in the next commit."""

from plans.models.measures import *  # noqa: F401,F403
