"""load_demo makes the support section, and a second run changes nothing."""

import pytest

pytestmark = pytest.mark.django_db


def _snapshot():
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, Revision

    from information.models import Brochure, GlossaryTerm, Helpline, LocalService

    ours = ContentType.objects.filter(app_label="information")
    return {
        "pages": Page.objects.filter(content_type__in=ours).count(),
        "revisions": Revision.objects.filter(content_type__in=ours).count(),
        "helplines": Helpline.objects.count(),
        "services": LocalService.objects.count(),
        "terms": GlossaryTerm.objects.count(),
        "brochures": sorted(
            Brochure.objects.values_list("locale__language_code", "title", "sections")
        ),
    }


def test_demo_support_content_in_swedish_english_arabic_and_a_tigrinya_brochure(load_demo_command):
    from information.models import Brochure, SupportPage

    load_demo_command()
    for code in ["sv", "en", "ar"]:
        assert SupportPage.objects.live().filter(locale__language_code=code).count() == 8
    assert sorted(Brochure.objects.values_list("locale__language_code", flat=True)) == [
        "ar",
        "en",
        "sv",
        "ti",
    ]


def test_load_demo_twice_leaves_the_same_content(load_demo_command):
    load_demo_command()
    first = _snapshot()
    load_demo_command()
    assert _snapshot() == first
