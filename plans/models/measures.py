"""Action plans (handlingsplaner): plans, focus areas, goals, measures and their follow-up.

The tree is ``PlanIndexPage`` → ``PlanPage`` → ``FocusAreaPage``. Goals and measures are
inline children of their focus area (not pages): they are edited, published, versioned
and translated together with the focus area, the way the plan document groups them.
Organisations are a translatable snippet that every plan's measures refer to.
"""

import threading
import uuid
from contextlib import contextmanager
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import get_language, pgettext, pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    TitleFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page, ReferenceIndex, TranslatableMixin
from wagtail.search import index

from multilingual.localization import localized_from_register
from multilingual.admin_search import word_endings
from multilingual.search_words import SEARCH_FIELDS, FoundByAnyWord
from multilingual.conf import PageTypesSetting, plan_index_parent_page_types
from multilingual.pages import HostBaseTemplateMixin, ParentPageTypesFromSettings
from plans.blocks import DefinitionBlock, NarrativeBlock
from plans.fields import MultipleChoiceField
from plans.panels import MeasureInlinePanel, RestorableInlinePanel
from plans.widgets import OrganisationAutocomplete
from plans.vocabulary import (
    NO_STATUS,
    NO_STATUS_ADMIN_LABEL,
    NO_STATUS_LABEL,
    ORGANISATION_KINDS,
    PLAN_LABELS,
    PREVENTION_LEVELS,
    ROLES,
    SCOPES,
    STATUS,
    TARGET_GROUPS,
)


_references_indexed_by_caller = threading.local()


@contextmanager
def references_indexed_by_caller():
    """Within this block, saving pages (focus areas included) leaves their reference index
    to the caller, who indexes each page once at the end (``import_plan``).

    Our own flag around Wagtail's public ``disable_reference_index_auto_update``: a focus
    area needs to know whether someone will index it, and Wagtail keeps that state in a
    private thread-local that is not ours to read."""
    from wagtail.signal_handlers import disable_reference_index_auto_update  # imports models

    previous = getattr(_references_indexed_by_caller, "value", False)
    _references_indexed_by_caller.value = True
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        _references_indexed_by_caller.value = previous


