"""Plan files (docs/plan-format.md); split into modules by reason in the next commit."""

from plans.planfile.importing import *  # noqa: F401,F403
