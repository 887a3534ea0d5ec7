"""The blocks a plan's narrative (its chapters before the measures) is written with."""

from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class DefinitionBlock(blocks.StructBlock):
    """A term and what the plan means by it (begrepp)."""

    term = blocks.CharBlock(label=pgettext_lazy("admin", "terms"))
    definition = blocks.TextBlock(label=pgettext_lazy("admin", "definition"))

    class Meta:
        icon = "help"
        label = pgettext_lazy("admin", "Term")


class DefinitionListBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(DefinitionBlock(), **kwargs)

    class Meta:
        icon = "list-ul"
        label = pgettext_lazy("admin", "List of terms")
        template = "plans/blocks/definitions.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=pgettext_lazy("admin", "quote"))
    source = blocks.CharBlock(label=pgettext_lazy("admin", "source"), required=False)

    class Meta:
        icon = "openquote"
        label = pgettext_lazy("admin", "Quote")
        template = "plans/blocks/quote.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=pgettext_lazy("admin", "image"))
    alt_text = blocks.CharBlock(
        label=pgettext_lazy("admin", "alternative text"),
        required=False,
        help_text=pgettext_lazy(
            "admin",
            "What the image shows, for someone who cannot see it. Leave empty if the image is only decoration.",
        ),
    )
    caption = blocks.CharBlock(label=pgettext_lazy("admin", "caption"), required=False)

    class Meta:
        icon = "image"
        label = pgettext_lazy("admin", "Image")
        template = "plans/blocks/image.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=pgettext_lazy("admin", "document"))
    title = blocks.CharBlock(label=pgettext_lazy("admin", "link text"), required=False)

    class Meta:
        icon = "doc-full"
        label = pgettext_lazy("admin", "Document")
        template = "plans/blocks/document.html"


class NarrativeBlock(blocks.StreamBlock):
    """A chapter starts with a ``heading``; the plan's table of contents lists them."""

    heading = blocks.CharBlock(
        label=pgettext_lazy("admin", "chapter heading"), icon="title", form_classname="title"
    )
    text = blocks.RichTextBlock(label=pgettext_lazy("admin", "text"), features=RICH_TEXT_FEATURES)
    definitions = DefinitionListBlock()
    table = TableBlock(label=pgettext_lazy("admin", "table"))
    quote = QuoteBlock()
    image = ImageBlock()
    document = DocumentBlock()