def as_uuid(value):
    """A goal key from a form (text) or from the database or a revision (UUID)."""
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def lines(text):
    """The non-empty lines of a "one per line" text field, as a list."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


# Organisations ---------------------------------------------------------------------------


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """A body that can be responsible for measures: a committee (nämnd), an office, a unit,
    a municipal company or an outside partner. One register for every plan of the site."""

    key = models.SlugField(
        pgettext_lazy("admin", "key"), max_length=80,
        help_text=pgettext_lazy("admin", "Short and stable, e.g. 'sn' for the social services committee. Used in plan files and in the address of the organisation's page."),
    )
    name = models.CharField(pgettext_lazy("admin", "name of the organisation"), max_length=200)
    short_name = models.CharField(pgettext_lazy("admin", "abbreviation"), max_length=40, blank=True)
    kind = models.CharField(pgettext_lazy("admin", "kind"), max_length=20, choices=ORGANISATION_KINDS.choices, default="committee")

    panels = [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("kind"), FieldPanel("key")]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("name"),
        index.AutocompleteField("short_name"),
        index.AutocompleteField("word_endings"),  # "nämnd" finds Socialnämnden
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = pgettext_lazy("admin", "organisation")
        verbose_name_plural = pgettext_lazy("admin", "organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["key", "locale"], name="plans_organisation_key_per_locale"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        """A key taken in this language is a form error: the admin's form leaves the locale
        out, so Django does not check the unique constraint and the save would fail."""
        super().clean()
        locale_id = self.locale_id or getattr(Locale.get_default(), "pk", None)
        taken = Organisation.objects.filter(key=self.key, locale_id=locale_id).exclude(pk=self.pk)
        if self.key and taken.exists():
            raise ValidationError({"key": pgettext("admin", "Another organisation in this language already has the key “%(key)s”.") % {"key": self.key}})

    @property
    def kind_label(self):
        return ORGANISATION_KINDS.public_label(self.kind)

    def word_endings(self):
        return word_endings(self.name, self.short_name)


# Plans -----------------------------------------------------------------------------------


class PlanIndexPage(ParentPageTypesFromSettings, HostBaseTemplateMixin, RoutablePageMixin, FoundByAnyWord, Page):
    """All the municipality's plans: in force, upcoming and archived.

    It also serves one page per organisation (``organisationer/<key>/``) listing every
    measure the organisation leads or shares, across all plans below this page. A route
    here rather than a page per organisation: organisations are a register (a snippet
    shared by every plan) and their page is a view of the plans, not content an editor
    writes.
    """

    intro = RichTextField(pgettext_lazy("admin", "lead paragraph"), blank=True, features=["bold", "italic", "link"])
    search_fields = Page.search_fields + [index.SearchField("intro"), *SEARCH_FIELDS]

    content_panels = Page.content_panels + [FieldPanel("intro")]
    # Any page type unless the site says otherwise (VINR_PLAN_INDEX_PARENT_PAGE_TYPES).
    parent_page_types = PageTypesSetting(plan_index_parent_page_types)
    subpage_types = ["plans.PlanPage"]

    class Meta:
        verbose_name = pgettext_lazy("admin", "page of action plans")
        verbose_name_plural = pgettext_lazy("admin", "pages of action plans")

    def plans_by_period(self, today=None):
        """The live plans below this page, grouped by :meth:`PlanPage.period`."""
        today = today or date.today()
        groups = {"in_force": [], "upcoming": [], "archived": [], "undated": []}
        for plan in PlanPage.objects.child_of(self).live().public().order_by("-valid_from", "title"):
            groups[plan.period(today)].append(plan)
        return groups

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.plans_by_period())
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("organisationer/<slug:key>/", name="organisation")
    def organisation(self, request, key):
        from plans.views import organisation_page

        return organisation_page(self, request, key)


class PlanRevision(Orderable):
    """One line of the plan's revision log (revideringshistorik)."""

    plan = ParentalKey("plans.PlanPage", on_delete=models.CASCADE, related_name="revision_log")
    date = models.DateField(pgettext_lazy("admin", "date"))
    change = models.TextField(pgettext_lazy("admin", "what changed"))

    panels = [FieldPanel("date"), FieldPanel("change")]

    class Meta(Orderable.Meta):
        verbose_name = pgettext_lazy("admin", "revision")
        verbose_name_plural = pgettext_lazy("admin", "revisions")


