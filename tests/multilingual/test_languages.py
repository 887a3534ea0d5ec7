"""Languages' names and directions come from Django (settings and language info), once."""

from information.models import Helpline
from multilingual.languages import direction, language_entries, local_name


def test_a_language_django_knows_is_named_in_its_own_script_without_any_entry_of_ours():
    """A municipality that adds German gets "Deutsch" in a helpline's language list, not "de"."""
    helpline = Helpline(
        name="Hilfetelefon", phone_number="020-50 50 50", languages_offered="sv, de, ti"
    )
    assert helpline.offered_languages == [
        {"code": "sv", "name": "Svenska", "dir": "ltr"},
        {"code": "de", "name": "Deutsch", "dir": "ltr"},
        {"code": "ti", "name": "ትግርኛ", "dir": "ltr"},
    ]


def test_the_direction_follows_the_languages_bidi_setting(settings):
    assert [entry["dir"] for entry in language_entries(["ar", "fa", "ckb", "he", "sv"])] == [
        "rtl"
    ] * 4 + ["ltr"]
    settings.LANGUAGES_BIDI = [*settings.LANGUAGES_BIDI, "so"]
    assert direction("so") == "rtl"
    assert language_entries(["so"])[0]["dir"] == "rtl"


def test_a_regional_variant_takes_its_languages_direction():
    assert (
        direction("ar-dz") == "rtl" and direction("fa-af") == "rtl" and direction("en-gb") == "ltr"
    )


def test_an_unknown_code_is_shown_as_it_is_left_to_right():
    assert local_name("xx") == "xx" and direction("xx") == "ltr"
