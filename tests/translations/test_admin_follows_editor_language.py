"""The admin speaks the editor's language: its labels are English source strings with
their Swedish in ``locale/sv`` (docs/translating.md, "Interface strings").

The labels used to be Swedish literals, so an editor whose admin language is English read
"Telefonnummer" and "När och hur" among Wagtail's English words.
"""

import pytest
from django.utils import translation
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_in(client, django_user_model):
    """A client logged in as an editor whose admin language is ``code``."""

    def login(code):
        user = django_user_model.objects.create_superuser(
            f"redaktor-{code}", f"{code}@example.org", "pw"
        )
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = code
        profile.save()
        client.force_login(user)
        return client

    return login


def helpline_form(client):
    from information.models import Helpline

    helpline = Helpline.objects.get(locale__language_code="sv", name="Kvinnofridslinjen")
    return client.get(f"/admin/snippets/information/helpline/edit/{helpline.pk}/").content.decode()


def home_page_form(client):
    from website.models import HomePage

    home = HomePage.objects.get(locale__language_code="sv")
    return client.get(f"/admin/pages/{home.pk}/edit/").content.decode()


def test_a_helpline_form_is_in_english_for_an_editor_whose_admin_is_english(demo_site, editor_in):
    html = helpline_form(editor_in("en"))
    # "Support and information": the menu group (in the sidebar's data).
    for english in [
        "Phone number",
        "When and how",
        "As you dial it, e.g. 020-50 50 50.",
        "Last verified",
        "Support and information",
    ]:
        assert english in html
    for swedish in ["Telefonnummer", "När och hur", "Så som man slår det", "Senast kontrollerad"]:
        assert swedish not in html


def test_a_helpline_form_is_in_swedish_as_before_for_a_swedish_editor(demo_site, editor_in):
    html = helpline_form(editor_in("sv"))
    for swedish in [
        "Telefonnummer",
        "När och hur",
        "Så som man slår det, t.ex. 020-50 50 50.",
        "Senast kontrollerad",
    ]:
        assert swedish in html
    for english in ["Phone number", "When and how", "As you dial it", "Support and information"]:
        assert english not in html


def test_a_page_form_follows_the_editors_admin_language(demo_site, editor_in):
    english = home_page_form(editor_in("en"))
    assert "Text by the help numbers" in english and "Text vid hjälpnumren" not in english
    swedish = home_page_form(editor_in("sv"))
    assert "Text vid hjälpnumren" in swedish and "Text by the help numbers" not in swedish


def test_a_refused_phone_number_is_explained_in_the_editors_language():
    from information.phone import phone_number_problem

    with translation.override("en"):
        assert phone_number_problem("020-50 50 5O").startswith(
            "The phone number contains characters that are not digits: ”O”."
        )
    with translation.override("sv"):
        assert phone_number_problem("020-50 50 5O").startswith(
            "Telefonnumret innehåller tecken som inte är siffror: ”O”."
        )


def test_the_translation_editor_is_put_into_swedish_only_for_a_swedish_editor(
    support_page, editor_in
):
    """The script that turns wagtail-localize's two English texts into Swedish
    ("Svenska to Arabiska translation") would turn an English editor's heading into
    "Översättning från swedish till arabic"."""
    from tests.helpers.translation import submit_for_translation

    client = editor_in("sv")
    translation = submit_for_translation(client, support_page, "ar")["ar"]
    editor_url = f"/admin/pages/{translation.get_target_instance().pk}/edit/"
    assert "translations/admin/translation-editor" in client.get(editor_url).content.decode()
    english = editor_in("en")
    assert "translations/admin/translation-editor" not in english.get(editor_url).content.decode()
