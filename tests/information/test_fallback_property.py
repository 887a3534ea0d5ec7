"""What a section lists is exactly what it serves, in every language, for any tree of
translations, aliases, drafts, renamed slugs, unpublished and deleted Swedish pages
(``information.visitors``: one rule for both)."""

import re

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page

from tests.information.visitor_trees import LANGUAGES, SOURCE_STATES, STATES, build, small_site

pytestmark = pytest.mark.django_db

page_states = st.tuples(
    st.sampled_from(SOURCE_STATES),
    st.fixed_dictionaries({"en": st.sampled_from(STATES), "pl": st.sampled_from(STATES)}),
)


def cards(html):
    return dict(
        (href, title)
        for href, title in re.findall(
            r'<li class="section-card"[^>]*>\s*<a href="([^"]+)"><span class="section-card__title">([^<]*)<',
            html,
        )
    )


def candidate_addresses(code, keys):
    """Every address under /<code>/stod/ that names one of the pages in some language."""
    slugs = set(Page.objects.filter(translation_key__in=keys).values_list("slug", flat=True))
    return {f"/{code}/stod/{slug}/" for slug in slugs}


def test_a_section_lists_exactly_what_it_serves_in_every_language(migrated_roots, client):
    client.defaults["HTTP_HOST"] = "localhost"
    index = small_site()

    @settings(
        max_examples=10, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )
    @given(st.lists(page_states, min_size=1, max_size=3))
    def check(tree):
        with transaction.atomic():
            made = build(index, tree)
            keys = [key for _slug, key in made]
            for code in LANGUAGES:
                response = client.get(f"/{code}/stod/")
                assert response.status_code == 200, code
                listed = cards(response.content.decode())
                served = {}
                for address in candidate_addresses(code, keys):
                    answer = client.get(address)
                    if answer.status_code == 200:
                        served[address] = answer.content.decode()
                assert set(listed) == set(served), (code, tree)
                for address, title in listed.items():
                    assert f"<h1>{title}</h1>" in served[address] or title in served[address], (
                        code,
                        address,
                    )
            transaction.set_rollback(True)

    check()
