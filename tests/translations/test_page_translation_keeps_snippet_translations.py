"""Translating a page never touches the translations of the helplines (and other snippets) it uses.

The sequence of issue 9, finding 1, through wagtail-localize's own admin views: the Arabic
Kvinnofridslinjen was made and published by a person; a communicator then translates a
Swedish support page that chooses it into Arabic ("Översätt den här sidan", tick Arabic,
submit), a translator translates the page and publishes it from the translation editor,
and later the Swedish page is synced.
"""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from tests.helpers.demo import kvinnofridslinjen
from tests.helpers.snippets import translate_all
from tests.helpers.translation import publish_translation, submit_for_translation
from translations.overview import translation_overview

pytestmark = pytest.mark.django_db

ARABIC_DESCRIPTION = "<p>المكالمة لا تظهر في فاتورة الهاتف.</p>"
ARABIC_TITLE = "إذا كنت تتعرض للعنف"


def helpline_cell(code):
    rows, _codes = translation_overview(languages=[code])
    return next(row for row in rows if row.title.startswith("Kvinnofridslinjen")).cells[code]


def as_visitors_and_editors_see_it(helpline):
    helpline = type(helpline).objects.get(pk=helpline.pk)
    return {
        "name": helpline.name,
        "description": helpline.description,
        "audience": helpline.audience,
        "live": helpline.live,
        "live_revision": helpline.live_revision_id,
        "latest_revision": helpline.latest_revision_id,
        "has_unpublished_changes": helpline.has_unpublished_changes,
    }


@pytest.fixture
def swedish_page_without_arabic(shared_support_site):
    """The demo's "Om du utsätts för våld", whose Arabic translation is yet to be made.

    The demo ships a hand-made Arabic page; it is removed so that Arabic can be ticked in
    "Översätt den här sidan", as for any page not yet translated.
    """
    from information.models import SupportPage

    swedish = SupportPage.objects.get(slug="utsatt-for-vald", locale__language_code="sv")
    swedish.get_translation(Locale.objects.get(language_code="ar")).delete()
    return swedish


@pytest.fixture
def hand_made_arabic_helpline(shared_support_site):
    """The demo's Arabic Kvinnofridslinjen, given a description and published by a person."""
    arabic = kvinnofridslinjen("ar")
    arabic.description = ARABIC_DESCRIPTION
    arabic.save_revision().publish()
    return arabic


def test_translating_a_page_into_arabic_leaves_its_published_arabic_helpline_as_a_person_made_it(
    admin_client,
    swedish_page_without_arabic,
    hand_made_arabic_helpline,
    django_capture_on_commit_callbacks,
):
    arabic_helpline = hand_made_arabic_helpline
    before = as_visitors_and_editors_see_it(arabic_helpline)
    assert helpline_cell("ar").state == "done"

    translations = submit_for_translation(admin_client, swedish_page_without_arabic, "ar")

    # The helpline was not submitted along with the page: no translation record, no new
    # revision, the same texts, still live.
    assert as_visitors_and_editors_see_it(arabic_helpline) == before
    assert not Translation.objects.filter(
        source__object_id=arabic_helpline.translation_key, target_locale__language_code="ar"
    ).exists()
    cell = helpline_cell("ar")
    assert cell.state == "done" and cell.percent != 0
    # Its edit view is still the ordinary form with the Arabic texts, not the translation
    # editor with empty boxes.
    edit = admin_client.get(
        reverse("wagtailsnippets_information_helpline:edit", args=[arabic_helpline.pk])
    )
    html = edit.content.decode()
    assert edit.status_code == 200
    assert 'name="name"' in html and arabic_helpline.name in html
    assert "js-translation-editor" not in html

    # The translator translates the page and publishes it from the translation editor.
    swedish_title = swedish_page_without_arabic.title
    translate_all(translations["ar"], {swedish_title: ARABIC_TITLE})
    response = publish_translation(
        admin_client, translations["ar"], django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    assert as_visitors_and_editors_see_it(arabic_helpline) == before

    html = admin_client.get("/ar/stod/utsatt-for-vald/").content.decode()
    assert ARABIC_TITLE in html
    # As read (a Swedish name inside it carries lang="sv" in its own span).
    assert arabic_helpline.name in [
        name.get_text() for name in BeautifulSoup(html, "html.parser").select(".helpline__name")
    ]
    assert arabic_helpline.audience in html
    assert '<span class="helpline__name">Kvinnofridslinjen</span>' not in html

    # Later the Swedish page changes and is synced and published in every language: the
    # helpline is not the page's to sync.
    swedish_page_without_arabic.title = "Om någon utsätter dig för våld"
    swedish_page_without_arabic.save_revision().publish()
    response = admin_client.post(
        reverse("wagtail_localize:update_translations", args=[translations["ar"].source_id]),
        {"publish_translations": "on"},
    )
    assert response.status_code == 302
    assert as_visitors_and_editors_see_it(arabic_helpline) == before
    assert helpline_cell("ar").state == "done"


def test_a_helpline_without_a_translation_is_offered_as_a_draft_along_with_the_page(
    admin_client, shared_support_site
):
    """Persian has no Kvinnofridslinjen yet: submitting the page creates one, as a draft."""
    from information.models import Helpline, SupportPage

    swedish = SupportPage.objects.get(slug="utsatt-for-vald", locale__language_code="sv")
    persian_page = swedish.get_translation(Locale.objects.get(language_code="fa"))
    assert persian_page.alias_of_id  # the synchronised tree: an alias until translated
    arabic_before = as_visitors_and_editors_see_it(kvinnofridslinjen("ar"))

    submit_for_translation(admin_client, swedish, "fa")

    persian = Helpline.objects.get(
        translation_key=kvinnofridslinjen().translation_key, locale__language_code="fa"
    )
    assert persian.live is False
    assert helpline_cell("fa").state in ("incomplete", "draft")
    assert as_visitors_and_editors_see_it(kvinnofridslinjen("ar")) == arabic_before
