"""The admin speaks one language, Swedish: what the browser walk checks screen by screen
(tests/browser/test_swedish_admin_browser.py), here one rule at a time."""

import pytest
from django.contrib.auth.models import Permission
from django.utils import translation
from wagtail.models import Locale, Task, Workflow

pytestmark = pytest.mark.django_db


def test_a_status_has_the_same_word_in_the_admin_as_on_the_swedish_site():
    from plans.vocabulary import STATUS

    # In Swedish, as the admin is for a Swedish editor, whatever an earlier test activated.
    with translation.override("sv"):
        site_words = {key: str(STATUS.public_label(key)) for key in STATUS.keys}
        admin_words = {key: str(label) for key, label in STATUS.choices}
    assert admin_words == site_words
    assert site_words["continuous"] == "Löpande"


def test_choice_list_fields_are_labelled_with_a_capital_letter_like_every_other_field():
    from plans.models import Measure, PlanPage

    with translation.override("sv"):
        assert PlanPage._meta.get_field("scope").formfield().label == "Omfattar"
        assert Measure._meta.get_field("prevention_levels").formfield().label == "Preventionsnivå"
        assert Measure._meta.get_field("target_groups").formfield().label == "Målgrupper"


@pytest.mark.parametrize(
    ("code", "swedish"),
    [
        ("ar", "Arabiska"),
        ("sv", "Svenska"),
        ("so", "Somaliska"),
        ("ti", "Tigrinja"),
        ("ckb", "Kurdiska (sorani)"),
    ],
)
def test_languages_are_named_in_swedish_in_the_admin(code, swedish):
    locale = Locale.objects.get_or_create(language_code=code)[0]
    with translation.override("sv"):
        assert str(locale.get_display_name()) == swedish
        assert "Publicera på " + str(locale.get_display_name()) == f"Publicera på {swedish}"


def test_wagtail_localize_publish_button_keeps_the_space_before_the_language():
    from django.test import RequestFactory
    from django.views.i18n import JavaScriptCatalog

    request = RequestFactory().get("/admin/localize/jsi18n/")
    with translation.override("sv"):
        view = JavaScriptCatalog.as_view(packages=["wagtail_localize"])
        body = view(request).content.decode()
    assert '"Publish in ": "Publicera p\\u00e5 "' in body
    assert '"Download PO file": "Ladda ner PO-fil"' in body  # not "Ladda ner PO fil"


@pytest.mark.parametrize(
    ("msgid", "swedish"),
    [
        ("Saved", "Sparad"),
        ("Autosave is paused", "Automatisk sparning är pausad"),
        ("Locale", "Språk"),
        (
            "Your account settings have been changed successfully!",
            "Dina kontoinställningar är sparade.",
        ),  # not "uppdaterats med bra resultat!"
        (
            "Sorry, you do not have permission to access this area.",
            "Du har inte behörighet till den här delen av administrationen.",
        ),
    ],
)
def test_admin_words_wagtail_leaves_in_english_are_swedish(msgid, swedish):
    with translation.override("sv"):
        assert translation.gettext(msgid) == swedish


def test_permissions_are_named_in_swedish():
    english = list(
        Permission.objects.filter(name__startswith="Can ").values_list("name", flat=True)
    )
    assert english == []
    assert Permission.objects.get(codename="add_helpline").name == "Kan lägga till stödlinje"
    assert Permission.objects.get(codename="publish_page").name == "Kan publicera alla sidor"


def test_wagtails_default_workflow_has_a_swedish_name():
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()
    assert Workflow.objects.filter(name="Godkännande av moderatorer").exists()


def test_a_yes_or_no_column_says_ja_or_nej_not_true_or_false():
    from wagtail.admin.ui.tables import BooleanColumn

    column = BooleanColumn("active")
    with translation.override("sv"):
        active = column.render_cell_html(
            type("Row", (), {"active": True})(), {"row": None, "table": None}
        )
        inactive = column.render_cell_html(
            type("Row", (), {"active": False})(), {"row": None, "table": None}
        )
    assert "True" not in active and "Ja" in active
    assert "False" not in inactive and "Nej" in inactive


