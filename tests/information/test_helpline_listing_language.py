"""The helpline and local service listings say which language each row is in: a helpline
and its translations often share a name ("Terrafem" three times)."""

import pytest
from wagtail.models import Locale

from tests.helpers.html import one, words

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model, migrated_roots):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize("model", ["helpline", "localservice"])
def test_each_row_names_its_language(admin_client, model):
    from information.models import Helpline, LocalService

    swedish = Locale.objects.get(language_code="sv")
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    source = (Helpline if model == "helpline" else LocalService).objects.create(
        name="Terrafem", phone_number="020-52 10 10", locale=swedish
    )
    source.copy_for_translation(arabic).save()

    table = one(admin_client.get(f"/admin/snippets/information/{model}/"), "table.listing")
    assert words(one(table, "tbody")).count("Terrafem") >= 2
    assert "Språk" in words(one(table, "thead"))
    assert "Svenska" in words(table)
    assert "Arabiska" in words(table)
