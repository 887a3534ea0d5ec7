"""Admin: the organisation register as a snippet, and a listing of every measure with
filters, so a coordinator can answer "what does Socialnämnden have, and what is late?"
without opening forty focus areas."""

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from plans.models import Measure, Organisation, PlanPage
from plans.vocabulary import STATUS


class OrganisationChooserViewSet(SnippetChooserViewSet):
    """The chooser in a measure's "Ansvariga" has a tab to add a missing organisation."""

    form_fields = ["name", "short_name", "kind", "key"]
    create_action_label = pgettext_lazy("admin", "Add organisation")
    creation_tab_label = pgettext_lazy("admin", "New organisation")


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    chooser_viewset_class = OrganisationChooserViewSet
    icon = "group"
    menu_label = pgettext_lazy("admin", "Organisations")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "short_name", "kind", "key", "locale"]
    list_filter = ["kind", "locale"]


register_snippet(OrganisationViewSet)


class MeasureAdminFilter(forms.Form):
    plan = forms.ModelChoiceField(
        PlanPage.objects.none(), required=False, label=pgettext_lazy("admin", "Plan")
    )
    organisation = forms.ModelChoiceField(
        Organisation.objects.none(), required=False, label=pgettext_lazy("admin", "Organisation")
    )
    status = forms.ChoiceField(
        choices=[("", pgettext_lazy("admin", "All"))] + STATUS.choices,
        required=False,
        label=pgettext_lazy("admin", "Status"),
    )
    q = forms.CharField(required=False, label=pgettext_lazy("admin", "Search"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = PlanPage.objects.order_by("title")
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")


def measure_index(request):
    """Every measure in every plan (draft or published), filterable by plan, organisation
    and status; each row opens the measure itself, expanded, in its focus area's form."""
    form = MeasureAdminFilter(request.GET or None)
    measures = (
        Measure.objects.select_related("focus_area", "locale")
        .prefetch_related(
            "responsibilities__organisation",
            "focus_area__goals",  # goals name the rows without a title
        )
        .order_by("focus_area__path", "sort_order")
    )
    if form.is_valid():
        data = form.cleaned_data
        if data["plan"]:
            measures = measures.filter(focus_area__path__startswith=data["plan"].path)
        if data["organisation"]:
            measures = measures.filter(
                responsibilities__organisation=data["organisation"]
            ).distinct()
        if data["status"]:
            measures = measures.filter(status=data["status"])
        if data["q"]:
            measures = measures.filter(title__icontains=data["q"])
    page = Paginator(measures, 50).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return render(
        request,
        "plans/admin/measure_index.html",
        {
            "form": form,
            "page_obj": page,
            "query": query.urlencode(),
            "header_title": pgettext_lazy("admin", "Measures"),
        },
    )


@hooks.register("register_admin_urls")
def register_measure_index():
    return [path("plans/atgarder/", measure_index, name="plans_measure_index")]


@hooks.register("register_admin_menu_item")
def register_measure_menu_item():
    return MenuItem(
        pgettext_lazy("admin", "Measures"),
        reverse("plans_measure_index"),
        icon_name="list-ul",
        order=205,
    )
