"""axe-core (shipped inside axe-playwright-python) restricted to WCAG 2.1 A and AA."""

from axe_playwright_python.sync_playwright import Axe

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def wcag_violations(page):
    """The WCAG 2.1 A/AA violations on the page, as 'rule: target' strings (empty when clean)."""
    results = Axe().run(page, options=WCAG_21_AA)
    return [
        f"{violation['id']}: {node['target']} {node.get('failureSummary', '')}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]
