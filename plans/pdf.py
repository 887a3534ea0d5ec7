"""The plan as a PDF: a document with cover, contents with page numbers, tagged for screen
readers with the plan's language and title.

Made by the shared pipeline (``multilingual.pdf``: this site's files only, one file per
version as ``plans/pdf/<plan id>/<digest>.pdf`` in the media storage, shared by every app
server and the worker, atomic writes, rendering in the background). A version is the published revisions of the plan and its focus areas, so a
request never waits for a render except the very first one of a plan: publishing
schedules the render, and until it is done the previous PDF is served.
"""

from multilingual.pdf import PdfDocument, render_pdf


class PlanPdf(PdfDocument):
    kind = "plans"
    #: Change when the PDF's template or stylesheet changes, so every plan gets a new file.
    layout_version = "2"
    serve_previous = True
    on_publish_setting = "VINR_PLANS_PDF_ON_PUBLISH"

    def load(self, pk):
        from plans.models import PlanPage

        return PlanPage.objects.live().filter(pk=pk).select_related("locale").first()

    def shows(self, plan):
        """The published revisions of the plan and of its focus areas (one query).

        Organisation names are not in it: a renamed organisation shows in the PDF from the
        plan's next publication."""
        from plans.models import FocusAreaPage

        revisions = list(
            FocusAreaPage.objects.child_of(plan)
            .live()
            .public()
            .order_by("path")
            .values_list("pk", "live_revision_id", "last_published_at")
        )
        # Publication times as well as revision ids: ids can come back (a restored database).
        return f"{plan.live_revision_id}:{plan.last_published_at}:{revisions}"

    def render(self, plan):
        """The plan's PDF in the plan's own language (whoever asks)."""
        from django.template.loader import render_to_string
        from django.utils import translation

        from plans.page_context import printable_context

        with translation.override(plan.locale.language_code):
            html = render_to_string(
                "plans/plan_pdf.html",
                {"page": plan, "self": plan, "plan": plan, **printable_context(plan)},
            )
            return render_pdf(html, site_url=site_url(plan))


def site_url(plan):
    """The public address of the plan's site (``root_url``), which links in the PDF lead
    to; None when the plan is under no site (its links then lead nowhere useful)."""
    site = plan.get_site()
    return site.root_url if site is not None else None


PLAN_PDF = PlanPdf()


def current_pdf_path(plan):
    """Where the PDF of the plan's current version is (or will be) stored."""
    return PLAN_PDF.current_path(plan)
