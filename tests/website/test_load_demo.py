"""``load_demo`` builds the demo site and can be run again without duplicating anything."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

pytestmark = pytest.mark.django_db


def snapshot():
    """Everything a second run could duplicate or change, in a comparable form."""
    from information.models import Helpline

    pages = sorted(
        (p.translation_key.hex, p.locale.language_code, p.title, p.url_path, p.live)
        for p in Page.objects.select_related("locale")
    )
    helplines = sorted(
        (h.translation_key.hex, h.locale.language_code, h.name, h.phone_number)
        for h in Helpline.objects.select_related("locale")
    )
    sites = sorted((s.hostname, s.root_page_id) for s in Site.objects.all())
    return pages, helplines, sites, snippet_states()


def snippet_states():
    """Each helpline, service, term and brochure: published? by which revision? and how
    many revisions they have in all."""
    from information.models import Brochure, GlossaryTerm, Helpline, LocalService

    models = (Helpline, LocalService, GlossaryTerm, Brochure)
    states = sorted(
        (
            model.__name__,
            s.translation_key.hex,
            s.locale_id,
            s.live,
            s.live_revision_id,
            s.has_unpublished_changes,
        )
        for model in models
        for s in model.objects.all()
    )
    revisions = Revision.objects.filter(
        content_type__in=ContentType.objects.get_for_models(*models).values()
    ).count()
    return states, revisions


def test_load_demo_twice_leaves_the_same_content(load_demo_command, capsys):
    load_demo_command()  # the command's first run (its template, tests/helpers/demo_template.py)
    first = snapshot()
    revisions = Revision.objects.count()
    # A fresh demo has no translation marked out of date in the admin's overview.
    from translations.overview import translation_overview

    rows, _codes = translation_overview()
    assert [
        (row.title, code) for row in rows for code, cell in row.cells.items() if cell.out_of_date
    ] == []
    # Demo snippets are published through revisions, as an editor publishes them …
    assert all(live and revision and not draft for _m, _k, _l, live, revision, draft in first[3][0])
    call_command("load_demo")  # the command itself
    # … and a second run publishes nothing again: no new revision anywhere.
    assert snapshot() == first
    # Nothing changed, so nothing is republished: every page's history stays as it was.
    assert Revision.objects.count() == revisions
    assert "Demo content loaded." in capsys.readouterr().out


def test_load_demo_makes_the_swedish_home_page_the_site_root():
    """The command itself on the database as migrations left it, as ``make run`` runs it on
    a new machine (the other tests' first run is its template)."""
    call_command("load_demo", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific.__class__.__name__ == "HomePage"
    assert site.root_page.locale.language_code == "sv"
    # Wagtail's placeholder welcome page is gone.
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()


def test_load_demo_on_a_database_without_the_page_tree_root_stops_with_a_message():
    """The root page and collection come from Wagtail's migrations; the demo no longer
    makes them up (it did, for test databases that a transactional test had flushed:
    those tests now restore the migrated data, see tests/website/test_flushed_database.py)."""
    from django.core.management.base import CommandError
    from wagtail.models import Locale

    Page.objects.all().delete()
    locales_before = Locale.objects.count()
    with pytest.raises(CommandError, match="migrate"):
        call_command("load_demo", verbosity=0)
    assert (
        not Page.objects.exists() and Locale.objects.count() == locales_before
    )  # nothing half-written
