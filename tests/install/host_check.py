"""The extension at work in a host site that only installed the wheel.

Run by tests/install/run inside a `wagtail start` project (the current folder) that had
English pages of its own (host_pages.py) before it installed the extension, with that
project's settings, after `migrate`, `collectstatic` and `vinr_setup`. Everything here
goes through the extension's public parts as a municipality's developer would use them:
page types under the host's own (Swedish) home page, the `import_plan` command, a brochure
snippet, the admin as an editor uses it, and pages and PDFs fetched through Django's test
client. The host's own base template must frame the public pages: its stylesheet link
(`css/<project>.css`, made by `wagtail start`) is looked for in each.

docs/install.md's *What you get* is a list of named items; each check says which item it
checks (``@gives``), and the last check fails when an item has no check or a check names
an item the guide no longer lists.

Prints one line per check and a closing "N passed, M failed" with the names of those that
failed; every check runs (a later one may fail only because an earlier one did).
"""

import contextlib
import gettext
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

import django

HERE = Path(__file__).resolve().parent
GUIDE = HERE.parent.parent / "docs" / "install.md"
#: The Python with Playwright that drives Chromium: this repository's, not the host's.
BROWSER_PYTHON = os.environ.get("BROWSER_PYTHON") or str(
    HERE.parent.parent / ".venv" / "bin" / "python"
)
PROJECT = os.environ["HOST_PROJECT"]  # the name given to `wagtail start`
sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", f"{PROJECT}.settings.dev")
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command, get_commands  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402
from wagtail.test.utils.form_data import inline_formset, nested_form_data  # noqa: E402

HOST_MARKUP = f"css/{PROJECT}.css"
client = Client()
made = {}
pages = []  # the HTML of every public page fetched, for the static-file check
checked = {}  # item of "What you get" -> the checks that check it


def gives(item):
    """Mark a check as checking ``item`` of docs/install.md's *What you get*."""

    def mark(check):
        checked.setdefault(item, []).append(check.__name__)
        return check

    return mark


def editor():
    """A client logged in as a superuser, as the host's own editors use the admin."""
    if "editor" not in made:
        user = get_user_model().objects.create_superuser(
            "host-editor", "editor@example.com", "not-used"
        )
        made["editor"] = Client()
        made["editor"].force_login(user)
        made["user"] = user
    return made["editor"]


def page_form(title, slug):
    """What the admin's page form posts for a page with a title and slug only (the
    host's HomePage), with the publish button pressed."""
    data = nested_form_data({"title": title, "slug": slug, "comments": inline_formset([])})
    data["action-publish"] = "action-publish"
    return data


def get(url, content_type="text/html"):
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    assert response["Content-Type"].startswith(content_type), f"{url}: {response['Content-Type']}"
    return response


def html(url):
    body = get(url).content.decode()
    assert HOST_MARKUP in body, (
        f"{url} is not framed by the host's base template (no {HOST_MARKUP})"
    )
    pages.append(body)
    return body


def pdf(url):
    response = get(url, "application/pdf")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body.startswith(b"%PDF-"), f"{url} is not a PDF"
    return body


def host_root():
    """The site's root page as the host made it (English, `wagtail start`)."""
    return Site.objects.get(is_default_site=True).root_page.specific


def host_home():
    """The host's home page in the source language, where the extension's pages go."""
    source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    return host_root().get_translation(source).specific


def test_the_extension_is_imported_from_the_installed_wheel_not_from_a_source_tree():
    import editorial
    import information
    import multilingual
    import plans
    import translations

    for module in (plans, information, multilingual, translations, editorial):
        assert "site-packages" in module.__file__, module.__file__


@gives("Your own pages")
def test_the_hosts_own_pages_are_still_served_under_their_language():
    root = host_root()
    assert type(root).__module__ == "home.models", type(root)
    assert root.locale.language_code == "en", root.locale
    about = root.get_children().get(slug="about")
    assert about.url == "/en/about/", about.url
    assert "About the municipality" in html(about.url)


