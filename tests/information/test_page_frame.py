"""The extension's pages in a host's unchanged base template (issue 22, finding 2):
the quick exit, the stylesheet and ``lang``/``dir`` come from ``information.frame``.
The whole path, in a ``wagtail start`` host, is in tests/install/host_check.py."""

import pytest
from django.test import RequestFactory
from django.utils import translation

from information.frame import frame, is_framed
from tests.helpers.html import positions

#: What `wagtail start` (Wagtail 8) renders around a page's content.
WAGTAIL_START_PAGE = """<!DOCTYPE html>
<html lang="en">
    <head>
        <meta charset="utf-8" />
        <link rel="stylesheet" type="text/css" href="/static/css/host.css">
    </head>
    <body class="support-page">
        <h1>Om du är utsatt för våld</h1>
    </body>
</html>"""


@pytest.mark.django_db
def test_a_host_page_gets_the_quick_exit_the_stylesheet_and_its_language_under_ar():
    request = RequestFactory().get("/ar/stod/")
    with translation.override("ar"):
        html = frame(WAGTAIL_START_PAGE, request, {"request": request})
    assert '<html lang="ar" dir="rtl">' in html
    assert 'href="/static/information/information.css"' in html
    assert 'src="/static/information/quick-exit.js" defer' in html
    quick_exit, heading = positions(html, "body [data-quick-exit]", "body h1")
    assert quick_exit < heading, "the quick exit comes first"


@pytest.mark.django_db
def test_a_base_that_frames_the_page_itself_is_left_as_it_is():
    request = RequestFactory().get("/sv/stod/")
    with translation.override("sv"):
        once = frame(WAGTAIL_START_PAGE, request, {"request": request})
        assert frame(once, request, {"request": request}) == once
    assert once.count("data-quick-exit") == 1 and '<html lang="sv" dir="ltr">' in once


@pytest.mark.django_db
def test_extension_pages_are_framed_and_host_pages_only_when_they_ask(support_site):
    from information.models import SupportPage
    from website.models import HomePage

    assert is_framed(SupportPage.objects.first())
    home = HomePage.objects.first()
    assert not is_framed(home)
    home.vinr_frame = True
    assert is_framed(home)


@pytest.mark.django_db
def test_the_reference_site_renders_exactly_as_without_the_frame(support_site, client, settings):
    """Its base template has the quick exit, the links and lang/dir already."""
    from information.models import SupportPage

    settings.PAGE_CACHE_ENABLED = False  # each answer rendered, not the first one kept
    url = SupportPage.objects.live().filter(locale__language_code="ar").first().url
    before = client.get(url).content
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "information.frame.PageFrameMiddleware"]
    after = client.get(url).content
    assert after == before
