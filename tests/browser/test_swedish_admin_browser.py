"""The admin speaks Swedish on every screen an editor or translator uses, and loads
nothing from another host (no avatars from gravatar.com).

A walk through the screens of issue 9 in Chromium, as a superuser whose admin language is
Swedish: each screen's visible text (and the footer's "Fler åtgärder" menu, opened) must
hold none of the English words that used to show there.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from wagtail.models import Locale

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Words the admin showed in English before (issue 9), and their neighbours on those screens.
ENGLISH = [
    "Saved",
    "More actions",
    "Locale",
    "Moderators approval",
    "True",
    "False",
    "Arabic",
    "Swedish",
    "Persian",
    "Somali",
    "Tigrinya",
    "Sorani",
    "translation",
    "Autosave",
    "Can add",
    "Can change",
    "Can delete",
    "Can view",
    "Can publish",
    "Can submit",
    "Save draft",
    "Publish",
    "Unpublish",
    "Delete",
    "Edit",
    "Search",
    "Actions",
    "Workflow",
    "Workflows",
    "Dashboard",
    "Pages",
    "Snippets",
    "Users",
    "Groups",
    "Settings",
    "Reports",
    "Help",
]
ENGLISH_PATTERNS = [re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])") for word in ENGLISH] + [
    re.compile(r"\d+\s*-\s*\d+ of \d+"),  # "1-2 of 2 sidor"
    re.compile(r"Publicera på\S"),  # "Publicera påArabic"
]


def english_in(text):
    return sorted(
        {match.group(0) for pattern in ENGLISH_PATTERNS for match in pattern.finditer(text)}
    )


@pytest.fixture
def admin_content(demo_site):
    """A Swedish support page with its section in Arabic, and a workflow to list."""
    from information.models import SupportIndexPage, SupportPage

    index = SupportIndexPage(title="Stöd och hjälp", slug="stod-och-hjalp")
    demo_site.add_child(instance=index)
    index.save_revision().publish()
    copy = index.copy_for_translation(Locale.objects.get(language_code="ar"))
    copy.title = "الدعم والمساعدة"
    copy.save_revision().publish()
    page = SupportPage(
        title="Utsatt för våld", slug="utsatt-for-vald", easy_read="<p>Du är inte ensam.</p>"
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return {"index": index, "page": page}


@pytest.fixture
def swedish_admin(django_user_model):
    user = django_user_model.objects.create_superuser(
        "redaktor", "redaktor@example.org", "lösenord-123"
    )
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "sv"
    profile.save()
    return user


def test_the_admin_screens_are_in_swedish_and_load_nothing_from_other_hosts(
    page, live_server, admin_content, swedish_admin
):
    from django.contrib.auth.models import Group

    from information.models import Helpline

    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.set_viewport_size({"width": 1280, "height": 900})
    base = live_server.url
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "redaktor")
    page.fill("#id_password", "lösenord-123")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")

    found = {}

    def look(name, url=None):
        if url:
            response = page.goto(f"{base}{url}")
            assert response.ok, (name, url, response.status)  # a screen, not an error page
        page.wait_for_load_state("load")
        text = page.locator("body").inner_text()
        english = english_in(text)
        if english:
            found[name] = english

    look("översikt")
    look("sidlista", f"/admin/pages/{admin_content['index'].pk}/")
    look("sidsökning", "/admin/pages/search/?q=Utsatt")
    page.goto(f"{base}/admin/pages/{admin_content['page'].pk}/edit/")
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    look("sidredigering med Fler åtgärder öppen")

    helpline = Helpline.objects.get(name="Kvinnofridslinjen", locale__language_code="sv")
    look("stödlinjer, sökning", "/admin/snippets/information/helpline/?q=Kvinnofrid")
    look("stödlinje, redigering", f"/admin/snippets/information/helpline/edit/{helpline.pk}/")
    look("organisationer", "/admin/snippets/plans/organisation/")

    look("skicka till översättning", f"/admin/localize/submit/page/{admin_content['page'].pk}/")
    page.get_by_label(re.compile("arabiska|Arabic", re.IGNORECASE)).check()
    page.locator("form [type=submit]").last.click()
    page.wait_for_load_state("load")
    page.locator(".js-translation-editor section h3").first.wait_for()
    look("översättningsredigeraren")

    look("användare", "/admin/users/")
    look("användare, redigering", reverse("wagtailusers_users:edit", args=[swedish_admin.pk]))
    group = Group.objects.create(name="Redaktörer")
    look("grupp, redigering", f"/admin/groups/edit/{group.pk}/")
    look("arbetsflöden", "/admin/workflows/list/")
    look("konto", "/admin/account/")

    assert found == {}
    assert hosts == {urlsplit(base).netloc}


def log_in(page, base, username, password):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def test_the_review_screens_of_issue_21_offer_no_button_that_is_refused(
    page, live_server, admin_content, django_user_model
):
    """Issue 21 in Chromium: the reviewer who changed a number reads why there is no
    *Godkänn* (dashboard, edit form); a translator's page header "⋯" has no *Flytta*, *Kopiera* or *Ta bort*."""
    from django.contrib.auth.models import Group
    from wagtail.users.models import UserProfile

    from editorial.roles import REVIEWERS, translator_group_name
    from information.models import Helpline

    def person(username, group):
        user = django_user_model.objects.create_user(
            username, f"{username}@example.org", "lösenord-123"
        )
        user.groups.add(Group.objects.get(name=group))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "sv"
        profile.save()
        return user

    reviewer = person("granskare", REVIEWERS)
    helpline = Helpline.objects.get(name="Kvinnofridslinjen", locale__language_code="sv")
    helpline.phone_number = "020-52 10 11"
    helpline.save_revision(user=reviewer)
    helpline.get_workflow().start(helpline, reviewer)
    base = live_server.url
    page.set_viewport_size({"width": 1280, "height": 900})

    log_in(page, base, "granskare", "lösenord-123")
    panel = page.locator("#awaiting-review-content, [id^='awaiting-review']").first
    assert (
        "Du ändrade telefonnummer – en annan granskare godkänner"
        in page.locator("body").inner_text()
    )
    page.locator("td.actions-container [data-w-dropdown-target='toggle']").first.click()
    assert panel.get_by_text("Godkänn", exact=True).count() == 0
    page.goto(f"{base}/admin/snippets/information/helpline/edit/{helpline.pk}/")
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    footer = page.locator("footer").inner_text()
    assert "Godkänn" not in footer
    assert "Du ändrade telefonnummer – en annan granskare godkänner" in footer

    person("oversattare", translator_group_name("ar"))
    page.context.clear_cookies()
    log_in(page, base, "oversattare", "lösenord-123")
    arabic_index = admin_content["index"].get_translation(Locale.objects.get(language_code="ar"))
    page.goto(f"{base}/admin/pages/{arabic_index.pk}/")
    page.locator("#w-slim-header-buttons [data-w-dropdown-target='toggle']").last.click()
    menu = page.locator("#w-slim-header-buttons").inner_text()
    for refused in ("Flytta", "Kopiera", "Ta bort"):
        assert refused not in menu, menu


