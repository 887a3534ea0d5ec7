"""The languages the site speaks, in one place.

Swedish is the source language of all content. Every other language here gets a URL
prefix (``/ar/``), a locale in Wagtail and a message catalogue in ``locale/``. Adding a
language is one entry here plus one ``.po`` file: see ``docs/languages.md``.
"""

# (code, name in English, name in the language itself, right-to-left)
SITE_LANGUAGES = [
    ("sv", "Swedish", "Svenska", False),
    ("en", "English", "English", False),
    ("ar", "Arabic", "العربية", True),
    ("fa", "Persian", "فارسی", True),
    ("so", "Somali", "Soomaali", False),
    ("ti", "Tigrinya", "ትግርኛ", False),
    ("fi", "Finnish", "Suomi", False),
    ("ckb", "Kurdish (Sorani)", "کوردی", True),
    ("pl", "Polish", "Polski", False),
    ("uk", "Ukrainian", "Українська", False),
    ("ru", "Russian", "Русский", False),
    ("tr", "Turkish", "Türkçe", False),
    ("bs", "Bosnian", "Bosanski", False),
    ("es", "Spanish", "Español", False),
]

SOURCE_LANGUAGE = "sv"

LANGUAGES = [(code, name) for code, name, _local, _rtl in SITE_LANGUAGES]


def content_languages():
    """The languages as Wagtail names them in the admin (``Locale.get_display_name``):
    "Publicera på arabiska", not "Publicera på Arabic".

    The English names are translated lazily into the editor's admin language: Django's own
    catalogue has most of them, ``admin_locale/`` the rest (Somali, Tigrinya, Sorani).
    ``LANGUAGES`` keeps plain strings: the settings and the public site read them as codes.
    """
    from django.utils.translation import gettext_lazy

    return [(code, gettext_lazy(name)) for code, name in LANGUAGES]

RTL_LANGUAGES = {code for code, _name, _local, rtl in SITE_LANGUAGES if rtl}


def extra_lang_info():
    """Django's LANG_INFO lacks some of our languages (Somali, Tigrinya): add them.

    Django 5.2 knows Kurdish Sorani (``ckb``) and the other European languages; an
    entry Django already has is left as it is.

    ``get_language_info`` and ``{% get_language_info %}`` then work for every language,
    and ``get_language_bidi`` knows the direction.
    """
    import django.conf.locale

    for code, name, local, rtl in SITE_LANGUAGES:
        django.conf.locale.LANG_INFO.setdefault(
            code, {"bidi": rtl, "code": code, "name": name, "name_local": local}
        )
