"""The rich-text editor's "sv" button: marks a passage as the source language.

A translated sentence often names something in Swedish ("Call Kvinnofridslinjen"); a
screen reader reads it with the sentence's voice unless the name carries its own
``lang`` (WCAG 3.1.2). The ``source-language`` feature is an inline style, like bold,
stored as ``<span lang="sv">`` (``settings.LANGUAGE_CODE``). Add it to a rich-text
field's ``features`` to offer it there (docs/support-content.md).
"""

from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.rich_text.converters.html_to_contentstate import InlineStyleElementHandler
from wagtail.admin.rich_text.editors.draftail.features import InlineStyleFeature

from multilingual.languages import source_language

FEATURE = "source-language"
STYLE = "SOURCE_LANGUAGE"


@hooks.register("register_rich_text_features")
def register_source_language_feature(features):
    code = source_language()
    features.register_editor_plugin(
        "draftail",
        FEATURE,
        InlineStyleFeature(
            {
                "type": STYLE,
                "label": code,
                "description": pgettext_lazy(
                    "admin", "Words in the source language, read aloud in it"
                ),
                "style": {"textDecoration": "underline dotted"},
            }
        ),
    )
    features.register_converter_rule(
        "contentstate",
        FEATURE,
        {
            "from_database_format": {f'span[lang="{code}"]': InlineStyleElementHandler(STYLE)},
            "to_database_format": {
                "style_map": {STYLE: {"element": "span", "props": {"lang": code}}}
            },
        },
    )
