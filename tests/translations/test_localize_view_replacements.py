"""Five of wagtail-localize's admin views are answered by the project's, chosen by the URL's
name in ``translations/localize_views.py`` (a middleware's ``process_view``), not by which URL
pattern comes first. Every button and link to them is ``reverse("wagtail_localize:…")``.

What each replacement does for translators is tested where it matters
(``test_translators.py``: sync without publishing, convert to alias refused;
``test_page_translation_keeps_snippet_translations.py``: submit keeps translations). Here:
that the replacement is reached through wagtail-localize's own address whatever the URL
order, keeps the admin's access check, and that a site without it is refused by
``check``."""

import inspect

import pytest
from django.conf import settings
from django.core import checks
from django.urls import resolve, reverse
from wagtail_localize.views import (
    convert,
    edit_translation,
    submit_translations,
    update_translations,
)

from translations.checks import LOCALIZE_VIEW_REPLACEMENT

pytestmark = pytest.mark.django_db

ADDRESSES = [
    ("update_translations", [1], update_translations.UpdateTranslationsView),
    ("submit_page_translation", [1], submit_translations.SubmitPageTranslationView),
    (
        "submit_snippet_translation",
        ["information", "helpline", "1"],
        submit_translations.SubmitSnippetTranslationView,
    ),
    ("convert_to_alias", [1], convert.convert_to_alias),
    ("upload_pofile", [1], edit_translation.upload_pofile),
]


@pytest.mark.parametrize("name, args, view", ADDRESSES, ids=[name for name, *_ in ADDRESSES])
def test_no_url_pattern_shadows_wagtail_localizes(name, args, view):
    """The address resolves to wagtail-localize's own view: nothing depends on a pattern
    of the project's coming first, so an upgrade or a hook order cannot undo the limits."""
    match = resolve(reverse(f"wagtail_localize:{name}", args=args))
    found = inspect.unwrap(match.func)  # the admin wraps each view in its access check
    assert getattr(found, "view_class", found) is inspect.unwrap(view), match
    assert match.view_name == f"wagtail_localize:{name}"


@pytest.mark.parametrize("name, args, _", ADDRESSES, ids=[name for name, *_ in ADDRESSES])
def test_the_replacements_keep_the_admins_login(client, name, args, _):
    response = client.get(reverse(f"wagtail_localize:{name}", args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_a_translator_reaches_the_projects_sync_form_at_wagtail_localizes_address(
    client, django_user_model, demo_site
):
    """The sync form of the project (its own template) answers, not wagtail-localize's."""
    from wagtail.models import Locale
    from wagtail_localize.models import TranslationSource

    from editorial.roles import TRANSLATORS as TRANSLATORS_GROUP
    from information.models import Helpline
    from tests.helpers.admin import make_user

    line = Helpline.objects.create(
        name="Kvinnofridslinjen",
        phone_number="020-50 50 50",
        locale=Locale.get_default(),
        live=True,
    )
    client.force_login(make_user(TRANSLATORS_GROUP))
    # A translator syncs what has a translation into their language (issue 21).
    submitted = client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation", args=["information", "helpline", line.pk]
        ),
        {"locales": [Locale.objects.get(language_code="ar").pk]},
    )
    assert submitted.status_code == 302
    source = TranslationSource.objects.get(object_id=line.translation_key, locale=line.locale)
    response = client.get(reverse("wagtail_localize:update_translations", args=[source.pk]))
    assert response.status_code == 200
    assert "translations/admin/update_translations.html" in [t.name for t in response.templates]
    assert "no-store" in response["Cache-Control"]  # like every admin view (never_cache)


def test_check_refuses_a_site_without_the_replacements(settings):
    settings.MIDDLEWARE = [
        entry for entry in settings.MIDDLEWARE if entry != LOCALIZE_VIEW_REPLACEMENT
    ]
    errors = [message for message in checks.run_checks() if message.id == "translations.E001"]
    assert len(errors) == 1 and "translators could publish" in errors[0].msg


def test_the_reference_site_has_them():
    assert LOCALIZE_VIEW_REPLACEMENT in settings.MIDDLEWARE
    assert not [message for message in checks.run_checks() if message.id == "translations.E001"]
