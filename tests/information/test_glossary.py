"""The glossary: terms explained where a page links them, and all on one page."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_glossary_page_has_an_anchor_per_term_in_the_visitors_language(
    shared_support_site, client_for
):
    html = client_for.get("/ar/stod/ordlista/").content.decode()
    for slug in ["vinr", "hrv", "pom", "barnfridsbrott", "kontaktforbud", "skyddat-boende"]:
        assert f'id="term-{slug}"' in html
    assert "العنف في العلاقات القريبة" in html


def test_support_page_explains_terms_and_links_to_the_glossary(shared_support_site, client_for):
    html = client_for.get("/en/stod/utsatt-for-vald/").content.decode()
    aside = re.search(r'<aside class="glossary-links".*?</aside>', html, re.S).group(0)
    assert 'href="/en/stod/ordlista/#term-kontaktforbud"' in aside
    assert "restraining order" in aside


def test_untranslated_term_is_shown_in_swedish_and_marked_so(shared_support_site, client_for):
    from information.models import GlossaryTerm

    GlossaryTerm.objects.filter(slug="pom", locale__language_code="en").delete()
    html = client_for.get("/en/stod/ordlista/").content.decode()
    assert re.search(r'id="term-pom" lang="sv"', html)