@gives("Your own pages")
def test_an_editor_publishes_the_hosts_own_pages_in_the_admin():
    root = host_root()
    about = root.get_children().get(slug="about")
    response = editor().post(
        reverse("wagtailadmin_pages:edit", args=[about.id]), page_form("About us", "about")
    )
    assert response.status_code == 302, f"publishing '{about.title}': {response.status_code}"
    assert Page.objects.get(id=about.id).title == "About us"
    add = reverse("wagtailadmin_pages:add", args=["home", "homepage", root.id])
    response = editor().post(add, page_form("Contact", "contact"))
    assert response.status_code == 302, f"publishing a new host page: {response.status_code}"
    assert "Contact" in html(root.get_children().live().get(slug="contact").url)
    # And one of the host's page types in the source language, beside the extension's.
    swedish = host_home()
    add = reverse("wagtailadmin_pages:add", args=["home", "homepage", swedish.id])
    response = editor().post(add, page_form("Kontakt", "kontakt"))
    assert response.status_code == 302, (
        f"publishing a new host page in Swedish: {response.status_code}"
    )
    assert "Kontakt" in html(swedish.get_children().live().get(slug="kontakt").url)


@gives("Page types")
def test_vinr_setup_gave_the_site_a_swedish_home_and_a_page_with_plans():
    from plans.models import PlanIndexPage

    home = host_home()
    assert home.alias_of_id == host_root().id, "the Swedish home page is an alias of the host's own"
    index = PlanIndexPage.objects.get(locale=home.locale)
    assert index.get_parent().id == home.id and index.live
    made["plan_index"] = index


@gives("Page types")
def test_every_page_type_of_the_extension_can_be_made_in_the_hosts_tree():
    from information.models import BrochureIndexPage, GlossaryPage, SupportIndexPage, SupportPage
    from plans.models import FocusAreaPage, PlanIndexPage, PlanPage

    home = host_home()
    assert PlanIndexPage.can_create_at(home) and SupportIndexPage.can_create_at(home)
    for model, parent in [
        (PlanPage, PlanIndexPage),
        (FocusAreaPage, PlanPage),
        (SupportPage, SupportIndexPage),
        (BrochureIndexPage, SupportIndexPage),
        (GlossaryPage, SupportIndexPage),
    ]:
        assert model in parent.allowed_subpage_models(), f"{model.__name__} under {parent.__name__}"


@gives("Support pages")
def test_a_support_section_is_created_under_the_hosts_home_page():
    from information.models import BrochureIndexPage, SupportIndexPage, SupportPage

    section = SupportIndexPage(title="Stöd och hjälp", slug="stod")
    host_home().add_child(instance=section)
    section.save_revision().publish()
    page = SupportPage(title="Om du är utsatt för våld", slug="utsatt")
    section.add_child(instance=page)
    page.save_revision().publish()
    brochures = BrochureIndexPage(title="Broschyrer", slug="broschyrer")
    section.add_child(instance=brochures)
    brochures.save_revision().publish()
    made.update(section=section, support_page=page, brochures=brochures)


def user_in(group_name, username):
    """A staff user of the role ``group_name`` (made by vinr_setup), and a client for them."""
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(username, f"{username}@example.com", "not-used")
    user.groups.add(Group.objects.get(name=group_name))
    person = Client()
    person.force_login(user)
    return user, person


@gives("Support pages")
def test_support_pages_have_the_quick_exit_and_their_language_in_the_hosts_unchanged_base():
    from wagtail.models import Locale as WagtailLocale

    base = Path(PROJECT) / "templates" / "base.html"
    assert '<html lang="en">' in base.read_text(encoding="utf-8"), (
        f"{base} is not wagtail start's any more"
    )
    swedish = html(made["support_page"].url)
    assert '<html lang="sv" dir="ltr">' in swedish, swedish[:300]
    assert "data-quick-exit" in swedish and "information/information.css" in swedish
    WagtailLocale.objects.get_or_create(language_code="ar")
    call_command("sync_support_tree", verbosity=0)
    arabic = made["support_page"].get_translation(WagtailLocale.objects.get(language_code="ar"))
    assert arabic.url.startswith("/ar/"), arabic.url
    body = html(arabic.url)
    assert '<html lang="ar" dir="rtl">' in body, body[:300]
    assert body.count("data-quick-exit") == 1 and "information/quick-exit.js" in body
    # The host's own page stays as its base template says.
    assert '<html lang="en">' in html(host_root().url)


def head_alternates(body):
    """The page's ``<link rel="alternate" hreflang>``: {language: address}."""
    head = body.split("</head>", 1)[0]
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head))


