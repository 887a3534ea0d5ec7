"""The blocks a plan's narrative (its chapters before the measures) is written with."""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class DefinitionBlock(blocks.StructBlock):
    """A term and what the plan means by it (begrepp)."""

    term = blocks.CharBlock(label="begrepp")
    definition = blocks.TextBlock(label="förklaring")

    class Meta:
        icon = "help"
        label = "Begrepp"


class DefinitionListBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(DefinitionBlock(), **kwargs)

    class Meta:
        icon = "list-ul"
        label = "Begreppslista"
        template = "plans/blocks/definitions.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="citat")
    source = blocks.CharBlock(label="källa", required=False)

    class Meta:
        icon = "openquote"
        label = "Citat"
        template = "plans/blocks/quote.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="bild")
    alt_text = blocks.CharBlock(
        label="alternativtext", required=False,
        help_text="Vad bilden visar, för den som inte ser den. Lämna tomt om bilden bara är dekoration.",
    )
    caption = blocks.CharBlock(label="bildtext", required=False)

    class Meta:
        icon = "image"
        label = "Bild"
        template = "plans/blocks/image.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="dokument")
    title = blocks.CharBlock(label="länktext", required=False)

    class Meta:
        icon = "doc-full"
        label = "Dokument"
        template = "plans/blocks/document.html"


class NarrativeBlock(blocks.StreamBlock):
    """A chapter starts with a ``heading``; the plan's table of contents lists them."""

    heading = blocks.CharBlock(label="kapitelrubrik", icon="title", form_classname="title")
    text = blocks.RichTextBlock(label="text", features=RICH_TEXT_FEATURES)
    definitions = DefinitionListBlock()
    table = TableBlock(label="tabell")
    quote = QuoteBlock()
    image = ImageBlock()
    document = DocumentBlock()
