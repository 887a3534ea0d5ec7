"""A visitor who chose a language stays in it.

Crawls the demo site from each of the 14 home pages, following every link under that
language's prefix: no link leads into another language's prefix (except the language
switchers, which are meant to), every link answers, and no Swedish text is shown without
``lang="sv"`` and a notice in the visitor's language.
"""

import re
from html.parser import HTMLParser

import pytest

from multilingual.languages import SITE_LANGUAGES

pytestmark = pytest.mark.django_db

CODES = [code for code, *_rest in SITE_LANGUAGES]
#: Navigation whose purpose is to lead into other languages.
SWITCHERS = ("language-switcher", "page-languages")
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class _Page(HTMLParser):
    """Links (with whether they sit in a switcher) and text nodes with their language."""

    def __init__(self):
        super().__init__()
        self.stack = []  # (tag, lang, classes)
        self.links = []
        self.texts = []
        self.notices = []
        self.in_body = False

    def _lang(self):
        for _tag, lang, _classes in reversed(self.stack):
            if lang:
                return lang
        return ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = attrs.get("class") or ""
        if tag == "body":
            self.in_body = True
        if tag == "a" and attrs.get("href"):
            # A link into another language on purpose: in a switcher, or one that says
            # which language it leads to ("Read this page in English", hreflang="en").
            href = attrs["href"]
            in_switcher = any(name in c for _t, _l, c in self.stack for name in SWITCHERS) or (
                attrs.get("hreflang") is not None and href.startswith(f"/{attrs['hreflang']}/")
            )
            self.links.append((href, in_switcher))
        if tag not in VOID:
            self.stack.append((tag, attrs.get("lang"), classes))
            if "language-notice" in classes or "untranslated-note" in classes:
                self.notices.append(self._lang())

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        text = " ".join(data.split())
        if self.in_body and text:
            self.texts.append((text, self._lang()))


def swedish_texts():
    """Texts of the published Swedish content that no other language uses word for word,
    and those of them that another language quotes inside its own text (a name:
    "Kontaktförbud (restraining order)", "خط كفينوفريدس (Kvinnofridslinjen)")."""
    from wagtail.models import Page

    from information.models import Brochure, GlossaryTerm, Helpline, LocalService

    fields = {
        Helpline: ["name", "audience", "opening_hours"],
        LocalService: ["name", "audience", "opening_hours", "address"],
        Brochure: ["title", "summary"],
        GlossaryTerm: ["term"],
    }
    swedish, other = set(), set()
    for model, names in fields.items():
        for row in model.objects.filter(live=True).select_related("locale"):
            values = {getattr(row, name) for name in names} - {""}
            (swedish if row.locale.language_code == "sv" else other).update(values)
    for page in Page.objects.live().filter(alias_of__isnull=True).select_related("locale"):
        values = {page.title, page.search_description} - {""}
        (swedish if page.locale.language_code == "sv" else other).update(values)
    swedish -= other
    return swedish, {text for text in swedish if any(text in value for value in other)}


def crawl(client, code):
    """Every page reachable from /<code>/ under that prefix: {url: parsed page}."""
    seen, pages, todo, failures = set(), {}, [f"/{code}/"], []
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200:
            failures.append((url, response.status_code))
            continue
        if "text/html" not in response["Content-Type"]:
            continue
        parsed = _Page()
        parsed.feed(response.content.decode())
        pages[url] = parsed
        for href, _in_switcher in parsed.links:
            target = href.split("#")[0]
            if target.startswith(f"/{code}/") and target not in seen:
                todo.append(target)
    return pages, failures


@pytest.mark.parametrize("code", CODES)
def test_visitor_never_leaves_their_language_and_never_reads_unmarked_swedish(
    shared_support_site, client_for, code
):
    pages, failures = crawl(client_for, code)
    assert len(pages) >= 10, sorted(pages)  # home, section, support pages, brochures, glossary
    assert failures == [], failures  # every link answers, PDFs of every brochure language included

    others = "|".join(c for c in CODES if c != code)
    other_prefix = re.compile(rf"^/({others})/")
    wrong_links = [
        (url, href)
        for url, page in pages.items()
        for href, in_switcher in page.links
        if other_prefix.match(href) and not in_switcher
    ]
    assert wrong_links == []

    if code == "sv":
        return
    swedish, quoted = swedish_texts()
    unmarked = [
        (url, text, lang)
        for url, page in pages.items()
        for text, lang in page.texts
        if text in swedish and lang != "sv"
    ]
    assert unmarked == []
    # A Swedish name quoted in a translated sentence (marked lang="sv" above) is not
    # untranslated content: only Swedish content shown as it is calls for the notice.
    without_notice = [
        url
        for url, page in pages.items()
        if any(text in swedish - quoted for text, _lang in page.texts) and code not in page.notices
    ]
    assert without_notice == []


def test_fallback_support_page_links_to_the_brochure_and_glossary_under_the_visitors_prefix(
    shared_support_site, client_for
):
    html = client_for.get("/ti/stod/utsatt-for-vald/").content.decode()
    html = html[
        html.index("<main") : html.index('class="page-languages"')
    ]  # switchers lead to other languages on purpose
    assert 'href="/ti/stod/broschyrer/stod-vid-vald/"' in html
    assert 'href="/ti/stod/ordlista/#term-vinr"' in html
    assert 'href="/sv/stod/' not in html


def test_tigrinya_brochures_page_shows_the_tigrinya_brochure_with_a_notice_for_the_swedish_intro(
    shared_support_site, client_for
):
    html = client_for.get("/ti/stod/broschyrer/").content.decode()
    assert "ሓደ ሰብ ክጎድኣኩም ከሎ ደገፍ" in html  # the brochure's Tigrinya title
    assert re.search(r'<section class="language-notice" lang="ti"', html)


@pytest.mark.parametrize("code", ["ckb", "pl", "uk", "ru", "tr", "bs", "es"])
def test_home_page_offers_help_in_the_visitors_language(shared_support_site, client_for, code):
    from django.utils import translation

    with translation.override(code):
        label = translation.gettext("More help and support")
    html = client_for.get(f"/{code}/").content.decode()
    assert f'<a href="/{code}/stod/">{label}</a>' in html
    assert label != "More help and support"  # translated, not the English msgid
