"""Action plans (handlingsplaner): plans, focus areas, goals, measures and their follow-up.

The tree is ``PlanIndexPage`` → ``PlanPage`` → ``FocusAreaPage``. Goals and measures are
inline children of their focus area (not pages): they are edited, published, versioned
and translated together with the focus area, the way the plan document groups them.
Organisations are a translatable snippet that every plan's measures refer to.

One module per reason to change: ``organisations``, ``plan_pages``, ``focus_areas`` (with
its admin form in ``focus_area_form``), ``measures``; ``reference_index`` and ``values``
are what they share. Every name other code imports from ``plans.models`` is here.
"""

from plans.models.focus_area_form import FocusAreaPageForm
from plans.models.focus_areas import FocusAreaGoal, FocusAreaPage, FocusAreaRemoval
from plans.models.measures import (
    Measure,
    MeasureQuerySet,
    Responsibility,
    StatusUpdate,
    sync_measure_status,
)
from plans.models.organisations import Organisation
from plans.models.plan_pages import PlanIndexPage, PlanPage, PlanRevision
from plans.models.reference_index import references_indexed_by_caller
from plans.models.values import as_uuid, lines

__all__ = [
    "FocusAreaGoal",
    "FocusAreaPage",
    "FocusAreaPageForm",
    "FocusAreaRemoval",
    "Measure",
    "MeasureQuerySet",
    "Organisation",
    "PlanIndexPage",
    "PlanPage",
    "PlanRevision",
    "Responsibility",
    "StatusUpdate",
    "as_uuid",
    "lines",
    "references_indexed_by_caller",
    "sync_measure_status",
]