def switcher_languages(body):
    """The language switcher's entries: {language: address, the current one None}."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', body, re.S)
    assert nav, "no language switcher"
    found = {
        code: url for url, code in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', nav.group(0))
    }
    found.update(
        {
            code: None
            for code in re.findall(r'<span aria-current="true" lang="([^"]+)"', nav.group(0))
        }
    )
    return found


@gives("Language switcher and hreflang")
def test_support_pages_have_the_language_switcher_and_hreflang_in_the_hosts_unchanged_base():
    from wagtail.actions import ConvertAliasPageAction
    from wagtail.models import Locale as WagtailLocale

    from information.models import SupportPage

    page = made["support_page"]
    english = page.get_translation(WagtailLocale.objects.get(language_code="en"))
    assert english.alias_of_id == page.id, "the support tree was not mirrored into English"
    ConvertAliasPageAction(english).execute(skip_permission_checks=True)
    english = SupportPage.objects.get(id=english.id)
    english.title = "If you are subjected to violence"
    english.save_revision().publish()
    swedish = html(page.url)
    assert head_alternates(swedish) == {
        "sv": page.get_full_url(),
        "en": english.get_full_url(),
        "x-default": page.get_full_url(),
    }, head_alternates(swedish)
    assert switcher_languages(swedish) == {"sv": None, "en": english.url}, switcher_languages(
        swedish
    )
    body = swedish.split("<body", 1)[1]
    assert body.index("data-quick-exit") < body.index('class="language-switcher"'), (
        "the quick exit comes first"
    )
    # Under /ar/ the page is the Swedish one (an alias of the mirrored tree): not announced as Arabic.
    arabic = html(page.get_translation(WagtailLocale.objects.get(language_code="ar")).url)
    assert set(head_alternates(arabic)) == {"sv", "en", "x-default"}, head_alternates(arabic)
    assert switcher_languages(arabic) == {"sv": page.url, "en": english.url}, switcher_languages(
        arabic
    )
    # The host's own pages keep what their base template gives them.
    assert "language-switcher" not in html(host_root().url)


@gives("Translation rules")
def test_translating_a_page_keeps_an_existing_arabic_helpline():
    from wagtail.models import Locale as WagtailLocale

    from information.models import Helpline, SupportPage

    arabic_locale = WagtailLocale.objects.get(language_code="ar")
    helpline = Helpline(name="Kvinnojouren Exempelby", phone_number="010-111 11 11")
    helpline.save()
    helpline.save_revision().publish()
    translated = helpline.copy_for_translation(arabic_locale)
    translated.name = "ملجأ النساء في إكسمبلبي"
    translated.save()
    translated.save_revision().publish()
    page = SupportPage(
        title="Ring och prata",
        slug="ring",
        easy_read="<p>Du kan ringa.</p>",
        body=[("helpline", helpline)],
    )
    made["section"].add_child(instance=page)
    page.save_revision().publish()
    made["helpline"], made["page_with_helpline"] = helpline, page
    url = reverse("wagtail_localize:submit_page_translation", args=[page.id])
    response = editor().post(url, {"locales": [arabic_locale.id], "include_subtree": ""})
    assert response.status_code == 302, f"{url}: {response.status_code}"
    kept = Helpline.objects.get(translation_key=helpline.translation_key, locale=arabic_locale)
    assert kept.name == "ملجأ النساء في إكسمبلبي", (
        f"the Arabic helpline was overwritten: {kept.name}"
    )


@gives("Translation rules")
def test_a_half_translated_support_page_is_refused_publication():
    from django.db import transaction as db_transaction
    from wagtail.models import Locale as WagtailLocale
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )

    page = made["page_with_helpline"]
    arabic_locale = WagtailLocale.objects.get(language_code="ar")
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    translation = Translation.objects.get(source=source, target_locale=arabic_locale)
    title = StringSegment.objects.get(source=source, context__path="title")
    StringTranslation.objects.create(
        translation_of=title.string, locale=arabic_locale, context=title.context, data="اتصل وتحدث"
    )
    target = translation.get_target_instance()
    with db_transaction.atomic():  # wagtail-localize publishes when the transaction commits
        response = editor().post(
            reverse("wagtailadmin_pages:edit", args=[target.id]), {"action": "publish"}
        )
    assert response.status_code == 302, response.status_code
    live = Page.objects.get(id=target.id).live_revision
    assert live is None or "اتصل وتحدث" not in live.content.get("title", ""), (
        "a half-translated support page went live"
    )


@gives("Translation rules")
def test_a_translator_made_by_setup_works_only_in_their_own_language():
    from editorial.roles import translator_group_name
    from translations.translator_permissions import may_translate

    user, person = user_in(translator_group_name("ar"), "arabic-translator")
    assert may_translate(user, "sv", "ar")
    assert not may_translate(user, "sv", "fa") and not may_translate(user, "ar", "fa")
    page = made["page_with_helpline"]
    persian = Locale.objects.get_or_create(language_code="fa")[0]
    url = reverse("wagtail_localize:submit_page_translation", args=[page.id])
    response = person.post(url, {"locales": [persian.id], "include_subtree": ""})
    assert response.status_code != 500, f"{url}: {response.status_code}"
    assert not Page.objects.filter(
        translation_key=page.translation_key, locale=persian, alias_of__isnull=True
    ).exists(), "an Arabic translator made a Persian translation"


@gives("Review")
def test_approving_a_helpline_publishes_the_approved_revision_not_a_later_edit():
    from django.utils import timezone
    from wagtail.models import Revision, WorkflowState

    from editorial.roles import COMMUNICATORS, REVIEWERS

    helpline = made["helpline"]
    communicator, _client = user_in(COMMUNICATORS, "host-communicator")
    reviewer, _client = user_in(REVIEWERS, "host-reviewer")
    workflow = helpline.get_workflow()
    assert workflow is not None, "vinr_setup put no review workflow on helplines"
    helpline.opening_hours = "Vardagar 8–17"
    submitted = helpline.save_revision(user=communicator)
    state = workflow.start(helpline, communicator)
    later = Revision.objects.bulk_create(
        [
            Revision(
                content_type_id=submitted.content_type_id,
                base_content_type_id=submitted.base_content_type_id,
                object_id=submitted.object_id,
                content={**submitted.content, "phone_number": "070-000 00 00"},
                object_str=submitted.object_str,
                user=communicator,
                created_at=timezone.now(),
            )
        ]
    )[0]
    type(helpline).objects.filter(pk=helpline.pk).update(latest_revision=later)
    state.refresh_from_db()
    state.current_task_state.approve(user=reviewer)
    helpline.refresh_from_db()
    assert helpline.live_revision_id == submitted.pk, (
        "approving did not publish the approved revision"
    )
    assert (helpline.phone_number, helpline.opening_hours) == ("010-111 11 11", "Vardagar 8–17")
    assert WorkflowState.objects.get(pk=state.pk).status == WorkflowState.STATUS_APPROVED


@gives("Management commands")
def test_a_plan_file_is_imported_with_the_import_plan_command():
    from plans.models import PlanPage

    call_command("import_plan", str(HERE / "plan.yaml"), publish=True, verbosity=0)
    plan = PlanPage.objects.get(plan_key="exempelby-vinr")
    assert plan.get_parent().id == made["plan_index"].id
    made["plan"] = plan


@gives("Brochures")
def test_a_brochure_is_loaded_and_published():
    from information.models import Brochure

    brochure = Brochure(
        title="Stöd vid våld",
        slug="stod-vid-vald",
        summary="Vart du kan vända dig.",
        sections=[("section", {"heading": "Du är inte ensam", "text": "<p>Det finns hjälp.</p>"})],
    )
    brochure.save()
    brochure.save_revision().publish()
    made["brochure"] = brochure


@gives("Plan pages")
def test_the_plan_pages_are_served_in_the_hosts_base_template():
    plan = made["plan"]
    assert "Exempelby" in html(made["plan_index"].url)
    assert "Kunskap om våld" in html(plan.url)
    focus_area = plan.get_children().live().first()
    html(focus_area.url)
    assert "Utbilda all personal" in html(plan.url + plan.reverse_subpage("measures"))


@contextlib.contextmanager
def host_server():
    """The host's own `manage.py runserver` (its settings, its database) on a free port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with tempfile.TemporaryFile(mode="w+") as log:
        server = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "runserver",
                f"127.0.0.1:{port}",
                "--noreload",
                "--skip-checks",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            for _ in range(150):
                with (
                    contextlib.suppress(OSError),
                    socket.create_connection(("127.0.0.1", port), timeout=0.2),
                ):
                    break
                if server.poll() is not None:
                    log.seek(0)
                    raise AssertionError(f"runserver stopped: {log.read()[-2000:]}")
                time.sleep(0.1)
            else:
                raise AssertionError("runserver did not answer within 15 s")
            yield f"http://127.0.0.1:{port}"
        finally:
            server.terminate()
            server.wait(timeout=10)


