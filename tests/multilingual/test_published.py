"""What every page shows around its content (language versions, the emergency number, the
"hide your visit" link, the accessibility statement) is worked out once per publication,
and a publication shows on the very next request (``multilingual.published``).

The page cache is off here (the test settings), as for a visitor whose page is not cached:
these answers are kept on their own, under the page cache's generation.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

SUPPORT_PAGE = "/sv/stod/utsatt-for-vald/"


@pytest.fixture
def visitor():
    return Client(HTTP_HOST="localhost")


def queries_of(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), [q["sql"] for q in captured.captured_queries]


def emergency_line():
    from information.models import Helpline

    return Helpline.objects.get(is_emergency=True, locale__language_code="sv")


@pytest.mark.parametrize("url", ["/sv/", "/ar/", SUPPORT_PAGE, "/ar/stod/utsatt-for-vald/"])
def test_a_second_visit_does_not_look_up_the_pages_surroundings_again(
    shared_support_site, visitor, url
):
    first_html, first = queries_of(visitor, url)
    second_html, second = queries_of(visitor, url)
    assert second_html == first_html
    # The emergency number, the two footer links and the language versions: a query each.
    assert len(second) <= len(first) - 4, (len(first), len(second))
    footer_number = 'WHERE ("information_helpline"."is_emergency"'
    assert any(footer_number in sql for sql in first)
    assert not any(footer_number in sql for sql in second)


def test_without_a_publication_number_every_visit_looks_them_up(
    shared_support_site, visitor, settings
):
    settings.VINR_PUBLICATION_GENERATION = None
    # A first visit warms what Django and Wagtail keep per process (content types, the
    # site's root paths): which of those are still warm depends on the tests run before.
    queries_of(visitor, "/sv/")
    _html, second = queries_of(visitor, "/sv/")
    _html, third = queries_of(visitor, "/sv/")
    footer_number = 'WHERE ("information_helpline"."is_emergency"'
    assert any(footer_number in sql for sql in second)
    assert any(footer_number in sql for sql in third)
    assert len(third) == len(second)


def test_a_new_emergency_number_is_in_the_footer_of_the_next_page_read(
    shared_support_site, visitor
):
    before, _queries = queries_of(visitor, "/sv/")
    assert 'href="tel:112"' in before

    line = emergency_line()
    line.phone_number = "114 14"
    line.save_revision().publish()

    for url in ("/sv/", SUPPORT_PAGE):
        after, _queries = queries_of(visitor, url)
        assert 'href="tel:11414"' in after, url
        assert 'href="tel:112"' not in after, url


def test_an_unpublished_translation_leaves_the_language_versions_at_once(
    shared_support_site, visitor
):
    from wagtail.models import Page

    html, _queries = queries_of(visitor, SUPPORT_PAGE)
    assert 'hreflang="en"' in html
    english = Page.objects.get(
        url_path__endswith="/stod/utsatt-for-vald/",
        locale__language_code="en",
        alias_of__isnull=True,
    )
    english.specific.unpublish()

    html, _queries = queries_of(visitor, SUPPORT_PAGE)
    assert 'hreflang="en"' not in html
    assert 'hreflang="ar"' in html


def test_another_hide_your_visit_page_is_linked_from_the_next_page_read(
    shared_support_site, visitor
):
    from information.models import SupportIndexPage

    index = SupportIndexPage.objects.get(locale__language_code="sv")
    old = index.hide_visit_page
    html, _queries = queries_of(visitor, "/sv/")
    assert f'href="{old.url}"' in html

    other = index.get_children().live().exclude(pk=old.pk).first().specific
    index.hide_visit_page = other
    index.save_revision().publish()

    html, _queries = queries_of(visitor, "/sv/")
    assert f'href="{other.url}"' in html
    assert f'href="{old.url}"' not in html


def test_a_preview_shows_the_drafts_hide_your_visit_page(shared_support_site, django_user_model):
    from information.models import SupportIndexPage

    editor = Client(HTTP_HOST="localhost")
    editor.force_login(
        django_user_model.objects.create_superuser("redaktor", "r@example.org", "pw")
    )
    index = SupportIndexPage.objects.get(locale__language_code="sv")
    old = index.hide_visit_page
    other = index.get_children().live().exclude(pk=old.pk).first().specific
    queries_of(Client(HTTP_HOST="localhost"), "/sv/stod/")  # the published answer, kept

    index.hide_visit_page = other
    index.save_revision()  # a draft: visitors still get the old page
    preview = editor.get(f"/admin/pages/{index.pk}/view_draft/")
    assert preview.status_code == 200
    assert f'href="{other.url}"' in preview.content.decode()
    html, _queries = queries_of(Client(HTTP_HOST="localhost"), "/sv/stod/")
    assert f'href="{old.url}"' in html


def test_a_new_logo_is_in_the_header_of_the_next_page_read(shared_support_site, visitor):
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image
    from wagtail.models import Collection, Site

    from website.models import SiteSettings

    html, _queries = queries_of(visitor, "/sv/")
    assert 'src="/media/images/exempelkommun-logotyp' in html

    data = io.BytesIO()
    PILImage.new("RGB", (120, 60), "#1e6b34").save(data, format="PNG")
    logo = Image.objects.create(
        title="Ny logotyp",
        collection=Collection.get_first_root_node(),
        file=ImageFile(data, name="ny-logotyp.png"),
    )
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.logo = logo
    site_settings.save()

    html, _queries = queries_of(visitor, "/sv/")
    assert 'src="/media/images/ny-logotyp' in html
    assert "exempelkommun-logotyp" not in html


def test_the_locales_are_read_once_per_publication(shared_support_site, visitor):
    """Read again after any publication: on another app server that may be a new language."""
    from website.page_cache import bump_generation

    def reads_locales(sql):
        return 'FROM "wagtailcore_locale"' in sql and "WHERE" not in sql

    queries_of(visitor, SUPPORT_PAGE)
    _html, second = queries_of(visitor, SUPPORT_PAGE)
    assert not any(reads_locales(sql) for sql in second)
    bump_generation()  # what a publication on another app server does here
    _html, after = queries_of(visitor, SUPPORT_PAGE)
    assert any(reads_locales(sql) for sql in after)
