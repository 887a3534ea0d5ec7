"""Take the README's screenshots from a running site (`make run` in another shell).

Usage: .venv/bin/python docs/take_screenshots.py [BASE_URL]  (admin password in ADMIN_PASSWORD)
"""

import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000").rstrip("/")
OUT = Path(__file__).parent / "screenshots"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main():
    OUT.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"), args=ARGS
        )
        phone = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
        tab = phone.new_page()
        for code in ("sv", "ar"):
            tab.goto(f"{BASE}/{code}/")
            tab.screenshot(path=str(OUT / f"home-{code}-phone.png"))
        desktop = browser.new_context(viewport={"width": 1280, "height": 900})
        tab = desktop.new_page()
        tab.goto(f"{BASE}/sv/")
        tab.screenshot(path=str(OUT / "home-sv-desktop.png"))
        if os.environ.get("ADMIN_PASSWORD"):
            tab.goto(f"{BASE}/admin/login/")
            tab.fill("#id_username", os.environ.get("ADMIN_USERNAME", "admin"))
            tab.fill("#id_password", os.environ["ADMIN_PASSWORD"])
            tab.click("button[type=submit]")
            tab.wait_for_url(f"{BASE}/admin/")
            # The translation overview: what each language still lacks.
            tab.goto(f"{BASE}/admin/translations/")
            tab.screenshot(path=str(OUT / "admin.png"))
        browser.close()


if __name__ == "__main__":
    main()
