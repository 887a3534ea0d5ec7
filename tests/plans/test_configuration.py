"""The extension's settings (multilingual/conf.py, docs/install.md "Configuration"): a
municipality's own site decides where the plan index and the support section may stand,
which base template the public pages extend, where the quick exit leads and which
helplines every page offers."""

import copy
import re

import pytest
from wagtail.models import Locale, Page

from information.models import Helpline, SupportIndexPage
from plans.models import PlanIndexPage
from website.models import HomePage

pytestmark = pytest.mark.django_db

MUNICIPALITY_BASE = """<!DOCTYPE html><html lang="{{ LANGUAGE_CODE }}"><head><title>{% block title %}{% endblock %} – Kommunen</title>{% block extra_css %}{% endblock %}</head>
<body class="municipality {% block body_class %}{% endblock %}"><header>Kommunens eget sidhuvud</header>
<main>{% block content %}{% endblock %}</main>{% include "information/includes/quick_exit.html" %}</body></html>"""


@pytest.fixture
def host_templates(settings, tmp_path):
    """The municipality's own template folder, in front of everything else."""
    (tmp_path / "municipality").mkdir()
    (tmp_path / "municipality" / "base.html").write_text(MUNICIPALITY_BASE, encoding="utf-8")
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates
    return tmp_path


def test_by_default_a_plan_index_and_a_support_section_may_stand_under_any_page_type(settings):
    del settings.VINR_PLAN_INDEX_PARENT_PAGE_TYPES
    del settings.VINR_SUPPORT_INDEX_PARENT_PAGE_TYPES
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    for model in (PlanIndexPage, SupportIndexPage):
        assert model.parent_page_types is None
        assert model.can_exist_under(root), model
        assert Page in model.allowed_parent_page_models()


def test_the_reference_site_keeps_them_under_its_home_page(settings):
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    for model in (PlanIndexPage, SupportIndexPage):
        assert model.allowed_parent_page_models() == [HomePage]
        assert not model.can_exist_under(root)


def test_a_setting_names_the_page_types_a_plan_index_may_stand_under(settings):
    settings.VINR_PLAN_INDEX_PARENT_PAGE_TYPES = ["wagtailcore.Page"]
    assert PlanIndexPage.allowed_parent_page_models() == [Page]


def test_a_plan_page_renders_inside_the_municipalitys_base_template(
    settings, host_templates, import_generated, client
):
    settings.VINR_BASE_TEMPLATE = "municipality/base.html"
    plan = import_generated(3)
    for url in (plan.url, plan.url + "atgarder/", plan.get_parent().url):
        response = client.get(url, HTTP_HOST="localhost")
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "Kommunens eget sidhuvud" in html, url
        assert 'class="site-footer"' not in html, url  # the reference site's base is not used
    assert plan.title in client.get(plan.url, HTTP_HOST="localhost").content.decode()


def test_the_reference_sites_base_template_is_used_when_nothing_is_set(import_generated, client):
    plan = import_generated(3)
    html = client.get(plan.url, HTTP_HOST="localhost").content.decode()
    assert 'class="site-footer"' in html and "Kommunens eget sidhuvud" not in html


def test_the_quick_exit_leads_where_the_setting_says(settings, import_generated, client):
    settings.VINR_QUICK_EXIT_URL = "https://www.example.org/vader"
    plan = import_generated(3)
    html = client.get(plan.url, HTTP_HOST="localhost").content.decode()
    assert re.search(r'<a class="quick-exit" href="https://www.example.org/vader"', html)


def test_the_helplines_every_page_offers_follow_the_setting(settings, import_generated, client):
    sv = Locale.objects.get(language_code="sv")
    Helpline.objects.create(
        name="Larmnumret", phone_number="112", is_emergency=True, locale=sv, live=True
    )
    Helpline.objects.create(
        name="Kvinnofridslinjen", phone_number="020-50 50 50", locale=sv, live=True
    )
    plan = import_generated(3)

    footer = re.search(
        r'<footer class="site-footer">.*?</footer>',
        client.get(plan.url, HTTP_HOST="localhost").content.decode(),
        re.S,
    ).group(0)
    assert ">112<" in footer and "020-50 50 50" not in footer

    settings.VINR_SITE_WIDE_HELPLINES = {"name": "Kvinnofridslinjen"}
    footer = re.search(
        r'<footer class="site-footer">.*?</footer>',
        client.get(plan.url, HTTP_HOST="localhost").content.decode(),
        re.S,
    ).group(0)
    assert "020-50 50 50" in footer and ">112<" not in footer