@gives("Plan pages")
def test_the_plan_pages_controls_are_readable_with_the_hosts_styles_in_chromium():
    """The current tab "Alla åtgärder" and the filter button: at least 4.5:1 (issue 22.3),
    and the language switcher of a support page (contrast_check.py)."""
    plan = made["plan"]
    measures = plan.url + plan.reverse_subpage("measures")
    with host_server() as base:
        spec = [
            {
                "url": base + measures,
                "open": [".measure-filter__disclosure"],
                "controls": [
                    ['.plan-nav a[aria-current="page"]', "Alla åtgärder"],
                    [".measure-filter__toggle", "Filtrera åtgärder"],
                    ['.measure-filter button[type="submit"]', "Visa åtgärder"],
                ],
            },
            {
                "url": base + made["support_page"].url,
                "open": [".language-switcher__disclosure"],
                "controls": [
                    [".language-switcher__toggle", "Svenska"],
                    ['.language-switcher a[hreflang="en"]', "English"],
                ],
            },
        ]
        result = subprocess.run(
            [BROWSER_PYTHON, str(HERE / "contrast_check.py"), json.dumps(spec)],
            capture_output=True,
            text=True,
            timeout=180,
        )
    print(result.stdout.rstrip())
    assert result.returncode == 0, f"{result.stdout[-2000:]}{result.stderr[-2000:]}"