def test_the_translation_editor_hides_a_po_upload_that_would_be_refused(
    page, live_server, admin_content, django_user_model, client
):
    """Issue 21: a Persian translator in the editor of a translation made from Arabic is
    not offered *Ladda upp PO-fil* (the upload would refuse it); from Swedish they are."""
    from django.contrib.auth.models import Group
    from wagtail.models import Locale as WagtailLocale

    from editorial.roles import translator_group_name
    from tests.helpers.translation import submit_for_translation

    admin = django_user_model.objects.create_superuser("chef", "chef@example.org", "x")
    client.force_login(admin)
    arabic = admin_content["page"].copy_for_translation(
        WagtailLocale.objects.get(language_code="ar")
    )
    arabic.title = "التعرض للعنف"
    arabic.save_revision().publish()
    persian_index = admin_content["index"].copy_for_translation(
        WagtailLocale.objects.get(language_code="fa")
    )
    persian_index.save_revision().publish()
    persian = submit_for_translation(client, arabic, "fa")["fa"].get_target_instance()
    user = django_user_model.objects.create_user("farsi", "farsi@example.org", "lösenord-123")
    user.groups.add(Group.objects.get(name=translator_group_name("fa")))
    base = live_server.url
    log_in(page, base, "farsi", "lösenord-123")
    page.goto(f"{base}/admin/pages/{persian.pk}/edit/")
    page.locator(".js-translation-editor section h3").first.wait_for()
    form = page.locator(".js-translation-editor form[action*='pofile/upload']")
    assert form.count() >= 1
    hidden = form.evaluate_all(
        "forms => forms.map(form => (form.closest('.w-tabs__panel') || form.parentElement).hidden)"
    )
    assert hidden and all(hidden), hidden
    assert (
        page.get_by_role("button", name=re.compile("Ladda upp PO|Upload PO"))
        .filter(visible=True)
        .count()
        == 0
    )
