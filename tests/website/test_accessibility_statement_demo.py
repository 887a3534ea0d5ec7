"""The demo's accessibility statement and site identity load once and are never overwritten."""

import pytest

pytestmark = pytest.mark.django_db


def test_loading_the_demo_twice_keeps_one_statement_per_language_and_the_municipalitys_edits(
    demo_site,
):
    from wagtail.models import Locale, Site

    from website.demo import site
    from website.models import AccessibilityStatementPage, SiteSettings

    statement = AccessibilityStatementPage.objects.get(locale__language_code="sv")
    statement.known_issues = "<p>Edited by the municipality.</p>"
    statement.save_revision().publish()
    settings_obj = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_obj.municipality_url = "https://www.sodertalje.se/"
    settings_obj.save()

    site.load()

    assert AccessibilityStatementPage.objects.count() == Locale.objects.count()
    assert (
        AccessibilityStatementPage.objects.get(pk=statement.pk).known_issues
        == "<p>Edited by the municipality.</p>"
    )
    settings_obj = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings_obj.municipality_url == "https://www.sodertalje.se/"
    assert settings_obj.accessibility_statement_id == statement.pk
    assert settings_obj.logo is not None
