"""The quick exit on every public page, and a visit that leaves nothing to go Back to.

Someone in danger often lands on the home page first, and may have to leave in a second.
After leaving, Back must not show any page of this site: the script keeps the whole visit
in one history entry (internal links replace it) and the exit replaces that entry.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["sv", "ar", "ti", "pl"]


class _OtherSite(BaseHTTPRequestHandler):
    """Another website on another port: where the visitor came from, and the neutral site."""

    site_url = ""

    def do_GET(self):
        if self.path.startswith("/start"):
            code = self.path.rsplit("=", 1)[-1]
            body = f'<!DOCTYPE html><html lang="en"><title>Start</title><a id="go" href="{self.site_url}/{code}/">Go</a></html>'
        else:
            body = '<!DOCTYPE html><html lang="en"><title>Weather</title><p>Weather</p></html>'
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def other_site(live_server):
    handler = type("Handler", (_OtherSite,), {"site_url": live_server.url})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _set_quick_exit(url):
    from wagtail.models import Site

    from website.models import SiteSettings

    settings_obj = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_obj.quick_exit_url = url
    settings_obj.save()


def _label(code):
    from django.utils import translation

    with translation.override(code):
        return translation.gettext("Leave this page quickly")


def _walk_in_and_leave(page, live_server, other_site, code, neutral):
    """Arrive from another site, walk three pages in, leave; the URLs Back then shows."""
    page.goto(f"{other_site}/start?lang={code}")
    page.click("#go")
    page.wait_for_url(f"{live_server.url}/{code}/")
    # Three pages in: the support section, a support page, the page on hiding a visit.
    page.locator(f'main a[href="/{code}/stod/"]').first.click()
    page.wait_for_url(f"{live_server.url}/{code}/stod/")
    page.locator(".section-cards a").first.click()
    page.wait_for_url(f"{live_server.url}/{code}/stod/*/")
    page.locator(".quick-exit-note a").click()
    page.wait_for_url(f"{live_server.url}/{code}/stod/dolj-ditt-besok/")
    if code in ("sv", "ar"):
        page.get_by_role("link", name=_label(code)).click()
    else:
        page.locator("h1").click()
        for _ in range(3):
            page.keyboard.press("Shift")
    page.wait_for_url(neutral)
    visited = []
    for _ in range(8):  # Back until history ends
        before = page.url
        response = page.go_back()
        if response is None and page.url == before:
            break
        visited.append(page.url)
    return visited


def test_after_a_quick_exit_back_never_shows_a_page_of_the_site(
    browser, live_server, support_site, other_site
):
    neutral = f"{other_site}/weather"
    _set_quick_exit(neutral)
    for code in LANGUAGES:
        context = browser.new_context(viewport={"width": 390, "height": 844})
        try:
            visited = _walk_in_and_leave(context.new_page(), live_server, other_site, code, neutral)
            assert visited[0] == f"{other_site}/start?lang={code}", (code, visited)
            assert not [url for url in visited if url.startswith(live_server.url)], (code, visited)
            assert context.cookies() == []
        finally:
            context.close()


def test_every_home_page_has_the_quick_exit_and_the_hide_your_visit_advice(
    page, live_server, support_site
):
    for code in LANGUAGES:
        page.goto(f"{live_server.url}/{code}/")
        button = page.get_by_role("link", name=_label(code))
        box = button.bounding_box()
        assert box is not None and box["y"] + box["height"] <= page.viewport_size["height"], code
        assert box["height"] >= 44, code
        advice = page.locator(".quick-exit-note a")
        assert advice.get_attribute("href") == f"/{code}/stod/dolj-ditt-besok/", code


def test_three_shift_presses_leave_the_home_page(page, live_server, support_site, other_site):
    neutral = f"{other_site}/weather"
    _set_quick_exit(neutral)
    page.goto(f"{live_server.url}/ar/")
    page.locator("h1").click()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(neutral)


def test_quick_exit_on_the_home_page_works_without_javascript(
    browser, live_server, support_site, other_site
):
    neutral = f"{other_site}/weather"
    _set_quick_exit(neutral)
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(f"{live_server.url}/ti/")
        tab.get_by_role("link", name=_label("ti")).click()
        tab.wait_for_url(neutral)
    finally:
        context.close()