class PlanPage(HostBaseTemplateMixin, RoutablePageMixin, FoundByAnyWord, Page):
    """One action plan with its metadata, narrative chapters and (as children) focus areas.

    Views of the whole plan's measures (list, one measure, exports, follow-up report,
    print and PDF) are routes here: they read the measures of every focus area below.
    """

    plan_key = models.SlugField(
        pgettext_lazy("admin", "plan key"), max_length=100, blank=True,
        help_text=pgettext_lazy("admin", "A stable key for importing plan files: a new import with the same key updates the plan."),
    )
    municipality = models.CharField(pgettext_lazy("admin", "municipality"), max_length=100, blank=True)
    summary = models.TextField(pgettext_lazy("admin", "summary"), blank=True, help_text=pgettext_lazy("admin", "One or two sentences for lists and search results."))
    scope = MultipleChoiceField(pgettext_lazy("admin", "covers"), choices=SCOPES.choices)
    deciding_body = models.CharField(pgettext_lazy("admin", "deciding body"), max_length=200, blank=True)
    decision_date = models.DateField(pgettext_lazy("admin", "decided"), null=True, blank=True)
    last_revised = models.DateField(pgettext_lazy("admin", "last revised"), null=True, blank=True)
    valid_from = models.DateField(pgettext_lazy("admin", "valid from"), null=True, blank=True)
    valid_until = models.DateField(pgettext_lazy("admin", "valid until"), null=True, blank=True)
    until_further_notice = models.BooleanField(pgettext_lazy("admin", "valid until further notice"), default=False)
    document_owner = models.CharField(pgettext_lazy("admin", "document owner"), max_length=200, blank=True)
    registration_number = models.CharField(pgettext_lazy("admin", "registration number"), max_length=100, blank=True)
    version = models.CharField(pgettext_lazy("admin", "version"), max_length=40, blank=True)
    vision = models.TextField(pgettext_lazy("admin", "vision"), blank=True)
    overall_goals = models.TextField(pgettext_lazy("admin", "overall goals"), blank=True, help_text=pgettext_lazy("admin", "One goal per line."))
    target_groups = models.TextField(pgettext_lazy("admin", "target groups"), blank=True, help_text=pgettext_lazy("admin", "One target group per line."))
    follow_up = models.TextField(pgettext_lazy("admin", "follow-up of the plan"), blank=True)
    definitions = StreamField([("definition", DefinitionBlock())], blank=True, verbose_name=pgettext_lazy("admin", "terms"))
    body = StreamField(NarrativeBlock(), blank=True, verbose_name=pgettext_lazy("admin", "the plan's text"))
    original_document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=pgettext_lazy("admin", "original document"), help_text=pgettext_lazy("admin", "The plan as it was decided, e.g. as a PDF."),
    )
    # The plan's own words for its levels and columns (plan.labels in a plan file); empty
    # means the site's usual word. Page fields, so a translation of the plan translates them.
    focus_areas_label = models.CharField(
        pgettext_lazy("admin", "heading for the focus areas"), max_length=60, blank=True, help_text=pgettext_lazy("admin", "E.g. Områden or Delmål. Empty: Fokusområden.")
    )
    goal_label = models.CharField(pgettext_lazy("admin", "word for goal"), max_length=60, blank=True, help_text=pgettext_lazy("admin", "E.g. Delmål. Empty: Mål."))
    measure_label = models.CharField(pgettext_lazy("admin", "word for measure"), max_length=60, blank=True, help_text=pgettext_lazy("admin", "Empty: Åtgärd."))
    activities_label = models.CharField(pgettext_lazy("admin", "word for activities"), max_length=60, blank=True, help_text=pgettext_lazy("admin", "E.g. Insatser. Empty: Aktiviteter."))
    responsible_label = models.CharField(pgettext_lazy("admin", "word for responsibility"), max_length=60, blank=True, help_text=pgettext_lazy("admin", "E.g. Ansvarig. Empty: Ansvarig."))
    time_frame_label = models.CharField(pgettext_lazy("admin", "word for time frame"), max_length=60, blank=True, help_text=pgettext_lazy("admin", "E.g. Tidplan or Tid. Empty: Tidsram."))
    follow_up_label = models.CharField(pgettext_lazy("admin", "word for follow-up"), max_length=60, blank=True, help_text=pgettext_lazy("admin", "Empty: Uppföljning."))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("municipality"),
                FieldPanel("scope"),
                FieldPanel("deciding_body"),
                FieldRowPanel([FieldPanel("decision_date"), FieldPanel("last_revised")]),
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until"), FieldPanel("until_further_notice")]),
                FieldRowPanel([FieldPanel("document_owner"), FieldPanel("registration_number"), FieldPanel("version")]),
                FieldPanel("original_document"),
            ],
            heading=pgettext_lazy("admin", "About the plan"),
        ),
        RestorableInlinePanel("revision_log", label=pgettext_lazy("admin", "revision"), heading=pgettext_lazy("admin", "Revision history"), classname="collapsed"),
        MultiFieldPanel(
            [FieldPanel("vision"), FieldPanel("overall_goals"), FieldPanel("target_groups"), FieldPanel("follow_up")],
            heading=pgettext_lazy("admin", "Vision, goals and target groups"),
        ),
        FieldPanel("definitions"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("focus_areas_label"), FieldPanel("goal_label"), FieldPanel("measure_label")]),
                FieldRowPanel([FieldPanel("activities_label"), FieldPanel("responsible_label")]),
                FieldRowPanel([FieldPanel("time_frame_label"), FieldPanel("follow_up_label")]),
            ],
            heading=pgettext_lazy("admin", "The plan's own words"),
            help_text=pgettext_lazy("admin", "Headings and columns as the plan writes them. Empty gives the site's usual words."),
            classname="collapsed",
        ),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("plan_key")]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("vision"),
        index.SearchField("body"),
        *SEARCH_FIELDS,
    ]

    parent_page_types = ["plans.PlanIndexPage"]
    subpage_types = ["plans.FocusAreaPage"]

    class Meta:
        verbose_name = pgettext_lazy("admin", "action plan")
        verbose_name_plural = pgettext_lazy("admin", "action plans")

    def clean(self):
        super().clean()
        if self.valid_until and self.until_further_notice:
            raise ValidationError({"valid_until": pgettext("admin", "Give either an end date or 'valid until further notice', not both.")})
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": pgettext("admin", "The end date is before the start date.")})

    def period(self, today=None):
        """``in_force``, ``upcoming``, ``archived`` or ``undated`` (the plan gives no period:
        it is not claimed to be in force), from the plan's dates."""
        today = today or date.today()
        if not (self.valid_from or self.valid_until or self.until_further_notice):
            return "undated"
        if self.valid_from and self.valid_from > today:
            return "upcoming"
        if self.valid_until and self.valid_until < today and not self.until_further_notice:
            return "archived"
        return "in_force"

    @property
    def labels(self):
        """The plan's own word for each level and column, or the site's word (translated).

        Strings in the active language, made once per language for this object: a listing
        shows them in every measure, where a lazy string would look itself up each time."""
        language = get_language()
        made = self.__dict__.setdefault("_labels_by_language", {})
        if language not in made:
            made[language] = {
                key: getattr(self, f"{key}_label", "") or str(default)
                for key, _admin, default in PLAN_LABELS.terms
            }
        return made[language]

    def own_labels(self):
        """Only the words the plan gives itself (``plan.labels`` in the plan file)."""
        return {key: getattr(self, f"{key}_label") for key in PLAN_LABELS.keys if getattr(self, f"{key}_label")}

    @property
    def overall_goal_list(self):
        return lines(self.overall_goals)

    @property
    def target_group_list(self):
        return lines(self.target_groups)

    @property
    def scope_labels(self):
        return SCOPES.public_labels(self.scope)

    @property
    def card_facts(self):
        """Municipality, period in years and scope for a plan card: only those the plan
        gives, so a card never shows an empty separator."""
        from django.utils.translation import gettext

        years = ""
        if self.valid_from and self.until_further_notice:
            years = gettext("from %(year)s, until further notice") % {"year": self.valid_from.year}
        elif self.until_further_notice:
            years = gettext("Valid until further notice")  # "Gäller tills vidare": no dash, no start
        elif self.valid_from and self.valid_until:
            years = f"{self.valid_from.year}–{self.valid_until.year}"
        elif self.valid_from:
            years = gettext("from %(year)s") % {"year": self.valid_from.year}
        elif self.valid_until:
            years = gettext("until %(year)s") % {"year": self.valid_until.year}
        return [fact for fact in (self.municipality.strip(), years, ", ".join(self.scope)) if fact]

    @property
    def chapters(self):
        """The narrative's chapter headings with anchors, for the table of contents."""
        return [
            {"id": f"kapitel-{i}", "title": block.value}
            for i, block in enumerate(self.body) if block.block_type == "heading"
        ]

    def focus_areas(self):
        return FocusAreaPage.objects.child_of(self).live().public().order_by("path")

    def measures(self, focus_areas=None):
        """Every public measure of the plan, in plan order, with what a listing shows.

        ``focus_areas``: the plan's public focus areas (``focus_areas()``) where the caller
        has them already, which saves finding them again."""
        if focus_areas is None:
            measures = Measure.objects.public_under(self)
        else:
            measures = Measure.objects.filter(focus_area__in=[area.pk for area in focus_areas])
        return measures.with_public_relations().order_by("focus_area__path", "sort_order")

    # Views -------------------------------------------------------------------------------
    # A page per measure is a route here rather than its own page type: measures are
    # inline children of their focus area, so a focus area with forty measures is edited,
    # reviewed, published and translated as one document (as in the plan itself), and the
    # page tree holds the plan's structure, not hundreds of one-row pages.

    def get_context(self, request, *args, **kwargs):
        from plans.views import plan_context

        context = super().get_context(request, *args, **kwargs)
        context.update(plan_context(self))
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("atgarder/", name="measures")
    def measure_list(self, request):
        from plans.views import measure_list

        return measure_list(self, request)

    @path("atgarder/csv/", name="measures_csv")
    def measure_list_csv(self, request):
        from plans.views import measure_list_csv

        return measure_list_csv(self, request)

    @path("atgarder/json/", name="measures_json")
    def measure_list_json(self, request):
        from plans.views import measure_list_json

        return measure_list_json(self, request)

    @path("atgarder/<int:measure_id>/", name="measure")
    def measure_detail(self, request, measure_id):
        from plans.views import measure_detail

        return measure_detail(self, request, measure_id)

    @path("uppfoljning/", name="follow_up")
    def follow_up_report(self, request):
        from plans.views import follow_up_report

        return follow_up_report(self, request)

    @path("utskrift/", name="print")
    def printable(self, request):
        from plans.views import printable_plan

        return printable_plan(self, request)

    @path("pdf/", name="pdf")
    def pdf(self, request):
        from plans.views import plan_pdf

        return plan_pdf(self, request)


