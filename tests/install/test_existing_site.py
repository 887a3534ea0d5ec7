"""An existing site whose pages are in another language than the extension's source
language: `wagtail start` makes English pages, and `import_plan` then had nowhere to put a
plan ("no page with plans in locale 'sv'"). `manage.py vinr_setup` makes what is missing
(docs/install.md, "An existing site"); the install test runs it in a real host too.
"""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Locale, Page, Site

from plans.models import PlanIndexPage, PlanPage

PLAN_FILE = Path(__file__).with_name("plan.yaml")


@pytest.fixture
def english_site(migrated_roots):
    """A site as `wagtail start` leaves it: an English home page, the default site's root."""
    english = Locale.objects.get_or_create(language_code="en")[0]
    home = Page(title="Home", slug="start", locale=english)
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    return home


def setup(*args):
    out = StringIO()
    call_command("vinr_setup", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_import_plan_on_an_english_site_says_what_to_do(english_site):
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_plan", str(PLAN_FILE), stderr=err)
    assert "manage.py vinr_setup" in err.getvalue()


@pytest.mark.django_db
def test_setup_gives_an_english_site_a_swedish_home_and_a_page_with_plans(english_site, client):
    said = setup()
    sv = Locale.objects.get(language_code="sv")
    home = english_site.get_translation(sv)
    assert home.alias_of_id == english_site.id, (
        "the Swedish home shows the English page until translated"
    )
    index = PlanIndexPage.objects.get(locale=sv)
    assert index.get_parent().id == home.id and index.live
    assert "alias" in said and "Handlingsplaner" in said

    call_command("import_plan", str(PLAN_FILE), publish=True, stdout=StringIO())
    plan = PlanPage.objects.get(plan_key="exempelby-vinr")
    assert plan.get_parent().id == index.id
    assert client.get(index.url).status_code == 200
    response = client.get(plan.url)
    assert response.status_code == 200 and "Kunskap om våld" in response.content.decode()
    assert client.get(english_site.url).status_code == 200, (
        "the host's own home page is still served"
    )


@pytest.mark.django_db
def test_setup_run_again_changes_nothing(english_site):
    setup()
    pages = Page.objects.count()
    said = setup()
    assert Page.objects.count() == pages
    assert "exists" in said
