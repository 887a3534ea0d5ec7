"""The languages: Django's settings are the truth, Django's language info the names.

What the extension reads: ``LANGUAGES`` (which languages, in the order the language
switcher lists them), ``LANGUAGE_CODE`` (the source language every page is written in
first) and ``LANGUAGES_BIDI`` (which are written right to left). Each language's name in
its own script comes from ``django.utils.translation.get_language_info``; Django lacks
some of our languages (Somali, Tigrinya) and writes others in lower case, so
``add_language_info`` (run when the app is ready) fills in the names below. Nothing here
hard-codes a direction or a name a second time: use ``direction`` and ``local_name``.

``SITE_LANGUAGES`` is the reference site's list (``website.settings`` sets ``LANGUAGES``
from it); a municipality may copy it. Adding a language: ``docs/languages.md``.
"""

from django.conf import settings

# (code, name in English, name in the language itself)
SITE_LANGUAGES = [
    ("sv", "Swedish", "Svenska"),
    ("en", "English", "English"),
    ("ar", "Arabic", "العربية"),
    ("fa", "Persian", "فارسی"),
    ("so", "Somali", "Soomaali"),
    ("ti", "Tigrinya", "ትግርኛ"),
    ("fi", "Finnish", "Suomi"),
    ("ckb", "Kurdish (Sorani)", "کوردی"),
    ("pl", "Polish", "Polski"),
    ("uk", "Ukrainian", "Українська"),
    ("ru", "Russian", "Русский"),
    ("tr", "Turkish", "Türkçe"),
    ("bs", "Bosnian", "Bosanski"),
    ("es", "Spanish", "Español"),
]

#: The reference site's source language (its ``LANGUAGE_CODE``); code reads ``source_language()``.
SOURCE_LANGUAGE = "sv"

LANGUAGES = [(code, name) for code, name, _local in SITE_LANGUAGES]

#: Languages Django has no language info for: their direction too.
MISSING_FROM_DJANGO = {"so": False, "ti": False}


def site_languages():
    """The language codes of the site, in the order of ``settings.LANGUAGES``."""
    return [code for code, _name in settings.LANGUAGES]


def source_language():
    """The language every page and snippet is written in first: ``settings.LANGUAGE_CODE``."""
    return settings.LANGUAGE_CODE


def direction(code):
    """``rtl`` or ``ltr``: Django's ``LANGUAGES_BIDI`` for a language code (``ar-dz`` as ``ar``)."""
    code = code or ""
    bidi = settings.LANGUAGES_BIDI
    return "rtl" if code in bidi or code.split("-")[0] in bidi else "ltr"


def local_name(code):
    """A language's name in its own script (Django's language info), or its code."""
    from django.utils.translation import get_language_info

    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code


def language_entries(codes):
    """Language codes as ``{code, name, dir}``, each name in its own language."""
    return [{"code": code, "name": local_name(code), "dir": direction(code)} for code in codes]


def content_languages():
    """The languages as Wagtail names them in the admin (``Locale.get_display_name``):
    "Publicera på arabiska", not "Publicera på Arabic".

    The English names are translated lazily into the editor's admin language: Django's own
    catalogue has most of them, ``multilingual/admin_locale/`` the rest (Somali, Tigrinya, Sorani).
    ``LANGUAGES`` keeps plain strings: the settings and the public site read them as codes.
    """
    from django.utils.translation import gettext_lazy

    return [(code, gettext_lazy(name)) for code, name in LANGUAGES]


def add_language_info():
    """Give Django's language info every language of ``SITE_LANGUAGES``, named as here.

    A language Django lacks (Somali, Tigrinya) is added whole; for one Django has, only
    the name in its own script is set ("Svenska" in the switcher, not "svenska"), its
    direction stays Django's. ``get_language_info`` and ``{% get_language_info %}`` then
    work for every language.
    """
    import django.conf.locale

    for code, name, local in SITE_LANGUAGES:
        info = django.conf.locale.LANG_INFO.setdefault(
            code, {"bidi": MISSING_FROM_DJANGO.get(code, False), "code": code, "name": name}
        )
        info["name_local"] = local


def _bidi(code):
    import django.conf.locale

    info = django.conf.locale.LANG_INFO.get(code)
    return info["bidi"] if info else MISSING_FROM_DJANGO.get(code, False)


#: The right-to-left languages of ``SITE_LANGUAGES`` by Django's language info, for the
#: reference site's ``LANGUAGES_BIDI``; code asks ``direction``.
RTL_LANGUAGES = {code for code, _name, _local in SITE_LANGUAGES if _bidi(code)}
