"""Admin additions for the translation workflow: the overview and its menu item."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from website import views


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        path("translations/", views.TranslationOverviewView.as_view(), name="website_translation_overview"),
        path("translations/<int:translation_id>/po/upload/", views.upload_po, name="website_translation_upload_po"),
    ]


@hooks.register("register_admin_menu_item")
def register_translation_menu_item():
    return MenuItem(
        "Översättningar",
        reverse("website_translation_overview"),
        icon_name="wagtail-localize-language",
        order=450,
    )
