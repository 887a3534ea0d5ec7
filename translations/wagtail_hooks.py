"""Admin additions for the translation workflow: the overview, its menu item, the help
page, the PO upload, and the translators' limits (translations/translator_permissions.py;
the five wagtail-localize views replaced for them are chosen by URL name in
translations/localize_views.py)."""

from django.urls import path, reverse
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from translations import publish_translations, translator_permissions, views


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        path(
            "translations/", views.TranslationOverviewView.as_view(), name="translations_overview"
        ),
        path("help/translating/", views.HelpTranslatingView.as_view(), name="translations_help"),
        path(
            "translations/<int:translation_id>/po/upload/",
            views.upload_po,
            name="translations_upload_po",
        ),
        path(
            "translations/<int:translation_id>/publish/",
            publish_translations.publish_incomplete_translation,
            name="translations_publish_incomplete",
        ),
    ]


# No button that leads to "not allowed" (translations/translator_permissions.py).
hooks.register(
    "construct_page_listing_buttons", translator_permissions.hide_refused_page_listing_buttons
)
hooks.register(
    "construct_snippet_listing_buttons", translator_permissions.hide_refused_snippet_listing_buttons
)
hooks.register(
    "construct_page_action_menu", translator_permissions.hide_refused_page_action_menu_items
)
hooks.register("before_move_page", translator_permissions.refuse_move_by_translator)
hooks.register("before_copy_page", translator_permissions.refuse_copy_by_translator)


@hooks.register("before_edit_snippet", order=-1)
def keep_swedish_snippets_for_publishers(request, instance):
    return translator_permissions.refuse_source_snippet_edit(request, instance)


@hooks.register("before_edit_snippet", order=-1)
def keep_translators_to_their_languages(request, instance):
    return translator_permissions.refuse_other_language_snippet_edit(request, instance)


# Before wagtail-localize's own hooks, which turn these edit views into its translation
# editor: "Publish" there is a POST to them (translations/publish_translations.py).
@hooks.register("before_edit_page", order=-1)
def publish_page_translation_from_editor(request, page):
    return publish_translations.publish_from_editor(request, page)


@hooks.register("before_edit_snippet", order=-1)
def publish_snippet_translation_from_editor(request, instance):
    return publish_translations.publish_from_editor(request, instance)


@hooks.register("before_bulk_action")
def refuse_bulk_publish_of_incomplete_translations(request, action_type, objects, action):
    return publish_translations.refuse_bulk_publish_of_incomplete_translations(
        request, action_type, objects, action
    )


@hooks.register("register_help_menu_item")
def register_translation_help_menu_item():
    return MenuItem(
        pgettext_lazy("admin", "Translating"),
        reverse("translations_help"),
        icon_name="help",
        order=100,
    )


@hooks.register("register_admin_menu_item")
def register_translation_menu_item():
    return MenuItem(
        pgettext_lazy("admin", "Translations"),
        reverse("translations_overview"),
        icon_name="wagtail-localize-language",
        order=450,
    )
