"""An editor marks a Swedish name inside a translated sentence with the rich-text
editor's "sv" button (the ``source-language`` feature): it is stored as
``<span lang="sv">`` and survives the editor's round trip, so the demo's marks are not
lost the first time someone saves the page."""

import re

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

SENTENCE = '<ul><li>Call <span lang="sv">Kvinnofridslinjen</span>. It is free.</li></ul>'


def test_the_easy_read_summary_keeps_a_swedish_name_marked_through_the_editor():
    from information.models import SupportPage

    features = SupportPage._meta.get_field("easy_read").features
    converter = ContentstateConverter(features)
    saved = converter.to_database_format(converter.from_database_format(SENTENCE))
    assert re.sub(r' data-block-key="[^"]*"', "", saved) == SENTENCE


def test_the_feature_offers_a_button_named_after_the_source_language(settings):
    from wagtail.rich_text import features

    plugin = features.get_editor_plugin("draftail", "source-language")
    assert plugin is not None
    assert plugin.data["label"] == settings.LANGUAGE_CODE
