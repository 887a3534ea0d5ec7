"""A small site for the fallback authority's tests: Swedish, English and Polish home
pages, a support section (translated into English, mirrored in Polish), and pages in
any state a language can be in (``build``)."""

from django.conf import settings
from wagtail.actions import ConvertAliasPageAction
from wagtail.models import Locale, Page, Site

LANGUAGES = ["sv", "en", "pl"]
#: What one language can hold of a Swedish page.
STATES = ["alias", "translated", "renamed", "draft", "missing"]
SOURCE_STATES = ["live", "unpublished", "deleted"]


def small_site():
    from information.models import SupportIndexPage
    from website.models import HomePage

    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    assert settings.LANGUAGE_CODE == "sv"
    home = HomePage(title="Hem", slug="hem", locale=locales["sv"])
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Test"},
    )
    for code in ("en", "pl"):
        copy = home.copy_for_translation(locales[code])
        copy.save_revision().publish()
    index = SupportIndexPage(title="Stöd och hjälp", slug="stod", locale=locales["sv"])
    home.add_child(instance=index)
    index.save_revision().publish()  # the section's aliases come with it (information.fallback)
    english = index.get_translation(locales["en"])
    ConvertAliasPageAction(english).execute(skip_permission_checks=True)
    english = SupportIndexPage.objects.get(pk=english.pk)
    english.title = "Support and help"
    english.save_revision().publish()
    return index


def build(index, tree):
    """Give the section ``index`` one Swedish page per entry of ``tree``: (Swedish state,
    {language: state}); returns the Swedish pages' slugs and translation keys."""
    from information.models import SupportPage

    made = []
    for number, (source_state, states) in enumerate(tree):
        slug = f"sida-{number}"
        page = SupportPage(
            title=f"Svensk sida {number}", slug=slug, easy_read="<p>Text.</p>", locale=index.locale
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        for code, state in states.items():
            alias = page.get_translation(Locale.objects.get(language_code=code))
            if state == "missing":
                alias.delete()
            elif state != "alias":
                ConvertAliasPageAction(alias).execute(skip_permission_checks=True)
                translated = SupportPage.objects.get(pk=alias.pk)
                if state in ("translated", "renamed"):
                    translated.title = f"{code.upper()} sida {number}"
                    if state == "renamed":
                        translated.slug = f"{slug}-{code}"
                    translated.save_revision().publish()
        if source_state == "unpublished":
            SupportPage.objects.get(pk=page.pk).unpublish()
        elif source_state == "deleted":
            SupportPage.objects.get(pk=page.pk).delete()
        made.append((slug, page.translation_key))
    return made