# Focus areas, goals and measures -------------------------------------------------------


class FocusAreaPageForm(WagtailAdminPageForm):
    """Lets an editor pick a measure's goal from the focus area's goals, refuses deleting a
    goal that measures still belong to, and refuses a status that the measure's latest
    follow-up contradicts (the follow-up sets it)."""

    def is_valid(self):
        # After the nested formsets are validated (a form's own clean() runs before them).
        valid = super().is_valid()
        statuses_valid = self._check_statuses()
        return self._check_goals_kept() and statuses_valid and valid

    def _check_statuses(self):
        valid = True
        for form in self.formsets["measures"].forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            updates = form.formsets["status_updates"]
            entries = [
                (f.cleaned_data["date"], i, f.cleaned_data["status"])
                for i, f in enumerate(updates.forms)
                if hasattr(f, "cleaned_data") and f.cleaned_data.get("date") and f.cleaned_data.get("status")
                and not f.cleaned_data.get("DELETE")
            ]
            if not entries or "status" not in form.changed_data:
                continue
            latest_date, _i, latest_status = max(entries)
            if form.cleaned_data.get("status") != latest_status:
                valid = False
                form.add_error(
                    "status",
                    pgettext(
                        "admin",
                        "The status is set by the latest follow-up (%(date)s: %(status)s). Add a new follow-up to change it.",
                    ) % {"date": latest_date.isoformat(), "status": dict(STATUS.choices)[latest_status]},
                )
        return valid

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The goals of the revision being edited (drafts included): a goal added in this
        # form has no key the measures could name until the page is saved.
        goals = list(self.instance.goals.all()) if self.instance else []
        choices = [("", pgettext_lazy("admin", "– no goal –"))] + [(str(goal.translation_key), f"{i}. {goal}"[:100]) for i, goal in enumerate(goals, start=1)]
        for form in [*self.formsets["measures"].forms, self.formsets["measures"].empty_form]:
            field = form.fields["goal_key"]
            form.fields["goal_key"] = forms.TypedChoiceField(
                choices=choices, coerce=as_uuid, empty_value=None, required=False,
                label=field.label, help_text=field.help_text,
            )

    def _check_goals_kept(self):
        """A goal deleted in this form while a measure still belongs to it: refused, so that
        no measure leaves its goal without the editor choosing so."""
        deleted = {
            f.instance.translation_key: f.instance
            for f in self.formsets["goals"].forms
            if hasattr(f, "cleaned_data") and f.cleaned_data.get("DELETE") and f.instance.pk
        }
        valid = True
        for form in self.formsets["measures"].forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            goal = deleted.get(form.cleaned_data.get("goal_key"))
            if goal is not None:
                valid = False
                form.add_error(
                    "goal_key",
                    pgettext(
                        "admin",
                        "The goal ”%(goal)s” is being deleted but the measure belongs to it. Choose another goal "
                        "(or none) for the measure, or keep the goal.",
                    ) % {"goal": goal},
                )
        return valid


