"""The plan index page (all the municipality's plans) and the plan page with its revision
log; the views of a whole plan's measures are routes of the plan page."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language, pgettext, pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from multilingual.conf import PageTypesSetting, plan_index_parent_page_types
from multilingual.pages import HostBaseTemplateMixin, ParentPageTypesFromSettings
from multilingual.search_words import SEARCH_FIELDS, FoundByAnyWord
from plans.blocks import DefinitionBlock, NarrativeBlock
from plans.fields import MultipleChoiceField
from plans.models.focus_areas import FocusAreaPage
from plans.models.measures import Measure
from plans.models.values import lines
from plans.panels import RestorableInlinePanel
from plans.vocabulary import (
    PLAN_LABELS,
    SCOPES,
)


class PlanIndexPage(
    ParentPageTypesFromSettings, HostBaseTemplateMixin, RoutablePageMixin, FoundByAnyWord, Page
):
    """All the municipality's plans: in force, upcoming and archived.

    It also serves one page per organisation (``organisationer/<key>/``) listing every
    measure the organisation leads or shares, across all plans below this page. A route
    here rather than a page per organisation: organisations are a register (a snippet
    shared by every plan) and their page is a view of the plans, not content an editor
    writes.
    """

    intro = RichTextField(
        pgettext_lazy("admin", "lead paragraph"), blank=True, features=["bold", "italic", "link"]
    )
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
        for plan in (
            PlanPage.objects.child_of(self).live().public().order_by("-valid_from", "title")
        ):
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
        pgettext_lazy("admin", "plan key"),
        max_length=100,
        blank=True,
        help_text=pgettext_lazy(
            "admin",
            "A stable key for importing plan files: a new import with the same key updates the plan.",
        ),
    )
    municipality = models.CharField(
        pgettext_lazy("admin", "municipality"), max_length=100, blank=True
    )
    summary = models.TextField(
        pgettext_lazy("admin", "summary"),
        blank=True,
        help_text=pgettext_lazy("admin", "One or two sentences for lists and search results."),
    )
    scope = MultipleChoiceField(pgettext_lazy("admin", "covers"), choices=SCOPES.choices)
    deciding_body = models.CharField(
        pgettext_lazy("admin", "deciding body"), max_length=200, blank=True
    )
    decision_date = models.DateField(pgettext_lazy("admin", "decided"), null=True, blank=True)
    last_revised = models.DateField(pgettext_lazy("admin", "last revised"), null=True, blank=True)
    valid_from = models.DateField(pgettext_lazy("admin", "valid from"), null=True, blank=True)
    valid_until = models.DateField(pgettext_lazy("admin", "valid until"), null=True, blank=True)
    until_further_notice = models.BooleanField(
        pgettext_lazy("admin", "valid until further notice"), default=False
    )
    document_owner = models.CharField(
        pgettext_lazy("admin", "document owner"), max_length=200, blank=True
    )
    registration_number = models.CharField(
        pgettext_lazy("admin", "registration number"), max_length=100, blank=True
    )
    version = models.CharField(pgettext_lazy("admin", "version"), max_length=40, blank=True)
    vision = models.TextField(pgettext_lazy("admin", "vision"), blank=True)
    overall_goals = models.TextField(
        pgettext_lazy("admin", "overall goals"),
        blank=True,
        help_text=pgettext_lazy("admin", "One goal per line."),
    )
    target_groups = models.TextField(
        pgettext_lazy("admin", "target groups"),
        blank=True,
        help_text=pgettext_lazy("admin", "One target group per line."),
    )
    follow_up = models.TextField(pgettext_lazy("admin", "follow-up of the plan"), blank=True)
    definitions = StreamField(
        [("definition", DefinitionBlock())],
        blank=True,
        verbose_name=pgettext_lazy("admin", "terms"),
    )
    body = StreamField(
        NarrativeBlock(), blank=True, verbose_name=pgettext_lazy("admin", "the plan's text")
    )
    original_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=pgettext_lazy("admin", "original document"),
        help_text=pgettext_lazy("admin", "The plan as it was decided, e.g. as a PDF."),
    )
    # The plan's own words for its levels and columns (plan.labels in a plan file); empty
    # means the site's usual word. Page fields, so a translation of the plan translates them.
    focus_areas_label = models.CharField(
        pgettext_lazy("admin", "heading for the focus areas"),
        max_length=60,
        blank=True,
        help_text=pgettext_lazy("admin", "E.g. Områden or Delmål. Empty: Fokusområden."),
    )
    goal_label = models.CharField(
        pgettext_lazy("admin", "word for goal"),
        max_length=60,
        blank=True,
        help_text=pgettext_lazy("admin", "E.g. Delmål. Empty: Mål."),
    )
    measure_label = models.CharField(
        pgettext_lazy("admin", "word for measure"),
        max_length=60,
        blank=True,
        help_text=pgettext_lazy("admin", "Empty: Åtgärd."),
    )
    activities_label = models.CharField(
        pgettext_lazy("admin", "word for activities"),
        max_length=60,
        blank=True,
        help_text=pgettext_lazy("admin", "E.g. Insatser. Empty: Aktiviteter."),
    )
    responsible_label = models.CharField(
        pgettext_lazy("admin", "word for responsibility"),
        max_length=60,
        blank=True,
        help_text=pgettext_lazy("admin", "E.g. Ansvarig. Empty: Ansvarig."),
    )
    time_frame_label = models.CharField(
        pgettext_lazy("admin", "word for time frame"),
        max_length=60,
        blank=True,
        help_text=pgettext_lazy("admin", "E.g. Tidplan or Tid. Empty: Tidsram."),
    )
    follow_up_label = models.CharField(
        pgettext_lazy("admin", "word for follow-up"),
        max_length=60,
        blank=True,
        help_text=pgettext_lazy("admin", "Empty: Uppföljning."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("municipality"),
                FieldPanel("scope"),
                FieldPanel("deciding_body"),
                FieldRowPanel([FieldPanel("decision_date"), FieldPanel("last_revised")]),
                FieldRowPanel(
                    [
                        FieldPanel("valid_from"),
                        FieldPanel("valid_until"),
                        FieldPanel("until_further_notice"),
                    ]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("document_owner"),
                        FieldPanel("registration_number"),
                        FieldPanel("version"),
                    ]
                ),
                FieldPanel("original_document"),
            ],
            heading=pgettext_lazy("admin", "About the plan"),
        ),
        RestorableInlinePanel(
            "revision_log",
            label=pgettext_lazy("admin", "revision"),
            heading=pgettext_lazy("admin", "Revision history"),
            classname="collapsed",
        ),
        MultiFieldPanel(
            [
                FieldPanel("vision"),
                FieldPanel("overall_goals"),
                FieldPanel("target_groups"),
                FieldPanel("follow_up"),
            ],
            heading=pgettext_lazy("admin", "Vision, goals and target groups"),
        ),
        FieldPanel("definitions"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("focus_areas_label"),
                        FieldPanel("goal_label"),
                        FieldPanel("measure_label"),
                    ]
                ),
                FieldRowPanel([FieldPanel("activities_label"), FieldPanel("responsible_label")]),
                FieldRowPanel([FieldPanel("time_frame_label"), FieldPanel("follow_up_label")]),
            ],
            heading=pgettext_lazy("admin", "The plan's own words"),
            help_text=pgettext_lazy(
                "admin",
                "Headings and columns as the plan writes them. Empty gives the site's usual words.",
            ),
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
            raise ValidationError(
                {
                    "valid_until": pgettext(
                        "admin",
                        "Give either an end date or 'valid until further notice', not both.",
                    )
                }
            )
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError(
                {"valid_until": pgettext("admin", "The end date is before the start date.")}
            )

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
        return {
            key: getattr(self, f"{key}_label")
            for key in PLAN_LABELS.keys
            if getattr(self, f"{key}_label")
        }

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
            years = gettext(
                "Valid until further notice"
            )  # "Gäller tills vidare": no dash, no start
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
            for i, block in enumerate(self.body)
            if block.block_type == "heading"
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
        from plans.page_context import plan_context

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
