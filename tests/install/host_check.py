"""The extension at work in a host site that only installed the wheel.

Run by tests/install/run inside a fresh `wagtail start` project (the current folder),
with that project's settings, after `migrate`. Everything here goes through the
extension's public parts as a municipality's developer would use them: page types under
the host's own home page, the `import_plan` command, a brochure snippet, and pages and
PDFs fetched through Django's test client. The host's own base template must frame the
public pages: its stylesheet link (`css/<project>.css`, made by `wagtail start`) is
looked for in each.

Prints one line per check and a closing "N passed, 0 failed"; stops at the first failure.
"""

import os
import re
import sys
import traceback
from pathlib import Path

import django

HERE = Path(__file__).resolve().parent
PROJECT = os.environ["HOST_PROJECT"]  # the name given to `wagtail start`
sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", f"{PROJECT}.settings.dev")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import translation  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402

HOST_MARKUP = f"css/{PROJECT}.css"
client = Client()
made = {}
pages = []  # the HTML of every public page fetched, for the static-file check


def get(url, content_type="text/html"):
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    assert response["Content-Type"].startswith(content_type), f"{url}: {response['Content-Type']}"
    return response


def html(url):
    body = get(url).content.decode()
    assert HOST_MARKUP in body, f"{url} is not framed by the host's base template (no {HOST_MARKUP})"
    pages.append(body)
    return body


def pdf(url):
    response = get(url, "application/pdf")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body.startswith(b"%PDF-"), f"{url} is not a PDF"
    return body


def host_home():
    return Site.objects.get(is_default_site=True).root_page.specific


def test_the_extension_is_imported_from_the_installed_wheel_not_from_a_source_tree():
    import information
    import multilingual
    import plans

    for module in (plans, information, multilingual):
        assert "site-packages" in module.__file__, module.__file__


def test_the_hosts_home_page_is_its_own():
    home = host_home()
    assert type(home).__module__ == "home.models", type(home)


def test_a_plan_index_is_created_under_the_hosts_home_page():
    from plans.models import PlanIndexPage

    index = PlanIndexPage(title="Handlingsplaner", slug="handlingsplaner")
    host_home().add_child(instance=index)
    index.save_revision().publish()
    made["plan_index"] = index


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


def test_a_plan_file_is_imported_with_the_import_plan_command():
    from plans.models import PlanPage

    call_command("import_plan", str(HERE / "plan.yaml"), publish=True, verbosity=0)
    plan = PlanPage.objects.get(plan_key="exempelby-vinr")
    assert plan.get_parent().id == made["plan_index"].id
    made["plan"] = plan


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


def test_the_plan_pages_are_served_in_the_hosts_base_template():
    plan = made["plan"]
    assert "Exempelby" in html(made["plan_index"].url)
    assert "Kunskap om våld" in html(plan.url)
    focus_area = plan.get_children().live().first()
    html(focus_area.url)
    assert "Utbilda all personal" in html(plan.url + plan.reverse_subpage("measures"))


def test_the_plan_pdf_is_made():
    plan = made["plan"]
    pdf(plan.url + plan.reverse_subpage("pdf"))


def test_the_support_pages_are_served_in_the_hosts_base_template():
    html(made["section"].url)
    html(made["support_page"].url)


def test_the_brochure_is_a_page_and_a_pdf():
    index, brochure = made["brochures"], made["brochure"]
    assert "Stöd vid våld" in html(index.url)
    assert "Du är inte ensam" in html(index.url + index.reverse_subpage("brochure", args=[brochure.slug]))
    pdf(index.url + index.reverse_subpage("brochure_pdf", args=[brochure.slug, brochure.locale.language_code]))


def test_every_stylesheet_and_script_the_pages_link_is_served_from_the_wheel():
    linked = {url for body in pages for url in re.findall(r'(?:href|src)="(/static/[^"?#]+)', body)}
    extension = {url for url in linked if url.split("/")[2] in ("plans", "information", "multilingual")}
    assert extension, f"the pages link none of the extension's static files: {sorted(linked)}"
    for url in sorted(linked):
        response = client.get(url)
        assert response.status_code == 200, f"{url}: {response.status_code}"


def test_the_wheels_catalogues_translate_the_interface():
    with translation.override("ar"):
        arabic = translation.gettext("Leave this page quickly")
    with translation.override("ti"):
        tigrinya = translation.gettext("Leave this page quickly")
    assert arabic != "Leave this page quickly" and any("\u0600" <= c <= "\u06ff" for c in arabic), arabic
    assert tigrinya != "Leave this page quickly" and any("\u1200" <= c <= "\u137f" for c in tigrinya), tigrinya


def main():
    checks = [(name, f) for name, f in globals().items() if name.startswith("test_")]
    passed = 0
    for name, check in checks:
        try:
            check()
        except Exception:
            print(f"FAILED {name}")
            traceback.print_exc()
            print(f"{passed} passed, 1 failed")
            return 1
        passed += 1
        print(f"ok {name}")
    print(f"{passed} passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
