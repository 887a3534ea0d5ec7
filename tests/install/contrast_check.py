"""Text contrast of named controls in a host site's pages, measured in Chromium.

Run by host_check.py with this repository's Python (the host's venv has no Playwright),
against the host's own `runserver`: the extension's pages in the host's unchanged base
template with the host's stylesheet and none of the reference site's, so a colour that
comes only from the reference site's `site.css` (issue 22, finding 3: the current tab
"Alla åtgärder" and the filter button white on transparent) shows here.

    contrast_check.py SPEC_JSON

SPEC_JSON is a list of {"url": ..., "open": [selector...], "controls": [[selector, text]...]}:
each page is loaded, the `<details>` named by "open" are opened, and each control (whose
text must contain `text`) must have a contrast of at least 4.5:1 (WCAG 1.4.3, AA) between
the colour of each piece of text in it and the colour behind that text (backgrounds
composited up to the page's canvas). Prints one line per control; exit status 1 when one
is under 4.5:1 or missing. Chromium is Debian's, with the flags of the test suite's
`browser` fixture (tests/conftest.py).
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.helpers.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

MINIMUM = 4.5

#: For each piece of text in the element (the element and its descendants with a text
#: node of their own): its colour and the colour behind it, as [r, g, b, a] in 0..255/0..1.
MEASURE = """element => {
    const parse = value => {
        const m = value.match(/rgba?\\(([^)]+)\\)/);
        if (!m) return [0, 0, 0, 0];
        const parts = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
        return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
    };
    const over = (top, bottom) => {
        const a = top[3] + bottom[3] * (1 - top[3]);
        if (a === 0) return [0, 0, 0, 0];
        const mix = i => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
        return [mix(0), mix(1), mix(2), a];
    };
    const behind = node => {
        const layers = [];
        for (let at = node; at; at = at.parentElement) layers.push(parse(getComputedStyle(at).backgroundColor));
        let colour = [255, 255, 255, 1];  // the canvas
        for (const layer of layers.reverse()) colour = over(layer, colour);
        return colour;
    };
    const pieces = [element, ...element.querySelectorAll("*")].filter(node =>
        [...node.childNodes].some(child => child.nodeType === 3 && child.textContent.trim())
        && node.getClientRects().length > 0);
    return pieces.map(node => ({
        text: node.textContent.trim().slice(0, 40),
        colour: over(parse(getComputedStyle(node).color), behind(node)),
        background: behind(node),
    }));
}"""


def luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first, second):
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def check(spec):
    from playwright.sync_api import sync_playwright

    failed = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        tab = browser.new_page(viewport={"width": 390, "height": 844})
        for entry in spec:
            response = tab.goto(entry["url"])
            if response is None or response.status != 200:
                failed.append(f"{entry['url']}: {response.status if response else 'no answer'}")
                continue
            for selector in entry.get("open", []):
                if tab.locator(selector).count() == 0:
                    failed.append(f"{entry['url']}: no {selector} to open")
                    continue
                tab.locator(selector).first.evaluate("details => { details.open = true; }")
            for selector, text in entry["controls"]:
                element = tab.locator(selector).first
                if element.count() == 0 or text not in element.inner_text():
                    failed.append(f"{entry['url']}: no {selector} with {text!r}")
                    continue
                for piece in element.evaluate(MEASURE):
                    ratio = contrast(piece["colour"], piece["background"])
                    line = f"{ratio:5.2f}:1  {selector} {piece['text']!r} at {entry['url']}"
                    print(line)
                    if ratio < MINIMUM:
                        failed.append(line)
        browser.close()
    return failed


if __name__ == "__main__":
    failed = check(json.loads(sys.argv[1]))
    for line in failed:
        print(f"UNDER {MINIMUM}:1 or missing: {line}")
    sys.exit(1 if failed else 0)