@gives("Plan PDF")
def test_the_plan_pdf_is_made():
    plan = made["plan"]
    pdf(plan.url + plan.reverse_subpage("pdf"))


@gives("Open data")
def test_the_plan_is_in_the_open_data_catalogue_and_the_api():
    assert "exempelby-vinr" in get("/data/catalog.ttl", "text/turtle").content.decode()
    assert (
        get("/data/v1/plans/exempelby-vinr.json", "application/json").json()["plan"]["key"]
        == "exempelby-vinr"
    )


@gives("Support pages")
def test_the_support_pages_are_served_in_the_hosts_base_template():
    assert "Stöd och hjälp" in html(made["section"].url)
    assert "Om du är utsatt för våld" in html(made["support_page"].url)


@gives("Your own pages")
def test_an_editor_publishes_the_hosts_home_page_once_the_support_section_exists():
    # The English home page is the parent of the section's English aliases: publishing it
    # synchronises the section into English (information/fallback.py,
    # mirror_into_new_language). Issue 22 saw host pages answer 500 on publishing there.
    root = host_root()
    response = editor().post(
        reverse("wagtailadmin_pages:edit", args=[root.id]), page_form("Welcome", root.slug)
    )
    assert response.status_code == 302, f"publishing the host's home page: {response.status_code}"
    assert "Welcome" in html(Page.objects.get(id=root.id).url)


@gives("Brochures")
def test_the_brochure_is_a_page_and_a_pdf():
    index, brochure = made["brochures"], made["brochure"]
    assert "Stöd vid våld" in html(index.url)
    assert "Du är inte ensam" in html(
        index.url + index.reverse_subpage("brochure", args=[brochure.slug])
    )
    pdf(
        index.url
        + index.reverse_subpage("brochure_pdf", args=[brochure.slug, brochure.locale.language_code])
    )


@gives("Static files")
def test_every_stylesheet_and_script_the_pages_link_is_served_from_the_wheel():
    linked = {url for body in pages for url in re.findall(r'(?:href|src)="(/static/[^"?#]+)', body)}
    extension = {
        url for url in linked if url.split("/")[2] in ("plans", "information", "multilingual")
    }
    assert extension, f"the pages link none of the extension's static files: {sorted(linked)}"
    for url in sorted(linked):
        response = client.get(url)
        assert response.status_code == 200, f"{url}: {response.status_code}"
    # collectstatic (docs/install.md, step 4) put the extension's in STATIC_ROOT.
    root = Path(settings.STATIC_ROOT)
    missing = [
        url for url in sorted(extension) if not (root / url[len(settings.STATIC_URL) :]).is_file()
    ]
    assert not missing, f"not collected into {root}: {missing}"


