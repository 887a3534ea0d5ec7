"""The helpline chooser speaks Swedish and tells translations apart (issue 21, finding 7).

Its language filter was labelled "Locale" (Django's label from the field's name: Wagtail
gives it none), and three rows read "Terrafem" without saying in which language.
"""

import re
from html import unescape

import pytest

pytestmark = pytest.mark.django_db


def visible_text(html):
    html = re.sub(r"<script.*?</script>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.mark.parametrize("model_name", ["helpline", "localservice", "brochure", "glossaryterm"])
def test_the_chooser_names_its_language_filter_in_swedish(
    shared_support_site, admin_client, model_name
):
    html = admin_client.get(f"/admin/snippets/choose/information/{model_name}/").json()["html"]
    assert re.search(r'<label[^>]*for="id_locale"[^>]*>\s*Språk', html), re.findall(
        r"<label[^>]*id_locale.*?</label>", html, re.S
    )
    assert "Locale" not in visible_text(html)


def test_the_chooser_rows_say_their_language(shared_support_site, admin_client):
    """(Already so in Wagtail 8 with i18n on: kept by this test.)"""
    response = admin_client.get("/admin/snippets/choose/information/helpline/results/")
    text = visible_text(response.content.decode())
    assert "Titel Språk Status" in text
    assert "112 – SOS Alarm (112) Svenska" in text
    assert "112 – Emergency (112) Engelska" in text
