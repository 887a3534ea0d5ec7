"""Measures (åtgärder) as the plan writes them, who is responsible, and their follow-up;
the queries public listings make of them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import pgettext, pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
)
from wagtail.models import Orderable, TranslatableMixin

from multilingual.localization import localized_from_register
from plans.fields import MultipleChoiceField
from plans.models.focus_areas import FocusAreaGoal, FocusAreaPage
from plans.models.organisations import Organisation
from plans.models.values import lines
from plans.panels import RestorableInlinePanel
from plans.vocabulary import (
    NO_STATUS,
    NO_STATUS_ADMIN_LABEL,
    NO_STATUS_LABEL,
    PREVENTION_LEVELS,
    ROLES,
    STATUS,
    TARGET_GROUPS,
)
from plans.widgets import OrganisationAutocomplete


class MeasureQuerySet(models.QuerySet):
    def public_under(self, page):
        """Measures of live, public focus areas below ``page`` (a plan or the plan index)."""
        focus_areas = FocusAreaPage.objects.descendant_of(page).live().public()
        return self.filter(focus_area__in=focus_areas.values("pk"))

    def with_public_relations(self):
        """Everything a public listing shows, in a fixed number of queries."""
        return self.select_related("focus_area", "locale").prefetch_related(
            Prefetch(
                "responsibilities",
                queryset=Responsibility.objects.select_related(
                    "organisation", "organisation__locale"
                ).order_by("sort_order"),
            ),
            Prefetch(
                "status_updates", queryset=StatusUpdate.objects.order_by("date", "sort_order")
            ),
            Prefetch("focus_area__goals", queryset=FocusAreaGoal.objects.order_by("sort_order")),
        )

    def listing(self, focus_areas, organisations=()):
        """The measures as a list for a listing of ``focus_areas`` (the caller's objects,
        which get their goals here), with their responsible bodies.

        Each measure shares its focus area's object and each responsibility the register's
        organisation object (from ``organisations`` where given, else fetched once),
        instead of a copy in every row as ``with_public_relations`` makes: a focus area is
        a page, a wide model, and fifty copies of it cost more than the listing's queries.
        Follow-ups are not fetched: a listing shows the status."""
        prefetch_related_objects(
            [
                area
                for area in focus_areas
                if "goals" not in getattr(area, "_prefetched_objects_cache", {})
            ],
            Prefetch("goals", queryset=FocusAreaGoal.objects.order_by("sort_order")),
        )
        areas = {area.pk: area for area in focus_areas}
        measures = list(
            self.select_related(None)
            .prefetch_related(None)
            .prefetch_related(
                Prefetch("responsibilities", queryset=Responsibility.objects.order_by("sort_order"))
            )
        )
        # One ``.all()`` per measure: each is a new manager and queryset (about 12 µs).
        responsibilities = [(measure, measure.responsibilities.all()) for measure in measures]
        known = {organisation.pk: organisation for organisation in organisations}
        missing = {
            r.organisation_id
            for _measure, rows in responsibilities
            for r in rows
            if r.organisation_id and r.organisation_id not in known
        }
        if missing:
            known.update(Organisation.objects.in_bulk(missing))
        for measure, rows in responsibilities:
            area = areas.get(measure.focus_area_id)
            if area is not None:
                measure._state.fields_cache["focus_area"] = area
            for responsibility in rows:
                if responsibility.organisation_id:
                    responsibility._state.fields_cache["organisation"] = known[
                        responsibility.organisation_id
                    ]
        return measures


class Measure(TranslatableMixin, Orderable, ClusterableModel):
    """A measure (åtgärd) as the plan writes it, with who is responsible and its follow-up.

    ``PUBLIC_FIELDS`` is the one list of what the public sees of a measure: the measure
    page, the CSV and the JSON export all read it.
    """

    focus_area = ParentalKey(FocusAreaPage, on_delete=models.CASCADE, related_name="measures")
    identifier = models.CharField(
        pgettext_lazy("admin", "identifier"),
        max_length=20,
        blank=True,
        help_text=pgettext_lazy(
            "admin",
            "As the plan writes it, e.g. 1:3 or 2.1. Unique within the plan. Empty if the plan does not number.",
        ),
    )
    title = models.TextField(
        pgettext_lazy("admin", "measure"),
        blank=True,
        help_text=pgettext_lazy(
            "admin",
            "As the plan writes it. Empty when the plan has no measure column: the row then belongs to its goal.",
        ),
    )
    # The goal's own identity: its translation key, the same in every language's copy of
    # the focus area and in every revision, so a measure stays with its goal however the
    # goals are ordered. Not a ForeignKey: a goal added in a draft has no row yet, and a
    # translated measure must name the translated goal (see FocusAreaGoal).
    goal_key = models.UUIDField(
        pgettext_lazy("admin", "belongs to goal"),
        null=True,
        blank=True,
        help_text=pgettext_lazy(
            "admin",
            "One of the goals above. A goal just added can be chosen once the page has been saved. "
            "Empty if the measure belongs to no goal.",
        ),
    )
    activities = models.TextField(
        pgettext_lazy("admin", "activities"),
        blank=True,
        help_text=pgettext_lazy("admin", "One activity per line."),
    )
    prevention_levels = MultipleChoiceField(
        pgettext_lazy("admin", "prevention level"), choices=PREVENTION_LEVELS.choices
    )
    target_groups = MultipleChoiceField(
        pgettext_lazy("admin", "target groups"), choices=TARGET_GROUPS.choices
    )
    time_frame = models.CharField(
        pgettext_lazy("admin", "time frame"),
        max_length=255,
        blank=True,
        help_text=pgettext_lazy("admin", "As the plan writes it, e.g. 'Klart ht 2025'."),
    )
    due_date = models.DateField(pgettext_lazy("admin", "due date"), null=True, blank=True)
    follow_up = models.TextField(
        pgettext_lazy("admin", "follow-up"),
        blank=True,
        help_text=pgettext_lazy("admin", "How the measure is followed up."),
    )
    note = models.TextField(pgettext_lazy("admin", "comment"), blank=True)
    responsible_as_written = models.TextField(
        pgettext_lazy("admin", "responsibility as the plan writes it"),
        blank=True,
        help_text=pgettext_lazy(
            "admin",
            "The cell of responsibility word for word, e.g. 'Kvalitetsteamet med stöd av IFO'. Shown on the "
            "measure's page; the list of responsible bodies above drives filters and organisation pages.",
        ),
    )
    status = models.CharField(
        pgettext_lazy("admin", "status"),
        max_length=20,
        blank=True,
        default=NO_STATUS,
        choices=[(NO_STATUS, NO_STATUS_ADMIN_LABEL)] + STATUS.choices,
        help_text=pgettext_lazy(
            "admin", "Set by the latest follow-up when the measure has follow-ups."
        ),
    )

    objects = MeasureQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("identifier"), FieldPanel("status"), FieldPanel("goal_key")]),
        FieldPanel("title"),
        FieldPanel("activities"),
        RestorableInlinePanel(
            "responsibilities",
            label=pgettext_lazy("admin", "responsible body"),
            heading=pgettext_lazy("admin", "Responsible bodies"),
        ),
        FieldPanel("responsible_as_written"),
        FieldRowPanel([FieldPanel("prevention_levels"), FieldPanel("target_groups")]),
        FieldRowPanel([FieldPanel("time_frame"), FieldPanel("due_date")]),
        FieldPanel("follow_up"),
        FieldPanel("note"),
        RestorableInlinePanel(
            "status_updates",
            label=pgettext_lazy("admin", "follow-up"),
            heading=pgettext_lazy("admin", "Follow-ups"),
        ),
    ]

    PUBLIC_FIELDS = [
        "identifier",
        "title",
        "activities",
        "responsible",
        "responsible_as_written",
        "prevention_levels",
        "target_groups",
        "time_frame",
        "due_date",
        "follow_up",
        "note",
        "status",
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = pgettext_lazy("admin", "measure")
        verbose_name_plural = pgettext_lazy("admin", "measures")
        ordering = ["sort_order"]

    def __str__(self):
        return f"{self.identifier} {self.display_title}".strip()

    def clean(self):
        super().clean()
        if not self.title.strip() and not self.goal_key:
            raise ValidationError(
                {
                    "title": pgettext(
                        "admin", "Write the measure, or choose the goal the row belongs to."
                    )
                }
            )

    def save(self, *args, **kwargs):
        self.status_from_follow_ups()
        self._saving_with_follow_ups = (
            True  # its follow-ups are saved with it: see sync_measure_status
        )
        try:
            return super().save(*args, **kwargs)
        finally:
            self._saving_with_follow_ups = False

    def status_from_follow_ups(self):
        """Set ``status`` from the latest dated follow-up entry, when there is one.

        The one rule for a measure's status: a follow-up entry is how a status is reported,
        so the latest one (by date, then by its place in the list) is the status everywhere.
        A measure without follow-ups keeps the status its plan gives (or none)."""
        latest = self.latest_update
        if latest is not None and latest.status:
            self.status = latest.status
        return self.status

    @property
    def display_title(self):
        """The measure's own title; a row without one is named by its goal."""
        if self.title:
            return self.title
        goal = self.goal
        return goal.title if goal else ""

    @classmethod
    def from_serializable_data(cls, data, check_fks=True, strict_fks=False):
        """A measure from a revision of its focus area, with its responsible bodies and
        follow-ups even when the measure's row was deleted since.

        modelcluster checks each child's foreign keys against the database and drops a
        child whose ``on_delete=CASCADE`` key points to a missing row. For a child's
        ``measure`` key that row is this very measure, restored from the same revision:
        not a reference to check. Without it, publishing (or reverting to) a revision
        from before a measure was removed brought the measure back bare.
        """
        data = dict(data)
        for relation in ("responsibilities", "status_updates"):
            if relation in data:
                data[relation] = [
                    {k: v for k, v in child.items() if k != "measure"} for child in data[relation]
                ]
        return super().from_serializable_data(data, check_fks=check_fks, strict_fks=strict_fks)

    @property
    def plan(self):
        """The plan page (found from the focus area's path, without a query per measure)."""
        return self.focus_area.plan

    @property
    def activity_list(self):
        return lines(self.activities)

    @property
    def goal(self):
        """The goal of this measure's focus area (in the same language and revision) that
        the measure belongs to, or None: also when that goal was removed since."""
        if not self.goal_key:
            return None
        return next(
            (g for g in self.focus_area.goals.all() if g.translation_key == self.goal_key), None
        )

    @property
    def status_label(self):
        return STATUS.public_label(self.status) if self.status else NO_STATUS_LABEL

    @property
    def prevention_level_labels(self):
        return PREVENTION_LEVELS.public_labels(self.prevention_levels)

    @property
    def target_group_labels(self):
        return TARGET_GROUPS.public_labels(self.target_groups)

    @property
    def latest_update(self):
        updates = list(self.status_updates.all())
        return max(updates, key=lambda u: (u.date, u.sort_order or 0)) if updates else None

    @cached_property
    def responsible_by_role(self):
        """``[(role, [responsibility, …]), …]`` for the roles the measure has, in the
        vocabulary's order (responsible, co-responsible, with support from)."""
        by_role = {}
        for responsibility in self.responsibilities.all():
            by_role.setdefault(responsibility.role, []).append(responsibility)
        return [(role, by_role[role]) for role in ROLES.keys if role in by_role]

    @property
    def leads(self):
        return [r for r in self.responsibilities.all() if r.role == "lead"]

    @property
    def co_responsible(self):
        return [r for r in self.responsibilities.all() if r.role == "co"]

    @property
    def supporting(self):
        return [r for r in self.responsibilities.all() if r.role == "support"]

    def slug(self):
        return (
            slugify(self.identifier.replace(":", "-").replace(".", "-")) if self.identifier else ""
        )


