"""Issue 21, finding 7, what was left: words a Swedish admin still showed in English.

Each test opens the real admin view as a Swedish-speaking editor would and reads what the
page says; they failed before ``multilingual.admin_words`` and the catalogue entries."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def visible_text(html):
    """The words a sighted editor reads: no scripts, tags, attributes or hidden elements."""
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(html, "html.parser")
    for element in soup(["script", "style", "template"]) + soup.find_all(hidden=True):
        element.decompose()
    texts = soup.find_all(string=lambda text: not isinstance(text, Comment))
    return re.sub(r"\s+", " ", " ".join(texts))


def test_the_page_trees_root_is_named_in_swedish(admin_client, demo_site):
    html = admin_client.get(reverse("wagtailadmin_explore_root")).content.decode()
    assert "Root" not in visible_text(html)
    assert "Rotnivå" in visible_text(html)
    chooser = admin_client.get(reverse("wagtailadmin_choose_page")).json()["html"]
    assert "Root" not in visible_text(chooser)


def test_the_sites_listing_heads_its_columns_in_swedish(admin_client, demo_site):
    text = visible_text(admin_client.get(reverse("wagtailsites:index")).content.decode())
    assert "Site name" not in text and "Root page" not in text
    assert "Webbplatsnamn" in text and "Startsida" in text
    assert "ajt" not in text  # one word for a site, as in "Standardwebbplats": not "Sajt"


def test_the_workflow_form_names_its_content_types_in_swedish(admin_client, demo_site):
    html = admin_client.get(reverse("wagtailadmin_workflows:add")).content.decode()
    assert "Content types" not in html  # the screen reader's label of the snippet types
    assert "Innehållstyper" in html


def test_the_locale_form_asks_in_swedish_where_to_synchronise_from(admin_client, demo_site):
    text = visible_text(admin_client.get(reverse("wagtaillocales:add")).content.decode())
    assert "Sync from" not in text and "Enabled" not in text
    assert "Synkronisera från" in text and "Aktiverad" in text


def test_the_locale_listing_counts_pages_in_swedish(admin_client, demo_site):
    text = visible_text(admin_client.get(reverse("wagtaillocales:index")).content.decode())
    assert " pages" not in text and "others" not in text
    assert re.search(r"\b2 sidor\b", text)


def test_a_page_published_by_nobody_in_particular_shows_no_none(admin_client, demo_site):
    """Äldre sidor: pages published without a user (load_demo, a migration) showed "None"."""
    html = admin_client.get(reverse("wagtailadmin_reports:aging_pages")).content.decode()
    assert "Startsida" in html  # the report lists the home pages
    assert "None" not in visible_text(html)


def test_the_permission_denied_message_is_swedish_with_an_english_browser(
    client, django_user_model, demo_site
):
    from django.contrib.auth.models import Permission
    from wagtail.users.models import UserProfile

    user = django_user_model.objects.create_user("redaktor", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "sv"  # "Svenska" chosen in the account settings
    profile.save()
    client.force_login(user)
    response = client.get(reverse("wagtailsites:index"), HTTP_ACCEPT_LANGUAGE="en", follow=True)
    text = visible_text(response.content.decode())
    assert "Sorry, you do not have permission" not in text
    assert "Du har inte behörighet till den här delen av administrationen." in text


def test_the_translation_editor_writes_the_date_the_swedish_way(admin_client, support_page):
    """In Swedish, and on the day of the site's time zone (Europe/Stockholm): published at
    23:30 UTC on 6 December is 7 December on the editor's calendar."""
    from datetime import UTC, datetime

    from wagtail.models import Page

    from tests.helpers.translation import submit_for_translation

    translation_ = submit_for_translation(admin_client, support_page, "ar")["ar"]
    target = translation_.get_target_instance()
    Page.objects.filter(pk=target.pk).update(
        last_published_at=datetime(2026, 12, 6, 23, 30, tzinfo=UTC)
    )
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[target.pk])).content.decode()
    published = re.search(r"lastPublishedDate&quot;: &quot;([^&]*)&quot;", html).group(1)
    assert published == "7 december 2026"


# Swedish writes language names in lower case inside a sentence ("till arabiska"); where
# wagtail-localize puts the name in a sentence, the Swedish catalogue gives it as a label.


def test_the_translation_editors_title_does_not_capitalise_the_language_mid_sentence(
    admin_client, support_page
):
    from tests.helpers.translation import submit_for_translation

    target = submit_for_translation(admin_client, support_page, "ar")["ar"].get_target_instance()
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[target.pk])).content.decode()
    title = re.search(r"(?s)<title>(.*?)</title>", html).group(1)
    assert "Arabiska" in title
    assert not re.search(r"\b(till|på|från) Arabiska", title)