class FocusAreaPage(HostBaseTemplateMixin, FoundByAnyWord, Page):
    """A focus area (fokusområde), or whatever the plan calls this level: delmål, område."""

    base_form_class = FocusAreaPageForm

    number = models.CharField(pgettext_lazy("admin", "number"), max_length=20, blank=True, help_text=pgettext_lazy("admin", "As the plan writes it, e.g. 1. Leave empty if the plan does not number."))
    label = models.CharField(
        pgettext_lazy("admin", "name of the level"), max_length=60, blank=True, default="Fokusområde",
        help_text=pgettext_lazy("admin", "What the plan calls the level: Fokusområde, Delmål, Område …"),
    )
    introduction = models.TextField(pgettext_lazy("admin", "introductory text"), blank=True)
    conditions = models.TextField(
        pgettext_lazy("admin", "conditions"), blank=True,
        help_text=pgettext_lazy("admin", "What needs to be in place to reach the focus area. One per line."),
    )

    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("conditions"), *SEARCH_FIELDS]

    content_panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("number")]),
        TitleFieldPanel("title"),
        FieldPanel("introduction"),
        FieldPanel("conditions"),
        RestorableInlinePanel("goals", label=pgettext_lazy("admin", "goal"), heading=pgettext_lazy("admin", "Goals (sub-goals) within the focus area"), classname="collapsed"),
        MeasureInlinePanel("measures", label=pgettext_lazy("admin", "measure"), heading=pgettext_lazy("admin", "Measures")),
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
        if getattr(_references_indexed_by_caller, "value", False):
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
            for goal in FocusAreaGoal.objects.filter(translation_key__in={m.goal_key for m in strays}, locale_id=self.locale_id)
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
        """"Fokusområde 1: Title" as the plan writes it."""
        prefix = " ".join(part for part in (self.label, self.number) if part)
        return f"{prefix}: {self.title}" if prefix else self.title

    @cached_property
    def plan(self):
        return self.get_parent().specific

    def public_measures(self):
        return (
            Measure.objects.filter(focus_area=self)
            .with_public_relations()
            .order_by("sort_order")
        )

    def get_context(self, request, *args, **kwargs):
        from plans.views import focus_area_context

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

    focus_area = models.OneToOneField(FocusAreaPage, on_delete=models.CASCADE, related_name="removal")
    recorded_at = models.DateTimeField(pgettext_lazy("admin", "removed from the plan file"), auto_now_add=True)
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

        for removal in cls.objects.filter(applied_at=None, focus_area__in=FocusAreaPage.objects.child_of(plan)):
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
    identifier = models.CharField(pgettext_lazy("admin", "identifier"), max_length=20, blank=True, help_text=pgettext_lazy("admin", "E.g. 1.1, as the plan writes it."))
    title = models.TextField(pgettext_lazy("admin", "goal"))

    panels = [FieldPanel("identifier"), FieldPanel("title")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = pgettext_lazy("admin", "goal")
        verbose_name_plural = pgettext_lazy("admin", "goal")
        ordering = ["sort_order"]

    def __str__(self):
        return f"{self.identifier} {self.title}".strip()


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
                queryset=Responsibility.objects.select_related("organisation", "organisation__locale").order_by("sort_order"),
            ),
            Prefetch("status_updates", queryset=StatusUpdate.objects.order_by("date", "sort_order")),
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
            [area for area in focus_areas if "goals" not in getattr(area, "_prefetched_objects_cache", {})],
            Prefetch("goals", queryset=FocusAreaGoal.objects.order_by("sort_order")),
        )
        areas = {area.pk: area for area in focus_areas}
        measures = list(
            self.select_related(None).prefetch_related(None).prefetch_related(
                Prefetch("responsibilities", queryset=Responsibility.objects.order_by("sort_order"))
            )
        )
        # One ``.all()`` per measure: each is a new manager and queryset (about 12 µs).
        responsibilities = [(measure, measure.responsibilities.all()) for measure in measures]
        known = {organisation.pk: organisation for organisation in organisations}
        missing = {
            r.organisation_id for _measure, rows in responsibilities for r in rows
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
                    responsibility._state.fields_cache["organisation"] = known[responsibility.organisation_id]
        return measures


class Measure(TranslatableMixin, Orderable, ClusterableModel):
    """A measure (åtgärd) as the plan writes it, with who is responsible and its follow-up.

    ``PUBLIC_FIELDS`` is the one list of what the public sees of a measure: the measure
    page, the CSV and the JSON export all read it.
    """

    focus_area = ParentalKey(FocusAreaPage, on_delete=models.CASCADE, related_name="measures")
    identifier = models.CharField(
        pgettext_lazy("admin", "identifier"), max_length=20, blank=True,
        help_text=pgettext_lazy("admin", "As the plan writes it, e.g. 1:3 or 2.1. Unique within the plan. Empty if the plan does not number."),
    )
    title = models.TextField(
        pgettext_lazy("admin", "measure"), blank=True,
        help_text=pgettext_lazy("admin", "As the plan writes it. Empty when the plan has no measure column: the row then belongs to its goal."),
    )
    # The goal's own identity: its translation key, the same in every language's copy of
    # the focus area and in every revision, so a measure stays with its goal however the
    # goals are ordered. Not a ForeignKey: a goal added in a draft has no row yet, and a
    # translated measure must name the translated goal (see FocusAreaGoal).
    goal_key = models.UUIDField(
        pgettext_lazy("admin", "belongs to goal"), null=True, blank=True,
        help_text=pgettext_lazy(
            "admin",
            "One of the goals above. A goal just added can be chosen once the page has been saved. "
            "Empty if the measure belongs to no goal.",
        ),
    )
    activities = models.TextField(pgettext_lazy("admin", "activities"), blank=True, help_text=pgettext_lazy("admin", "One activity per line."))
    prevention_levels = MultipleChoiceField(pgettext_lazy("admin", "prevention level"), choices=PREVENTION_LEVELS.choices)
    target_groups = MultipleChoiceField(pgettext_lazy("admin", "target groups"), choices=TARGET_GROUPS.choices)
    time_frame = models.CharField(pgettext_lazy("admin", "time frame"), max_length=255, blank=True, help_text=pgettext_lazy("admin", "As the plan writes it, e.g. 'Klart ht 2025'."))
    due_date = models.DateField(pgettext_lazy("admin", "due date"), null=True, blank=True)
    follow_up = models.TextField(pgettext_lazy("admin", "follow-up"), blank=True, help_text=pgettext_lazy("admin", "How the measure is followed up."))
    note = models.TextField(pgettext_lazy("admin", "comment"), blank=True)
    responsible_as_written = models.TextField(
        pgettext_lazy("admin", "responsibility as the plan writes it"), blank=True,
        help_text=pgettext_lazy(
            "admin",
            "The cell of responsibility word for word, e.g. 'Kvalitetsteamet med stöd av IFO'. Shown on the "
            "measure's page; the list of responsible bodies above drives filters and organisation pages.",
        ),
    )
    status = models.CharField(
        pgettext_lazy("admin", "status"), max_length=20, blank=True, default=NO_STATUS,
        choices=[(NO_STATUS, NO_STATUS_ADMIN_LABEL)] + STATUS.choices,
        help_text=pgettext_lazy("admin", "Set by the latest follow-up when the measure has follow-ups."),
    )

    objects = MeasureQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("identifier"), FieldPanel("status"), FieldPanel("goal_key")]),
        FieldPanel("title"),
        FieldPanel("activities"),
        RestorableInlinePanel("responsibilities", label=pgettext_lazy("admin", "responsible body"), heading=pgettext_lazy("admin", "Responsible bodies")),
        FieldPanel("responsible_as_written"),
        FieldRowPanel([FieldPanel("prevention_levels"), FieldPanel("target_groups")]),
        FieldRowPanel([FieldPanel("time_frame"), FieldPanel("due_date")]),
        FieldPanel("follow_up"),
        FieldPanel("note"),
        RestorableInlinePanel("status_updates", label=pgettext_lazy("admin", "follow-up"), heading=pgettext_lazy("admin", "Follow-ups")),
    ]

    PUBLIC_FIELDS = [
        "identifier", "title", "activities", "responsible", "responsible_as_written", "prevention_levels",
        "target_groups", "time_frame", "due_date", "follow_up", "note", "status",
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
            raise ValidationError({"title": pgettext("admin", "Write the measure, or choose the goal the row belongs to.")})

    def save(self, *args, **kwargs):
        self.status_from_follow_ups()
        self._saving_with_follow_ups = True  # its follow-ups are saved with it: see sync_measure_status
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
                data[relation] = [{k: v for k, v in child.items() if k != "measure"} for child in data[relation]]
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
        return next((g for g in self.focus_area.goals.all() if g.translation_key == self.goal_key), None)

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
        return slugify(self.identifier.replace(":", "-").replace(".", "-")) if self.identifier else ""


class Responsibility(Orderable):
    """Who is responsible for a measure, with which role, in the order the plan lists them.

    Either an organisation from the register or, where the plan names none ("Alla
    chefer", "IFO-chef"), the plan's own words.
    """

    measure = ParentalKey(Measure, on_delete=models.CASCADE, related_name="responsibilities")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="responsibilities",
        verbose_name=pgettext_lazy("admin", "organisation"),
    )
    text = models.CharField(pgettext_lazy("admin", "or free text"), max_length=255, blank=True, help_text=pgettext_lazy("admin", "If the plan names no organisation."))
    role = models.CharField(pgettext_lazy("admin", "role"), max_length=10, choices=ROLES.choices, default="lead")

    panels = [
        FieldRowPanel([
            FieldPanel("organisation", widget=OrganisationAutocomplete(), help_text=pgettext_lazy("admin", "Type part of the name and choose from the list.")),
            FieldPanel("text"),
            FieldPanel("role"),
        ])
    ]

    class Meta(Orderable.Meta):
        verbose_name = pgettext_lazy("admin", "responsible body")
        verbose_name_plural = pgettext_lazy("admin", "responsible bodies")

    def clean(self):
        if bool(self.organisation_id) == bool(self.text.strip()):
            raise ValidationError(pgettext("admin", "Choose an organisation or write free text (not both)."))

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
    status = models.CharField(pgettext_lazy("admin", "status"), max_length=20, choices=STATUS.choices)
    note = models.TextField(pgettext_lazy("admin", "note"), blank=True)
    reported_by = models.CharField(pgettext_lazy("admin", "reported by"), max_length=200, blank=True)

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("status"), FieldPanel("reported_by")]), FieldPanel("note")]

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
    latest = StatusUpdate.objects.filter(measure_id=instance.measure_id).order_by("-date", "-sort_order").first()
    if latest is not None:
        Measure.objects.filter(pk=instance.measure_id).exclude(status=latest.status).update(status=latest.status)
