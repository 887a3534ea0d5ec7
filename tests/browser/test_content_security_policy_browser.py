"""Public pages work under their strict Content-Security-Policy: nothing is blocked."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Runs before the page's own scripts; Chromium reports every blocked load or script here.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_public_pages_load_with_no_csp_violation(page, live_server, support_site, code):
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(LISTEN)
    for path in [f"/{code}/", f"/{code}/stod/utsatt-for-vald/"]:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        assert "default-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__cspViolations") == [], path
    # The support page's quick exit is script and styles: both ran under the policy.
    assert page.locator("script[src]").count() >= 1
    assert [text for text in console if "Content Security Policy" in text] == []
