"""Four of wagtail-localize's admin views are replaced by the project's at the same
address, so that every button and link to them (which wagtail-localize builds with
``reverse("wagtail_localize:…")``) lands on the version that keeps the translators' limits
and existing translations. Wagtail has no hook or permission policy around these views
(wagtail-localize publishes a sync's translations with ``revision.publish`` without a
user, which skips Wagtail's publish permission check), so the replacement is a URL
pattern that must come first: ``website/wagtail_hooks.py`` registers it with
``hooks.register("register_admin_urls", order=-1)``, before wagtail-localize's (order 0).

These tests fail if that order changes (a hook's order, an app's place in
INSTALLED_APPS, a wagtail-localize upgrade that moves its URLs): then translators could
publish by syncing, and submitting a page would overwrite translations people made."""

import inspect

import pytest
from django.urls import resolve, reverse

from website import review, submit_translations, translator_permissions

OVERRIDES = [
    ("update_translations", [1], translator_permissions.UpdateTranslationsView),
    ("submit_page_translation", [1], submit_translations.SubmitPageTranslationView),
    ("submit_snippet_translation", ["information", "helpline", "1"], submit_translations.SubmitSnippetTranslationView),
    ("convert_to_alias", [1], review.convert_to_alias),
]


@pytest.mark.parametrize("name, args, view", OVERRIDES, ids=[name for name, *_ in OVERRIDES])
def test_wagtail_localize_addresses_lead_to_the_projects_views(name, args, view):
    match = resolve(reverse(f"wagtail_localize:{name}", args=args))
    found = inspect.unwrap(match.func)  # the admin wraps each view in its access check
    assert getattr(found, "view_class", found) is view, match


@pytest.mark.parametrize("name, args, view", OVERRIDES, ids=[name for name, *_ in OVERRIDES])
def test_the_projects_views_keep_wagtail_localizes_addresses(name, args, view):
    """The project's patterns are at wagtail-localize's own paths (only the name differs),
    so nothing can link past them."""
    website_names = {
        "update_translations": "website_update_translations",
        "submit_page_translation": "website_submit_page_translation",
        "submit_snippet_translation": "website_submit_snippet_translation",
        "convert_to_alias": "website_convert_to_alias",
    }
    assert reverse(website_names[name], args=args) == reverse(f"wagtail_localize:{name}", args=args)
