"""What the tests read of the demo content (``website.demo``): addresses and snippets."""

#: The demo's support page "Utsatt för våld" in a language: ``SUPPORT_PAGE.format("ar")``.
SUPPORT_PAGE = "/{}/stod/utsatt-for-vald/"


def kvinnofridslinjen(code="sv"):
    """The demo's Kvinnofridslinjen helpline, in Swedish or its translation into ``code``."""
    from information.models import Helpline

    swedish = Helpline.objects.get(name="Kvinnofridslinjen", locale__language_code="sv")
    return (
        swedish
        if code == "sv"
        else Helpline.objects.get(
            translation_key=swedish.translation_key, locale__language_code=code
        )
    )
