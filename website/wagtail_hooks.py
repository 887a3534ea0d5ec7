"""Admin additions for the translation workflow: the overview, its menu item, and the
translators' limits (website/translator_permissions.py; the five wagtail-localize views
replaced for them are chosen by URL name in website/localize_views.py)."""

from django.urls import path, reverse
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from website import four_eyes, publish_translations, review, translator_permissions, views


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        path("translations/", views.TranslationOverviewView.as_view(), name="website_translation_overview"),
        path("help/translating/", views.HelpTranslatingView.as_view(), name="website_help_translating"),
        path("translations/<int:translation_id>/po/upload/", views.upload_po, name="website_translation_upload_po"),
        path(
            "translations/<int:translation_id>/publish/",
            publish_translations.publish_incomplete_translation,
            name="website_publish_incomplete_translation",
        ),
        path(
            "review/<str:app_label>/<str:model_name>/<str:pk>/submit/",
            review.submit_for_review,
            name="website_submit_for_review",
        ),
    ]


# Review before publishing (website/review.py, docs/roles.md) ---------------------------

hooks.register("before_delete_page", review.refuse_delete_unless_publisher)
hooks.register("before_bulk_action", review.refuse_bulk_delete_unless_publisher)
hooks.register("register_page_listing_more_buttons", review.page_listing_buttons)
hooks.register("register_snippet_listing_buttons", review.snippet_listing_buttons)
# Four eyes on a number (website/four_eyes.py): whoever changed it does not publish it.
hooks.register("before_publish", four_eyes.refuse_publishing_own_change)
hooks.register("before_publish_page", four_eyes.refuse_publishing_own_change)


# No button that leads to "not allowed" (website/translator_permissions.py).
hooks.register("construct_page_listing_buttons", translator_permissions.hide_refused_page_listing_buttons)
hooks.register("construct_snippet_listing_buttons", translator_permissions.hide_refused_snippet_listing_buttons)
hooks.register("construct_page_action_menu", translator_permissions.hide_refused_page_action_menu_items)
hooks.register("before_move_page", translator_permissions.refuse_move_by_translator)


@hooks.register("before_edit_snippet", order=-1)
def keep_swedish_snippets_for_publishers(request, instance):
    return translator_permissions.refuse_source_snippet_edit(request, instance)


@hooks.register("before_edit_snippet", order=-1)
def keep_translators_to_their_languages(request, instance):
    return translator_permissions.refuse_other_language_snippet_edit(request, instance)


# Before wagtail-localize's own hooks, which turn these edit views into its translation
# editor: "Publish" there is a POST to them (website/publish_translations.py).
@hooks.register("before_edit_page", order=-1)
def publish_page_translation_from_editor(request, page):
    return publish_translations.publish_from_editor(request, page)


@hooks.register("before_edit_snippet", order=-1)
def publish_snippet_translation_from_editor(request, instance):
    return publish_translations.publish_from_editor(request, instance)


@hooks.register("before_bulk_action")
def refuse_bulk_publish_of_incomplete_translations(request, action_type, objects, action):
    return publish_translations.refuse_bulk_publish_of_incomplete_translations(request, action_type, objects, action)


@hooks.register("register_help_menu_item")
def register_translation_help_menu_item():
    return MenuItem(pgettext_lazy("admin", "Translating"), reverse("website_help_translating"), icon_name="help", order=100)


@hooks.register("register_admin_menu_item")
def register_translation_menu_item():
    return MenuItem(
        pgettext_lazy("admin", "Translations"),
        reverse("website_translation_overview"),
        icon_name="wagtail-localize-language",
        order=450,
    )
