"""The language switcher ``information.frame`` adds to a host's unchanged base template, in
Chromium: under /ar/ on a 320 px screen it reads right to left, opens without sideways
scrolling, and passes axe's WCAG 2.1 AA rules (contrast, names, targets' languages).

The live server's handler loaded its middleware when it started: ``framed_server`` loads
it again with the frame's, and puts the old chain back afterwards."""

import pytest
from wagtail.models import Locale

from tests.a11y import wcag_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHAIN = (
    "_view_middleware",
    "_template_response_middleware",
    "_exception_middleware",
    "_middleware_chain",
)


@pytest.fixture
def framed_server(live_server, host_base):
    """The live server with ``settings.MIDDLEWARE`` as ``host_base`` left it."""
    handler = live_server.thread.httpd.get_app()
    while hasattr(handler, "application"):  # static and media file handlers around Django's
        handler = handler.application
    kept = {name: getattr(handler, name) for name in CHAIN}
    handler.load_middleware()
    yield live_server
    for name, value in kept.items():
        setattr(handler, name, value)


@pytest.fixture
def arabic_page(demo_site, host_base):
    """A support page in Swedish and Arabic, below the demo's home pages."""
    from information.models import SupportIndexPage, SupportPage

    arabic = Locale.objects.get(language_code="ar")
    index = SupportIndexPage(title="Stöd och hjälp", slug="stod")
    demo_site.add_child(instance=index)
    index.save_revision().publish()
    copy = index.copy_for_translation(arabic)
    copy.title = "الدعم والمساعدة"
    copy.save_revision().publish()
    page = SupportPage(title="Utsatt för våld", slug="utsatt", easy_read="<p>Du är inte ensam.</p>")
    index.add_child(instance=page)
    page.save_revision().publish()
    copy = page.copy_for_translation(arabic)
    copy.title = "التعرض للعنف"
    copy.save_revision().publish()
    return copy


def test_the_switcher_in_a_host_reads_right_to_left_and_fits_a_320_px_screen(
    page, framed_server, arabic_page
):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{framed_server.url}{arabic_page.url}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("link[href$='css/hostsite.css']").count() == 1, (
        "framed by the host's own base template"
    )
    switcher = page.locator(".language-bar nav.language-switcher")
    switcher.locator("summary").click()
    assert switcher.locator('[aria-current="true"]').inner_text() == "العربية"
    swedish = switcher.locator('a[hreflang="sv"]')
    assert (
        swedish.is_visible()
        and swedish.get_attribute("lang") == "sv"
        and swedish.get_attribute("dir") == "ltr"
    )
    box = swedish.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44, box
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, "the page scrolls sideways"
    assert wcag_violations(page) == []
    swedish.click()
    page.wait_for_url("**/sv/stod/utsatt/")
    assert page.locator("html").get_attribute("lang") == "sv"