@pytest.mark.parametrize(
    "msgid",
    [
        "Published '{object}' in {locale}.",
        "Published '{object}' in {locale} with missing translations - see below.",
        "New validation errors were found when publishing '{object}' in {locale}. Please fix them or click publish again to ignore these translations for now.",
    ],
)
def test_wagtail_localizes_messages_do_not_capitalise_the_language_mid_sentence(msgid):
    """The project's own views say "publicerades på arabiska"; wagtail-localize's editor
    messages get ``Locale.get_display_name()``, a label ("Arabiska")."""
    with translation.override("sv"):
        message = translation.gettext(msgid).format(
            object="Utsatt för våld",
            page_title="Utsatt för våld",
            model_name="stödlinje",
            locale="Arabiska",
            locales="Arabiska",
        )
    assert message != msgid.format(
        object="Utsatt för våld",
        page_title="Utsatt för våld",
        model_name="stödlinje",
        locale="Arabiska",
        locales="Arabiska",
    )
    assert "Arabiska" in message
    assert not re.search(r"\b(till|på|från|i) Arabiska", message)


def label(html, field_id):
    """The text of the label for ``field_id``."""
    match = re.search(rf'(?s)<label[^>]*for="{field_id}"[^>]*>(.*?)</label>', html)
    return visible_text(match.group(1)).replace("*", "").strip()


def test_the_choosers_language_filter_is_labelled_in_swedish(admin_client, demo_site):
    html = admin_client.get("/admin/snippets/choose/information/helpline/").json()["html"]
    assert label(html, "id_locale") == "Språk"  # not "Locale"


def test_the_group_form_names_the_page_chooser_and_the_root_collection_in_swedish(
    admin_client, demo_site
):
    html = admin_client.get(reverse("wagtailusers_groups:add")).content.decode()
    assert label(html, "id_page_permissions-__prefix__-page") == "Sida"  # not "Page"
    assert re.search(r"<option value=\"\d+\"[^>]*>Rotsamling</option>", html)
    assert ">Root<" not in html


def test_the_workflow_form_names_its_page_chooser_in_swedish(admin_client, demo_site):
    html = admin_client.get(reverse("wagtailadmin_workflows:add")).content.decode()
    assert label(html, "id_pages-0-page") == "Sida"  # not "Page"


def test_the_page_search_counts_its_results_in_pages(admin_client, demo_site):
    text = visible_text(admin_client.get(reverse("wagtailadmin_pages:search")).content.decode())
    assert "None" not in text
    assert re.search(r"1–\d+ av \d+ sidor", text)


# The walk: the screens a communicator opens, read as the page shows them.
LEFT_IN_ENGLISH = re.compile(
    r"(?<![\w-])(Root|Root page|Site name|Content types|Sync from|Enabled|None|Locale|Page|pages|others|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"[Ss]ajt\w*|snippets)(?![\w-])"
)


def test_the_screens_a_communicator_opens_have_no_english_words_left(admin_client, support_page):
    from information.models import Helpline
    from tests.helpers.translation import submit_for_translation

    target = submit_for_translation(admin_client, support_page, "ar")["ar"].get_target_instance()
    helpline = Helpline.objects.filter(locale__language_code="sv").first()
    screens = [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{support_page.get_parent().pk}/",
        f"/admin/pages/{support_page.pk}/edit/",
        f"/admin/pages/{support_page.pk}/history/",
        f"/admin/pages/{target.pk}/edit/",
        "/admin/pages/search/",
        "/admin/pages/search/?q=Utsatt",
        "/admin/snippets/information/helpline/",
        f"/admin/snippets/information/helpline/edit/{helpline.pk}/",
        "/admin/snippets/choose/information/helpline/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/groups/new/",
        "/admin/workflows/list/",
        "/admin/workflows/add/",
        "/admin/workflows/tasks/index/",
        "/admin/reports/locked/",
        "/admin/reports/workflow/",
        "/admin/reports/aging-pages/",
        "/admin/sites/",
        "/admin/locales/",
        "/admin/locales/new/",
        "/admin/collections/",
        "/admin/choose-page/",
    ]
    found = {}
    for url in screens:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        if html.startswith("{"):  # a chooser's modal
            html = response.json()["html"]
        words = sorted(set(LEFT_IN_ENGLISH.findall(visible_text(html))))
        if words:
            found[url] = words
    assert found == {}
