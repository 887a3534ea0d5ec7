"""Admin additions for the translation workflow: the overview, its menu item, and the
translators' limits (website/translator_permissions.py)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from website import translator_permissions, views


@hooks.register("register_admin_urls", order=-1)
def register_translation_urls():
    return [
        path("translations/", views.TranslationOverviewView.as_view(), name="website_translation_overview"),
        path("help/translating/", views.HelpTranslatingView.as_view(), name="website_help_translating"),
        path("translations/<int:translation_id>/po/upload/", views.upload_po, name="website_translation_upload_po"),
        # wagtail-localize's sync form at its own address, so that every link to
        # "wagtail_localize:update_translations" lands here: Django takes the first
        # matching pattern, and this hook runs before wagtail-localize's (order=-1, and
        # "website" comes first in INSTALLED_APPS).
        path(
            "localize/update/<int:translation_source_id>/",
            translator_permissions.UpdateTranslationsView.as_view(),
            name="website_update_translations",
        ),
    ]


@hooks.register("before_edit_snippet", order=-1)
def keep_swedish_snippets_for_publishers(request, instance):
    return translator_permissions.refuse_source_snippet_edit(request, instance)


@hooks.register("register_help_menu_item")
def register_translation_help_menu_item():
    return MenuItem("Översätta", reverse("website_help_translating"), icon_name="help", order=100)


@hooks.register("register_admin_menu_item")
def register_translation_menu_item():
    return MenuItem(
        "Översättningar",
        reverse("website_translation_overview"),
        icon_name="wagtail-localize-language",
        order=450,
    )
