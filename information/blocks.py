"""Blocks of the support pages and brochures.

Snippets chosen in a block (helplines, services, brochures, glossary terms) keep pointing
at the Swedish source object; every block renders ``value.localized`` so the visitor
reads it in their own language where a translation exists (``multilingual.localization``).
"""

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

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
        label = "Stödlinje"
        icon = "mobile-alt"


class LocalServiceBlock(LocalizedSnippetBlock):
    def __init__(self, **kwargs):
        super().__init__("information.LocalService", **kwargs)

    class Meta:
        template = "information/blocks/local_service.html"
        label = "Lokal stödverksamhet"
        icon = "home"


class BrochureBlock(LocalizedSnippetBlock):
    def __init__(self, **kwargs):
        super().__init__("information.Brochure", **kwargs)

    def get_context(self, value, parent_context=None):
        from information.models import BrochureIndexPage, section_page_for_visitor

        context = super().get_context(value, parent_context=parent_context)
        index, base = section_page_for_visitor(BrochureIndexPage, (parent_context or {}).get("request"))
        if index is not None and value is not None:
            # Under the visitor's prefix: the brochure page there shows the brochure in
            # their language, or the Swedish one with a notice in theirs.
            context["brochure_url"] = base + index.reverse_subpage("brochure", args=[value.slug])
        return context

    class Meta:
        template = "information/blocks/brochure.html"
        label = "Broschyr"
        icon = "doc-full"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label="Fråga")
    answer = blocks.RichTextBlock(label="Svar", features=["bold", "italic", "link", "ul", "ol"])


class QuestionsBlock(blocks.StructBlock):
    """Questions and answers as native ``<details>``: they open without JavaScript."""

    heading = blocks.CharBlock(label="Rubrik", required=False)
    questions = blocks.ListBlock(QuestionBlock(), label="Frågor")

    class Meta:
        template = "information/blocks/questions.html"
        label = "Frågor och svar"
        icon = "help"


class EmergencyCalloutBlock(blocks.StructBlock):
    """"In immediate danger? Call 112": the number comes from the emergency helpline."""

    text = blocks.CharBlock(
        label="Extra text", required=False,
        help_text="Valfritt. Numret hämtas från stödlinjen som är markerad som nödnummer.",
    )

    class Meta:
        template = "information/blocks/emergency_callout.html"
        label = "Akut fara: ring 112"
        icon = "warning"


class GlossaryLinksBlock(blocks.StructBlock):
    """Terms explained in place, each linking to the glossary page."""

    terms = blocks.ListBlock(SnippetChooserBlock("information.GlossaryTerm"), label="Ord")

    def get_context(self, value, parent_context=None):
        from information.models import GlossaryPage, section_page_for_visitor

        context = super().get_context(value, parent_context=parent_context)
        context["terms"] = localized_many(value["terms"])
        context["glossary_url"] = section_page_for_visitor(GlossaryPage, (parent_context or {}).get("request"))[1]
        return context

    class Meta:
        template = "information/blocks/glossary_links.html"
        label = "Ord som förklaras"
        icon = "list-ul"


class SupportBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label="Text", features=["h2", "h3", "bold", "italic", "link", "ul", "ol"],
        template="information/blocks/text.html",
    )
    helpline = HelplineBlock()
    local_service = LocalServiceBlock()
    brochure = BrochureBlock()
    questions = QuestionsBlock()
    emergency = EmergencyCalloutBlock()
    glossary = GlossaryLinksBlock()


class BrochureSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Rubrik")
    text = blocks.RichTextBlock(label="Text", features=["bold", "italic", "ul"])

    class Meta:
        label = "Avsnitt"
        icon = "doc-full"
