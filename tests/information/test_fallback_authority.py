"""One fallback authority (information/visitors.py): what a section lists is exactly what
it serves, in every language; pages and snippets follow the same language order."""

import re

import pytest

from information.models import SupportPage

pytestmark = pytest.mark.django_db


def cards(html):
    return re.findall(r'<li class="section-card"[^>]*>\s*<a href="([^"]+)"', html)


def test_a_page_served_from_english_is_listed_where_it_is_served(shared_support_site, client_for):
    """Issue 25, finding 1: with the Swedish page gone, /pl/stod/utovar-du-vald/ served the
    English page but /pl/stod/ did not list it (the listing tried Swedish only)."""
    SupportPage.objects.get(locale__language_code="sv", slug="utovar-du-vald").delete()
    assert client_for.get("/pl/stod/utovar-du-vald/").status_code == 200
    assert "/pl/stod/utovar-du-vald/" in cards(client_for.get("/pl/stod/").content.decode())


def test_snippets_follow_the_fallback_languages_setting(migrated_roots, settings):
    """Snippets had a rule of their own (``_choose``) that ignored VINR_FALLBACK_LANGUAGES:
    a Polish visitor got the Swedish helpline although the site falls back to English first."""
    from django.utils import translation
    from wagtail.models import Locale

    from information import visitors
    from information.models import Helpline
    from multilingual.localization import localized, localized_many

    for code in ("en", "pl"):
        Locale.objects.get_or_create(language_code=code)
    swedish = Helpline(
        name="Kvinnofridslinjen",
        phone_number="020-50 50 50",
        locale=Locale.objects.get(language_code="sv"),
    )
    swedish.save()
    swedish.save_revision().publish()
    english = swedish.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name = "The women's helpline"
    english.save()
    english.save_revision().publish()

    settings.VINR_FALLBACK_LANGUAGES = ["en", "sv"]
    with translation.override("pl"):
        assert localized(swedish).name == "The women's helpline"
        assert [line.name for line in localized_many([swedish])] == ["The women's helpline"]
    assert visitors.snippet_for_visitor(swedish, "pl").name == "The women's helpline"
    settings.VINR_FALLBACK_LANGUAGES = ["sv", "en"]
    with translation.override("pl"):
        assert localized(english).name == "Kvinnofridslinjen"


def test_the_authority_imports_no_models_and_blocks_import_no_models():
    """information/models.py imports the authority and blocks: neither may import it back."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "information"
    for name in ("visitors.py", "fallback.py", "blocks.py"):
        tree = ast.parse((root / name).read_text(encoding="utf-8"))
        imported = {
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module
        }
        assert "information.models" not in imported, name
