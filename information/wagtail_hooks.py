"""The information app in the admin: snippets for helplines, services, brochures and terms."""

from wagtail.admin.ui.tables import BooleanColumn, Column, LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from information.models import Brochure, GlossaryTerm, Helpline, LocalService


class LastVerifiedColumn(Column):
    """"Senast kontrollerad" with a warning when missing or older than six months."""

    cell_template_name = "information/admin/last_verified_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["needs_verification"] = instance.needs_verification
        context["last_verified"] = instance.last_verified
        return context


# Every listing ends with Wagtail's status column ("utkast", "i granskning", "publicerad +
# utkast"): Wagtail adds it only to a default ``list_display``, and a draft a translator
# or communicator saved must be visible to the people who review it.


class HelplineViewSet(SnippetViewSet):
    model = Helpline
    icon = "mobile-alt"
    menu_label = "Stödlinjer"
    list_display = [
        "name",
        "phone_number",
        LastVerifiedColumn("last_verified", label="Senast kontrollerad", sort_key="last_verified"),
        LiveStatusTagColumn(),
    ]
    list_filter = ["is_emergency"]
    ordering = ["last_verified"]


class LocalServiceViewSet(SnippetViewSet):
    model = LocalService
    icon = "home"
    menu_label = "Lokala stödverksamheter"
    list_display = ["name", "phone_number", BooleanColumn("walk_in", label="Utan tidsbokning"), LiveStatusTagColumn()]


class BrochureViewSet(SnippetViewSet):
    model = Brochure
    icon = "doc-full"
    menu_label = "Broschyrer"
    list_display = ["title", "slug", "paper_size", LiveStatusTagColumn()]
    search_fields = ["title", "summary"]  # not in the search index: the ORM searches


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "list-ul"
    menu_label = "Ordlista"
    list_display = ["term", "slug", LiveStatusTagColumn()]
    search_fields = ["term"]  # not in the search index: the ORM searches


class InformationViewSetGroup(SnippetViewSetGroup):
    items = (HelplineViewSet, LocalServiceViewSet, BrochureViewSet, GlossaryTermViewSet)
    menu_icon = "help"
    menu_label = "Stöd och information"
    menu_name = "information"


register_snippet(InformationViewSetGroup)


