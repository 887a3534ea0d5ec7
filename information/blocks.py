"""Blocks of the support pages and brochures.

Snippets chosen in a block (helplines, services, brochures, glossary terms) keep pointing
at the Swedish source object; every block renders ``value.localized`` so the visitor
reads it in their own language where a translation exists (``multilingual.localization``).
"""

from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from information.visitors import section_page_for_visitor
from multilingual.localization import localized, localized_many


class LocalizedSnippetBlock(SnippetChooserBlock):
    """A chosen snippet, rendered in the active language (``localized`` in the context)."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["localized"] = localized(value)
        return context


class HelplineBlock(LocalizedSnippetBlock):
    def __init__(self, **kwargs):
        super().__init__("information.Helpline", **kwargs)

    class Meta:
        template = "information/blocks/helpline.html"
        label = pgettext_lazy("admin", "Helpline")
        icon = "mobile-alt"


class LocalServiceBlock(LocalizedSnippetBlock):
    def __init__(self, **kwargs):
        super().__init__("information.LocalService", **kwargs)

    class Meta:
        template = "information/blocks/local_service.html"
        label = pgettext_lazy("admin", "Local support service")
        icon = "home"


class BrochureBlock(LocalizedSnippetBlock):
    def __init__(self, **kwargs):
        super().__init__("information.Brochure", **kwargs)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        index, base = section_page_for_visitor(
            "information.BrochureIndexPage", (parent_context or {}).get("request")
        )
        if index is not None and value is not None:
            # Under the visitor's prefix: the brochure page there shows the brochure in
            # their language, or the Swedish one with a notice in theirs.
            context["brochure_url"] = base + index.reverse_subpage("brochure", args=[value.slug])
        return context

    class Meta:
        template = "information/blocks/brochure.html"
        label = pgettext_lazy("admin", "Brochure")
        icon = "doc-full"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=pgettext_lazy("admin", "Question"))
    answer = blocks.RichTextBlock(
        label=pgettext_lazy("admin", "Answer"), features=["bold", "italic", "link", "ul", "ol"]
    )


class QuestionsBlock(blocks.StructBlock):
    """Questions and answers as native ``<details>``: they open without JavaScript."""

    heading = blocks.CharBlock(label=pgettext_lazy("admin", "Heading"), required=False)
    questions = blocks.ListBlock(QuestionBlock(), label=pgettext_lazy("admin", "Questions"))

    class Meta:
        template = "information/blocks/questions.html"
        label = pgettext_lazy("admin", "Questions and answers")
        icon = "help"


class EmergencyCalloutBlock(blocks.StructBlock):
    """ "In immediate danger? Call 112": the number comes from the emergency helpline."""

    text = blocks.CharBlock(
        label=pgettext_lazy("admin", "Extra text"),
        required=False,
        help_text=pgettext_lazy(
            "admin", "Optional. The number comes from the helpline marked as the emergency number."
        ),
    )

    class Meta:
        template = "information/blocks/emergency_callout.html"
        label = pgettext_lazy("admin", "Immediate danger: call 112")
        icon = "warning"


class GlossaryLinksBlock(blocks.StructBlock):
    """Terms explained in place, each linking to the glossary page."""

    terms = blocks.ListBlock(
        SnippetChooserBlock("information.GlossaryTerm"), label=pgettext_lazy("admin", "Words")
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["terms"] = localized_many(value["terms"])
        context["glossary_url"] = section_page_for_visitor(
            "information.GlossaryPage", (parent_context or {}).get("request")
        )[1]
        return context

    class Meta:
        template = "information/blocks/glossary_links.html"
        label = pgettext_lazy("admin", "Words explained")
        icon = "list-ul"


class SupportBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=pgettext_lazy("admin", "Text"),
        features=["h2", "h3", "bold", "italic", "link", "ul", "ol"],
        template="information/blocks/text.html",
    )
    helpline = HelplineBlock()
    local_service = LocalServiceBlock()
    brochure = BrochureBlock()
    questions = QuestionsBlock()
    emergency = EmergencyCalloutBlock()
    glossary = GlossaryLinksBlock()


class BrochureSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=pgettext_lazy("admin", "Heading"))
    text = blocks.RichTextBlock(
        label=pgettext_lazy("admin", "Text"), features=["bold", "italic", "ul"]
    )

    class Meta:
        label = pgettext_lazy("admin", "Section")
        icon = "doc-full"
