"""The home page's first screen on a small phone (360 × 740) gives help the reader can
use in every site language: 112, and a line that answers in their language, or a
sentence in their language saying no line does and where to get an interpreter."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
NO_LINE_SPEAKS = (
    "None of these helplines answers in your language. You can ask for an interpreter, "
    "free of charge, when you call 1177 or the municipality's social services."
)


def _gettext(code, message):
    from django.utils import translation

    with translation.override(code):
        return translation.gettext(message)


def _speaking(code):
    """tel: addresses of the published helplines (not 112) that answer in ``code``."""
    from information.models import Helpline, tel_uri

    return {
        tel_uri(line.phone_number)
        for line in Helpline.objects.filter(
            live=True, locale__language_code="sv", is_emergency=False
        )
        if code in line.language_codes
    }


def _within_first_screen(locator):
    box = locator.bounding_box()
    return (
        box is not None
        and box["y"] >= 0
        and box["y"] + box["height"] <= PHONE["height"]
        and box["x"] >= 0
        and box["x"] + box["width"] <= PHONE["width"]
    )


def test_every_language_shows_help_it_can_use_on_the_first_screen(browser, live_server, demo_site):
    from multilingual.languages import site_languages

    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    problems = []
    try:
        for code in site_languages():
            page.goto(f"{live_server.url}/{code}/")
            box = page.locator(".urgent-help")
            if not _within_first_screen(box.locator('a[href="tel:112"]')):
                problems.append(f"{code}: 112 is not on the first screen")
            speaking = _speaking(code)
            shown = [
                link
                for link in box.locator('a[href^="tel:"]').all()
                if link.get_attribute("href") in speaking and _within_first_screen(link)
            ]
            if speaking:
                if not shown:
                    problems.append(
                        f"{code}: no line that answers in {code} on the first screen ({sorted(speaking)})"
                    )
                continue
            message = _gettext(code, NO_LINE_SPEAKS)
            if message == NO_LINE_SPEAKS and code != "en":
                problems.append(f"{code}: the sentence is not translated")
            sentence = box.locator(".urgent-help__no-line")
            if (
                sentence.count() != 1
                or sentence.inner_text().strip() != message
                or not _within_first_screen(sentence)
            ):
                found = sentence.first.bounding_box() if sentence.count() else None
                problems.append(
                    f"{code}: no sentence in {code} that no line answers in it, on the first screen ({found})"
                )
            elif (
                sentence.get_attribute("lang") not in (None, code)
                and page.locator("html").get_attribute("lang") != code
            ):
                problems.append(f"{code}: the sentence is not marked as {code}")
    finally:
        context.close()
    assert problems == []
