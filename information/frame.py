"""What every page of the extension needs from the page around it, in any host's base template.

A support page must have the quick exit (someone in danger may be watched), the
extension's stylesheet and script, and say its language: ``<html lang="ar" dir="rtl">``
under ``/ar/``, or a screen reader reads Arabic with English rules and the page runs left
to right. A visitor who landed in Swedish needs the way to their own language (the
language switcher), and a search engine the page's other language versions
(``<link rel="alternate" hreflang>``), or it sends an Arabic reader to the Swedish page.
A host's base template (``wagtail start``'s says ``<html lang="en">`` and knows nothing of
these) need not be edited for it: :class:`PageFrameMiddleware` puts them into the page it
renders (docs/install.md, step 2). The switcher and hreflang follow
``information.visitors``: a private page is in no hreflang, a language that shows another
language's text (a fallback) is not announced as that language
(``information.templatetags.page_languages``).

It acts on the pages of the extension's apps (``plans``, ``information``) and on any page
class of the host with ``vinr_frame = True``, and only where the base template has not done
it already: a base that includes the quick exit and the links (the reference site's) is left
exactly as it is. Nothing is loaded from another host and no inline script is added, so a
strict Content-Security-Policy holds.
"""

import re

from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.html import escape
from django.utils.translation import get_language, get_language_bidi

from information.templatetags import page_languages

#: The apps whose pages are framed; a page class says otherwise with ``vinr_frame``.
FRAMED_APPS = frozenset({"plans", "information"})

HTML_TAG = re.compile(r"<html\b[^>]*>", re.I)
BODY_TAG = re.compile(r"<body\b[^>]*>", re.I)
HEAD_END = re.compile(r"</head\s*>", re.I)
HREFLANG_LINK = re.compile(r"<link\b[^>]*\bhreflang\s*=", re.I)
#: A switcher of the base's own (the reference site's header) is marked with this class.
SWITCHER = re.compile(r"""class\s*=\s*["'](?:[^"']*\s)?language-switcher[\s"']""", re.I)
QUICK_EXIT_END = re.compile(r"data-quick-exit.*?</aside\s*>", re.I | re.S)
LANG_OR_DIR = re.compile(r"""\s(?:lang|dir)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.I)


def is_framed(page):
    """Whether ``page`` gets the extension's frame: an extension page, or a host page
    whose class sets ``vinr_frame = True``."""
    if page is None:
        return False
    explicit = getattr(page, "vinr_frame", None)
    if explicit is not None:
        return bool(explicit)
    return page._meta.app_label in FRAMED_APPS


def with_language(html_tag, code, direction):
    """``<html …>`` with ``lang`` and ``dir`` of the language the page is shown in."""
    rest = LANG_OR_DIR.sub("", html_tag[len("<html") : -1])
    return f'<html lang="{escape(code)}" dir="{direction}"{rest}>'


def frame(html, request, context):
    """``html`` with the language on ``<html>``, the stylesheet, script and hreflang links
    in ``<head>``, and the quick exit then the language switcher first in ``<body>``, each
    only where it is missing."""
    code = get_language() or ""
    direction = "rtl" if get_language_bidi() else "ltr"
    html = HTML_TAG.sub(lambda match: with_language(match.group(0), code, direction), html, count=1)
    links = []
    stylesheet, script = static("information/information.css"), static("information/quick-exit.js")
    if stylesheet not in html:
        links.append(f'<link rel="stylesheet" href="{stylesheet}">')
    if script not in html:
        links.append(f'<script src="{script}" defer></script>')
    if not HREFLANG_LINK.search(html):
        found = page_languages.hreflang_links(context, context.get("page"))
        alternates = render_to_string(
            "information/includes/hreflang.html", found, request=request
        ).strip()
        if alternates:
            links.append(alternates)
    if links and HEAD_END.search(html):
        html = HEAD_END.sub(lambda match: "\n".join(links) + "\n" + match.group(0), html, count=1)
    top = ""
    if "data-quick-exit" not in html:
        top = render_to_string("information/includes/quick_exit.html", context, request=request)
    if not SWITCHER.search(html):
        found = page_languages.language_switcher(context, context.get("page"))
        top += render_to_string(
            "information/includes/language_switcher.html", found, request=request
        ).strip()
    if top:
        after_quick_exit = QUICK_EXIT_END.search(html)
        if after_quick_exit and "data-quick-exit" not in top:
            end = after_quick_exit.end()
            html = html[:end] + top + html[end:]
        else:
            html = BODY_TAG.sub(lambda match: match.group(0) + top, html, count=1)
    return html


class PageFrameMiddleware:
    """Frames the extension's pages in a host's unchanged base template (module docstring).

    Wagtail answers a page with a ``TemplateResponse``; the frame is added after it has
    been rendered, to the HTML only.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_template_response(self, request, response):
        context = getattr(response, "context_data", None) or {}
        if not is_framed(context.get("page")):
            return response

        def add_frame(rendered):
            if rendered.status_code != 200 or not rendered.get("Content-Type", "").startswith(
                "text/html"
            ):
                return
            charset = rendered.charset or "utf-8"
            rendered.content = frame(rendered.content.decode(charset), request, context).encode(
                charset
            )

        response.add_post_render_callback(add_frame)
        return response
