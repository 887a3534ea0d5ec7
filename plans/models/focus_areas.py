"""Focus areas (fokusområden) with their goals, and the record of a focus area the plan's
file no longer has. Measures are inline children of their focus area (measures.py)."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    TitleFieldPanel,
)
from wagtail.models import Orderable, Page, ReferenceIndex, TranslatableMixin
from wagtail.search import index

from multilingual.pages import HostBaseTemplateMixin
from multilingual.search_words import SEARCH_FIELDS, FoundByAnyWord
from plans.models.focus_area_form import FocusAreaPageForm
from plans.models.reference_index import caller_indexes_references
from plans.models.values import lines
from plans.panels import MeasureInlinePanel, RestorableInlinePanel


class FocusAreaPage(HostBaseTemplateMixin, FoundByAnyWord, Page):
    """A focus area (fokusområde), or whatever the plan calls this level: delmål, område."""

    base_form_class = FocusAreaPageForm

    number = models.CharField(
        pgettext_lazy("admin", "number"),
        max_length=20,
        blank=True,
        help_text=pgettext_lazy(
            "admin", "As the plan writes it, e.g. 1. Leave empty if the plan does not number."
        ),
    )
    label = models.CharField(
        pgettext_lazy("admin", "name of the level"),
        max_length=60,
        blank=True,
        default="Fokusområde",
        help_text=pgettext_lazy(
            "admin", "What the plan calls the level: Fokusområde, Delmål, Område …"
        ),
    )
    introduction = models.TextField(pgettext_lazy("admin", "introductory text"), blank=True)
    conditions = models.TextField(
        pgettext_lazy("admin", "conditions"),
        blank=True,
        help_text=pgettext_lazy(
            "admin", "What needs to be in place to reach the focus area. One per line."
        ),
    )

    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("conditions"),
        *SEARCH_FIELDS,
    ]

    content_panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("number")]),
        TitleFieldPanel("title"),
        FieldPanel("introduction"),
        FieldPanel("conditions"),
        RestorableInlinePanel(
            "goals",
            label=pgettext_lazy("admin", "goal"),
            heading=pgettext_lazy("admin", "Goals (sub-goals) within the focus area"),
            classname="collapsed",
        ),
        MeasureInlinePanel(
            "measures",
            label=pgettext_lazy("admin", "measure"),
            heading=pgettext_lazy("admin", "Measures"),
        ),
    ]

    parent_page_types = ["plans.PlanPage"]
    subpage_types = []

    class Meta:
        verbose_name = pgettext_lazy("admin", "focus area")
        verbose_name_plural = pgettext_lazy("admin", "focus areas")

    def save(self, *args, **kwargs):
        # Wagtail re-indexes the page's references after the save of each inline child
        # (every measure, responsibility and follow-up entry), each time reading the whole
        # page: quadratic for a focus area with forty measures. Index once, after saving.
        self._link_measures_of_a_copy()
        if caller_indexes_references():
            return super().save(*args, **kwargs)  # the caller indexes (import_plan)
        from wagtail.signal_handlers import disable_reference_index_auto_update  # imports models

        with disable_reference_index_auto_update():
            result = super().save(*args, **kwargs)
        ReferenceIndex.create_or_update_for_object(self)
        return result

    def _link_measures_of_a_copy(self):
        """A copy of a focus area (Wagtail's Copy, which gives the copied goals new keys)
        keeps each measure with the copy of its goal: the goal at the same place.

        Only measures whose key names none of this page's goals are looked at, and only a
        key that names a goal of another focus area in the same language is followed."""
        own = {goal.translation_key for goal in self.goals.all()}
        strays = [m for m in self.measures.all() if m.goal_key and m.goal_key not in own]
        if not strays:
            return
        places = {
            goal.translation_key: (goal.focus_area_id, goal.sort_order)
            for goal in FocusAreaGoal.objects.filter(
                translation_key__in={m.goal_key for m in strays}, locale_id=self.locale_id
            )
        }
        by_place = {goal.sort_order: goal.translation_key for goal in self.goals.all()}
        for measure in strays:
            place = places.get(measure.goal_key)
            if place is not None and place[0] != self.pk:
                measure.goal_key = by_place.get(place[1])

    def clean(self):
        super().clean()
        # The revision (draft or published) carries each measure's status as its latest
        # follow-up sets it, so a draft preview and the published page agree.
        for measure in self.measures.all():
            measure.status_from_follow_ups()

    @property
    def condition_list(self):
        return lines(self.conditions)

    @property
    def heading(self):
        """ "Fokusområde 1: Title" as the plan writes it."""
        prefix = " ".join(part for part in (self.label, self.number) if part)
        return f"{prefix}: {self.title}" if prefix else self.title

    @cached_property
    def plan(self):
        return self.get_parent().specific

    def public_measures(self):
        from plans.models.measures import Measure  # measures.py imports this module

        return (
            Measure.objects.filter(focus_area=self).with_public_relations().order_by("sort_order")
        )

    def get_context(self, request, *args, **kwargs):
        from plans.page_context import focus_area_context

        context = super().get_context(request, *args, **kwargs)
        context.update(focus_area_context(self))
        return context


class FocusAreaRemoval(models.Model):
    """A focus area that the plan's file no longer has: removed from the plan, never deleted.

    ``import_plan`` without ``--publish`` only records the removal, and the focus area stays
    live; publishing the plan (``import_plan --publish`` or the Publish button on the plan
    in the admin) unpublishes it. The page keeps its measures and revisions, so nothing is
    lost: publishing the focus area again in the admin brings it back and forgets the
    removal. Exports leave removed focus areas out, pending or applied.
    """

    focus_area = models.OneToOneField(
        FocusAreaPage, on_delete=models.CASCADE, related_name="removal"
    )
    recorded_at = models.DateTimeField(
        pgettext_lazy("admin", "removed from the plan file"), auto_now_add=True
    )
    applied_at = models.DateTimeField(pgettext_lazy("admin", "unpublished"), null=True, blank=True)

    class Meta:
        verbose_name = pgettext_lazy("admin", "removed focus area")
        verbose_name_plural = pgettext_lazy("admin", "removed focus areas")

    def __str__(self):
        return str(self.focus_area)

    @classmethod
    def apply_pending(cls, plan):
        """Unpublish the focus areas of ``plan`` whose removal waits for the plan's publishing."""
        from django.utils import timezone

        for removal in cls.objects.filter(
            applied_at=None, focus_area__in=FocusAreaPage.objects.child_of(plan)
        ):
            area = removal.focus_area
            if area.live:
                area.unpublish()
            removal.applied_at = timezone.now()
            removal.save(update_fields=["applied_at"])


class FocusAreaGoal(TranslatableMixin, Orderable):
    """A goal (mål, delmål) inside a focus area, under which measures can be grouped.

    Measures name their goal by its ``translation_key`` (``Measure.goal_key``): the key
    stays with the goal when goals are reordered, is kept in every revision (draft goals
    included), and is shared by the goal's translations, so a translated focus area's
    measures belong to the translated goals with no relinking."""

    focus_area = ParentalKey(FocusAreaPage, on_delete=models.CASCADE, related_name="goals")
    identifier = models.CharField(
        pgettext_lazy("admin", "identifier"),
        max_length=20,
        blank=True,
        help_text=pgettext_lazy("admin", "E.g. 1.1, as the plan writes it."),
    )
    title = models.TextField(pgettext_lazy("admin", "goal"))

    panels = [FieldPanel("identifier"), FieldPanel("title")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = pgettext_lazy("admin", "goal")
        verbose_name_plural = pgettext_lazy("admin", "goal")
        ordering = ["sort_order"]

    def __str__(self):
        return f"{self.identifier} {self.title}".strip()
