"""The plans admin follows the editor's admin language: English labels for an editor who
chose English, the Swedish ones (from locale/sv) for everyone else."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.users.models import UserProfile

from plans.models import FocusAreaPage

pytestmark = pytest.mark.django_db


def edit_page(client, import_generated, language):
    plan = import_generated(2, key="language")
    user = get_user_model().objects.create_superuser("admin", "a@example.com", "pw")
    if language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    client.force_login(user)
    area = FocusAreaPage.objects.child_of(plan).first()
    return client.get(reverse("wagtailadmin_pages:edit", args=[area.pk])).content.decode()


def test_an_editor_who_chose_english_reads_the_plan_labels_in_english(client, import_generated):
    html = edit_page(client, import_generated, "en")
    assert (
        "Belongs to goal" in html
        and "Prevention level" in html
        and "Goals (sub-goals) within the focus area" in html
    )
    assert "Preventionsnivå" not in html and "Hör till mål" not in html


def test_the_swedish_admin_reads_the_plan_labels_as_before(client, import_generated):
    html = edit_page(client, import_generated, "sv")
    assert (
        "Hör till mål" in html
        and "Preventionsnivå" in html
        and "Mål (delmål) inom fokusområdet" in html
    )
