"""Admin additions for review before publishing (granskning, docs/roles.md): deleting only
by those who may publish, "Submit for review" for translations, four eyes on a number."""

from django.urls import path
from wagtail import hooks

from editorial import approve_buttons, four_eyes, review


@hooks.register("register_admin_urls")
def register_review_urls():
    return [
        path(
            "review/<str:app_label>/<str:model_name>/<str:pk>/submit/",
            review.submit_for_review,
            name="editorial_submit_for_review",
        ),
    ]


hooks.register("before_delete_page", review.refuse_delete_unless_publisher)
hooks.register("before_bulk_action", review.refuse_bulk_delete_unless_publisher)
hooks.register("register_page_listing_more_buttons", review.page_listing_buttons)
hooks.register("register_snippet_listing_buttons", review.snippet_listing_buttons)
# Four eyes on a number (editorial/four_eyes.py): whoever changed it does not publish it.
hooks.register("before_publish", four_eyes.refuse_publishing_own_change)
hooks.register("before_publish_page", four_eyes.refuse_publishing_own_change)
# ... and whoever changed it is not offered "Godkänn" (editorial/approve_buttons.py).
hooks.register("construct_page_action_menu", approve_buttons.hide_approve_in_page_action_menu)
hooks.register("construct_snippet_action_menu", approve_buttons.hide_approve_in_snippet_action_menu)
hooks.register("construct_homepage_panels", approve_buttons.use_awaiting_review_panel)