class Responsibility(Orderable):
    """Who is responsible for a measure, with which role, in the order the plan lists them.

    Either an organisation from the register or, where the plan names none ("Alla
    chefer", "IFO-chef"), the plan's own words.
    """

    measure = ParentalKey(Measure, on_delete=models.CASCADE, related_name="responsibilities")
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="responsibilities",
        verbose_name=pgettext_lazy("admin", "organisation"),
    )
    text = models.CharField(
        pgettext_lazy("admin", "or free text"),
        max_length=255,
        blank=True,
        help_text=pgettext_lazy("admin", "If the plan names no organisation."),
    )
    role = models.CharField(
        pgettext_lazy("admin", "role"), max_length=10, choices=ROLES.choices, default="lead"
    )

    panels = [
        FieldRowPanel(
            [
                FieldPanel(
                    "organisation",
                    widget=OrganisationAutocomplete(),
                    help_text=pgettext_lazy(
                        "admin", "Type part of the name and choose from the list."
                    ),
                ),
                FieldPanel("text"),
                FieldPanel("role"),
            ]
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = pgettext_lazy("admin", "responsible body")
        verbose_name_plural = pgettext_lazy("admin", "responsible bodies")

    def clean(self):
        if bool(self.organisation_id) == bool(self.text.strip()):
            raise ValidationError(
                pgettext("admin", "Choose an organisation or write free text (not both).")
            )

    @property
    def organisation_for_visitor(self):
        """The organisation in the visitor's language where it is translated."""
        return localized_from_register(self.organisation)

    @property
    def name(self):
        if self.organisation_id:
            return self.organisation_for_visitor.name
        return self.text

    @property
    def role_label(self):
        return ROLES.public_label(self.role)

    def __str__(self):
        return self.name


class StatusUpdate(Orderable):
    """A dated follow-up of a measure: its status then, a note, and who reported it."""

    measure = ParentalKey(Measure, on_delete=models.CASCADE, related_name="status_updates")
    date = models.DateField(pgettext_lazy("admin", "date"))
    status = models.CharField(
        pgettext_lazy("admin", "status"), max_length=20, choices=STATUS.choices
    )
    note = models.TextField(pgettext_lazy("admin", "note"), blank=True)
    reported_by = models.CharField(
        pgettext_lazy("admin", "reported by"), max_length=200, blank=True
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("status"), FieldPanel("reported_by")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = pgettext_lazy("admin", "follow-up")
        verbose_name_plural = pgettext_lazy("admin", "follow-ups")

    @property
    def status_label(self):
        return STATUS.public_label(self.status)


@receiver(post_save, sender=StatusUpdate)
@receiver(post_delete, sender=StatusUpdate)
def sync_measure_status(sender, instance, raw=False, **kwargs):
    """A follow-up saved or deleted on its own (not with its measure's form, where
    :meth:`Measure.save` already derived the status) gives the measure its latest status."""
    parent = instance._state.fields_cache.get("measure")
    if raw or getattr(parent, "_saving_with_follow_ups", False):
        return
    latest = (
        StatusUpdate.objects.filter(measure_id=instance.measure_id)
        .order_by("-date", "-sort_order")
        .first()
    )
    if latest is not None:
        Measure.objects.filter(pk=instance.measure_id).exclude(status=latest.status).update(
            status=latest.status
        )
