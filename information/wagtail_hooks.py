"""The information app in the admin: snippets for helplines, services, brochures and terms."""

from django.db.models import F
from django.utils.translation import pgettext_lazy
from wagtail.admin.ui.tables import BooleanColumn, Column, LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import (
    IndexView,
    RevisionsCompareView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from information.models import Brochure, GlossaryTerm, Helpline, LocalService


class LastVerifiedColumn(Column):
    """pgettext_lazy("admin", "Last verified") with a warning when missing or older than six months."""

    cell_template_name = "information/admin/last_verified_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["needs_verification"] = instance.needs_verification
        context["last_verified"] = instance.last_verified
        return context


# Every listing ends with Wagtail's status column ("utkast", "i granskning", "publicerad +
# utkast"): Wagtail adds it only to a default ``list_display``, and a draft a translator
# or communicator saved must be visible to the people who review it.


class StableOrderIndexView(IndexView):
    """A listing whose pages neither repeat nor skip a row on any database.

    PostgreSQL returns rows that tie on the sort column in any order, and a row it has just
    updated often moves: with every helpline still unverified (the demo leaves the date
    empty on purpose), a reviewer could page through the list and never see the one a
    communicator changed. Ties are broken by the primary key, and rows without a date come
    first on every engine, since they are the ones that need checking.
    """

    def order_queryset(self, queryset):
        if self.ordering in ("last_verified", "-last_verified"):
            date = F("last_verified")
            first = (
                date.asc(nulls_first=True)
                if self.ordering == "last_verified"
                else date.desc(nulls_last=True)
            )
            return queryset.order_by(first, "pk")
        queryset = super().order_queryset(queryset)
        keys = queryset.query.order_by or queryset.model._meta.ordering
        return queryset.order_by(*keys, "pk")


class ContactFirstCompareView(RevisionsCompareView):
    """The reviewer's compare view with what a visitor dials or walks to first.

    Wagtail lists the changes in the form's order, the name first: a new number under a
    changed name or opening hours is the change that matters most, so it leads.
    """

    first = (
        "phone_number",
        "alternative_number",
        "address",
        "opening_hours",
        "open_around_the_clock",
    )

    def _get_comparison(self, revision_a, revision_b):
        rank = {name: place for place, name in enumerate(self.first)}
        changes = super()._get_comparison(revision_a, revision_b)
        return sorted(
            changes,
            key=lambda change: rank.get(
                getattr(getattr(change, "field", None), "name", None), len(rank)
            ),
        )


class LanguageLabelMixin:
    """The chooser's language filter labelled "Språk": Wagtail gives the field no label, so
    Django showed its name, "Locale" (issue 21)."""

    def get_filter_form(self):
        form = super().get_filter_form()
        if "locale" in form.fields:
            form.fields["locale"].label = pgettext_lazy("admin", "Language")
        return form


class ChooseView(LanguageLabelMixin, chooser.ChooseView):
    pass


class ChooseResultsView(LanguageLabelMixin, chooser.ChooseResultsView):
    pass


class ChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView


class StableOrderSnippetViewSet(SnippetViewSet):
    index_view_class = StableOrderIndexView
    chooser_viewset_class = ChooserViewSet


class HelplineViewSet(StableOrderSnippetViewSet):
    model = Helpline
    icon = "mobile-alt"
    revisions_compare_view_class = ContactFirstCompareView
    menu_label = pgettext_lazy("admin", "Helplines")
    list_display = [
        "name",
        "phone_number",
        LastVerifiedColumn(
            "last_verified", label=pgettext_lazy("admin", "Last verified"), sort_key="last_verified"
        ),
        "locale",  # a helpline and its translations often share a name
        LiveStatusTagColumn(),
    ]
    list_filter = ["is_emergency"]
    ordering = ["last_verified"]


class LocalServiceViewSet(StableOrderSnippetViewSet):
    model = LocalService
    icon = "home"
    revisions_compare_view_class = ContactFirstCompareView
    menu_label = pgettext_lazy("admin", "Local support services")
    list_display = [
        "name",
        "phone_number",
        BooleanColumn("walk_in", label=pgettext_lazy("admin", "Without appointment")),
        "locale",
        LiveStatusTagColumn(),
    ]


class BrochureViewSet(StableOrderSnippetViewSet):
    model = Brochure
    icon = "doc-full"
    menu_label = pgettext_lazy("admin", "Brochures")
    list_display = ["title", "slug", "paper_size", LiveStatusTagColumn()]
    search_fields = ["title", "summary"]  # not in the search index: the ORM searches


class GlossaryTermViewSet(StableOrderSnippetViewSet):
    model = GlossaryTerm
    icon = "list-ul"
    menu_label = pgettext_lazy("admin", "Glossary")
    list_display = ["term", "slug", LiveStatusTagColumn()]
    search_fields = ["term"]  # not in the search index: the ORM searches


class InformationViewSetGroup(SnippetViewSetGroup):
    items = (HelplineViewSet, LocalServiceViewSet, BrochureViewSet, GlossaryTermViewSet)
    menu_icon = "help"
    menu_label = pgettext_lazy("admin", "Support and information")
    menu_name = "information"


register_snippet(InformationViewSetGroup)
