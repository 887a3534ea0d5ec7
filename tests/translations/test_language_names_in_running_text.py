"""Language names inside Swedish sentences are written in lower case (issue 21, finding 7).

Swedish writes "till arabiska", not "till Arabiska"; the capital stays in labels and
listings. The refusals in translations/ and the review messages in editorial/ said
"är på Arabiska".
"""

import re
from html import unescape

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from tests.helpers.translation import locale, page_submit_url

pytestmark = pytest.mark.django_db


def test_the_refusal_names_languages_in_lower_case(arabic_translator, arabic_page):
    text = unescape(arabic_translator.get(page_submit_url(arabic_page)).content.decode())
    sentence = re.search(r"Du översätter bara från svenska[^<]*", text).group(0)
    assert "arabiska" in sentence
    assert "Arabiska" not in sentence


def test_submitted_for_review_names_the_language_in_lower_case(demo_site, support_page):
    from django.test import Client

    from editorial.roles import REVIEWERS
    from information.models import Helpline
    from tests.helpers.admin import make_user

    swedish = Helpline.objects.create(
        name="Kvinnofridslinjen", phone_number="020-50 50 50", locale=locale("sv")
    )
    arabic = swedish.copy_for_translation(locale("ar"))
    arabic.save()
    client = Client()
    client.force_login(make_user(REVIEWERS, username="granskare"))
    url = reverse("editorial_submit_for_review", args=["information", "helpline", arabic.pk])
    form = unescape(client.get(url).content.decode())
    assert "(stödlinje, arabiska)" in form
    response = client.post(url)
    shown = " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert "(arabiska)" in shown, shown