@gives("Translations")
def test_the_wheels_catalogues_translate_the_interface():
    with translation.override("ar"):
        arabic = translation.gettext("Leave this page quickly")
    with translation.override("ti"):
        tigrinya = translation.gettext("Leave this page quickly")
    assert arabic != "Leave this page quickly" and any("\u0600" <= c <= "\u06ff" for c in arabic), (
        arabic
    )
    assert tigrinya != "Leave this page quickly" and any(
        "\u1200" <= c <= "\u137f" for c in tigrinya
    ), tigrinya


@gives("Swedish admin")
def test_the_swedish_admin_shows_every_word_the_wheel_translates_for_wagtail():
    from multilingual.conf import ADMIN_LOCALE

    assert "site-packages" in str(ADMIN_LOCALE), ADMIN_LOCALE
    mo = ADMIN_LOCALE / "sv" / "LC_MESSAGES" / "django.mo"
    with mo.open("rb") as file:
        catalogue = gettext.GNUTranslations(file)._catalog
    entries = {key: text for key, text in catalogue.items() if isinstance(key, str) and key}
    assert len(entries) > 100, f"{mo}: {len(entries)} entries"
    wrong = []
    with translation.override("sv"):
        for key, text in entries.items():
            context, _, msgid = key.rpartition("\x04")
            shown = translation.pgettext(context, msgid) if context else translation.gettext(msgid)
            if shown != text:
                wrong.append(f"{key!r}: {shown!r}, not {text!r}")
    assert not wrong, (
        f"{len(wrong)} of {len(entries)} admin words not as the wheel has them: {wrong[:5]}"
    )


@gives("Admin menu")
def test_the_admin_menu_has_the_extensions_items_in_swedish():
    from wagtail.admin.menu import admin_menu

    editor()
    request = RequestFactory().get("/admin/")
    request.user = made["user"]
    with translation.override("sv"):
        items = admin_menu.menu_items_for_request(request)
        labels = {str(item.label): item for item in items}
        for label in ("Åtgärder", "Organisationer", "Stöd och information"):
            assert label in labels, f"{label} not in the admin menu: {sorted(labels)}"
        submenu = {
            str(item.label)
            for item in labels["Stöd och information"].menu.menu_items_for_request(request)
        }
    assert {"Stödlinjer", "Lokala stödverksamheter", "Broschyrer", "Ordlista"} <= submenu, submenu
    for name in ("plans_measure_index",):
        assert editor().get(reverse(name)).status_code == 200, name


@gives("Translation")
def test_an_editor_can_start_translating_a_page_with_wagtail_localize():
    index = made["plan_index"]
    url = reverse("wagtail_localize:submit_page_translation", args=[index.id])
    response = editor().get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"


@gives("Management commands")
def test_the_management_commands_are_there():
    commands = get_commands()
    for name, app in [
        ("import_plan", "plans"),
        ("export_plan", "plans"),
        ("vinr_setup", "plans"),
        ("sync_support_tree", "information"),
        ("setup_translators", "translations"),
    ]:
        assert commands.get(name) == app, f"{name}: {commands.get(name)}"


@gives("System checks")
def test_check_says_when_a_package_of_the_site_hides_an_extension_app():
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "information").mkdir()
        (Path(folder) / "information" / "__init__.py").write_text("")
        env = dict(os.environ, PYTHONPATH=folder)
        result = subprocess.run(
            [sys.executable, "manage.py", "check"], env=env, capture_output=True, text=True
        )
    assert result.returncode != 0, result.stdout
    assert "multilingual.E001" in result.stderr and f"{folder}/information" in result.stderr, (
        result.stderr[-2000:]
    )


def test_every_item_of_what_you_get_is_checked():
    guide = GUIDE.read_text(encoding="utf-8").split("## What you get", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^- \*\*(.+?)\*\*", guide, re.M)
    assert listed, "docs/install.md has no list under What you get"
    assert sorted(set(listed) - set(checked)) == [], "items of What you get without a check"
    assert sorted(set(checked) - set(listed)) == [], "checks of items What you get does not list"


def main():
    checks = [(name, f) for name, f in globals().items() if name.startswith("test_")]
    failed = []
    for name, check in checks:
        try:
            check()
        except Exception:
            print(f"FAILED {name}")
            traceback.print_exc()
            failed.append(name)
            continue
        print(f"ok {name}")
    print(f"{len(checks) - len(failed)} passed, {len(failed)} failed")
    for name in failed:
        print(f"  FAILED {name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
