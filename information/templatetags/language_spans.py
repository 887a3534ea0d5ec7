"""Swedish names inside text in another language, marked with their language (WCAG 3.1.2):
a screen reader reading Arabic or English then says "Kvinnofridslinjen" with a Swedish
voice instead of spelling it out with an Arabic or English one.

For plain-text fields (a helpline's or service's name, a glossary term, the home page's
short help text), where an editor cannot mark a passage: in text that is not in the
source language, the name of a live source-language helpline or local service, or a
Swedish glossary term, written as is is marked: "مأوى النساء (Kvinnojouren)",
"Call Kvinnofridslinjen", "Kontaktförbud (restraining order)" (the convention of
docs/support-content.md: a translated name gives the Swedish one exactly).

Rich text is marked by its writer (the "sv" button of the editor, ``<span lang="sv">``).
"""

import re
import threading

from django import template
from django.core.signals import request_started
from django.utils.html import escape
from django.utils.safestring import mark_safe

from multilingual.languages import source_language
from multilingual.localization import language_code_for

register = template.Library()


def _span(text):
    return f'<span lang="{source_language()}" dir="ltr">{text}</span>'


_request = threading.local()  # per thread: the names, read once per request


def _forget_names(**kwargs):
    _request.names = None


request_started.connect(_forget_names, dispatch_uid="information.language_spans.request_started")


def source_names():
    """The names of the live source-language helplines and services and its glossary
    terms, longest first (three queries, once per request)."""
    if getattr(_request, "names", None) is None:
        _request.names = _read_source_names()
    return _request.names


def _read_source_names():
    from information.models import GlossaryTerm, Helpline, LocalService

    names = set()
    for model, field in ((Helpline, "name"), (LocalService, "name"), (GlossaryTerm, "term")):
        names.update(
            model.objects.filter(live=True, locale__language_code=source_language()).values_list(
                field, flat=True
            )
        )
    return sorted((name for name in names if name), key=len, reverse=True)


@register.filter
def mark_source_names(text, written_in):
    """``text`` (plain, escaped here) with its Swedish names in ``<span lang="sv">`` when
    ``written_in`` (a language code, or the snippet or page the text belongs to) is
    another language."""
    if not text:
        return ""
    escaped = escape(text)
    language = (
        written_in
        if isinstance(written_in, str)
        else language_code_for(getattr(written_in, "locale_id", None))
    )
    if not language or language.split("-")[0] == source_language():
        return escaped
    names = [escape(name) for name in source_names()]
    if not names:
        return escaped
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, names)) + r")(?!\w)")
    return mark_safe(pattern.sub(lambda match: _span(match.group(1)), escaped))