def test_avatars_are_not_loaded_from_gravatar(django_user_model):
    from wagtail.admin.templatetags.wagtailadmin_tags import avatar_url

    user = django_user_model.objects.create_user("redaktor", "redaktor@example.org", "pw")
    assert "gravatar" not in avatar_url(user)


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_admin_catalogue_is_complete_and_keeps_every_placeholder(domain):
    import re
    from pathlib import Path

    import polib
    from django.conf import settings

    po = polib.pofile(str(Path(settings.LOCALE_PATHS[1]) / "sv" / "LC_MESSAGES" / f"{domain}.po"))
    assert po.untranslated_entries() == [] and po.fuzzy_entries() == []
    placeholder = re.compile(r"%\(\w+\)[sd]|%[sd]")
    for entry in po:
        texts = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for text in texts:
            assert set(placeholder.findall(text)) <= set(
                placeholder.findall(entry.msgid + entry.msgid_plural)
            ), entry.msgid
        if not entry.msgid_plural:
            assert sorted(placeholder.findall(entry.msgstr)) == sorted(
                placeholder.findall(entry.msgid)
            ), entry.msgid


# Issue 21, finding 7: words the Swedish admin still showed in English or ungrammatically.


def messages_shown_after(client, response):
    """The admin's message area on the page the editor lands on after ``response``."""
    html = client.get(response["Location"]).content.decode()
    start = html.index('class="messages"')
    return html[start : html.index("</ul>", start)]


def test_a_language_is_written_in_lower_case_inside_a_swedish_sentence(admin_client, support_page):
    from django.urls import reverse

    arabic = Locale.objects.get(language_code="ar")
    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[support_page.pk]),
        {"locales": [arabic.pk]},
    )
    assert response.status_code == 302
    shown = messages_shown_after(admin_client, response)
    assert "för översättning till arabiska" in shown  # not "till Arabiska"


def test_one_part_left_in_swedish_is_one_part_not_one_parts(
    admin_client, support_page, django_capture_on_commit_callbacks
):
    from django.urls import reverse
    from wagtail_localize.models import StringSegment, StringTranslation

    from tests.helpers.translation import submit_for_translation

    translation = submit_for_translation(admin_client, support_page, "ar")["ar"]
    title = StringSegment.objects.get(source=translation.source, context__path="title")
    StringTranslation.objects.create(
        translation_of=title.string,
        locale=translation.target_locale,
        context=title.context,
        data="الدعم",
    )
    confirm_url = reverse("translations_publish_incomplete", args=[translation.pk])
    segments = admin_client.get(confirm_url).context["form"].initial["segments"]
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(confirm_url, {"segments": segments, "confirm": "on"})
    assert response.status_code == 302
    # Only the easy-read sentence is left in Swedish (the slug does not count).
    assert "publicerades på arabiska med 1 del på svenska." in messages_shown_after(
        admin_client, response
    )


def test_a_page_in_review_says_since_when_in_swedish(admin_client, django_user_model, support_page):
    """Wagtail writes the review's time with Django's humanize ("8 minutes ago"), whose
    catalogue is not loaded, as humanize is not an installed app."""
    from datetime import timedelta

    from django.urls import reverse
    from django.utils import timezone
    from wagtail.models import TaskState

    support_page.save_revision(user=django_user_model.objects.get(username="admin"))
    support_page.get_workflow().start(support_page, django_user_model.objects.get(username="admin"))
    TaskState.objects.filter(workflow_state__object_id=str(support_page.pk)).update(
        started_at=timezone.now() - timedelta(minutes=8)
    )
    html = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=[support_page.pk])
    ).content.decode()
    assert "8\xa0minuter sedan" in html  # no break inside "8 minuter"
    assert "minutes ago" not in html


def test_the_headers_action_buttons_are_announced_in_swedish(admin_client, home_page):
    """Screen readers name the header's button group: "Handlingar", not "Actions"."""
    html = admin_client.get("/admin/sites/").content.decode()
    assert 'id="w-slim-header-buttons"' in html
    assert '<nav aria-label="Handlingar" id="w-slim-header-buttons"' in html


def test_the_edit_forms_review_action_has_the_same_name_as_everywhere_else(
    admin_client, support_page
):
    """Wagtail names the action after the workflow ("Submit to %(workflow_name)s"); with the
    workflow named "granskning" it reads "Skicka till granskning", as the listings' menus do."""
    from django.urls import reverse

    html = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=[support_page.pk])
    ).content.decode()
    assert "Skicka till granskning" in html
    assert "Lämna in till" not in html
