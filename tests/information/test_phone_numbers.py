"""A helpline number is dialled exactly as it is shown, and a typo is refused when saved."""

import pytest
from django.core.exceptions import ValidationError

from information.phone import phone_number_problem

pytestmark = pytest.mark.django_db

GOOD = [
    "112",
    "114 14",
    "116 006",
    "1177",
    "90000",
    "020-50 50 50",
    "08-123 456 78",
    "0123-45 67 00",
    "+46 8 123 456 78",
    "+358 9 123 4567",
]
BAD = [
    "020-50 50 5O",
    "020-50 50 5o",
    "112!",
    "020--50 50 50",
    "020 50 50 50-",
    "+46 020 50 50 50",
    "12",
    "1234567",
    "020 50",
    "02 05 05 05 05 05",
    "46+ 20 50 50 50",
    "020-50 50 50 ext 3",
    "٠٢٠٥٠٥٠٥٠",
]


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktor", "redaktor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize("number", GOOD)
def test_swedish_short_and_international_numbers_are_accepted(number):
    assert phone_number_problem(number) is None


@pytest.mark.parametrize("number", BAD)
def test_numbers_a_phone_would_dial_differently_are_refused(number):
    assert phone_number_problem(number)


def test_a_letter_o_in_a_helpline_number_is_refused_by_full_clean():
    from information.models import LocalService
    from tests.helpers.factories import HelplineFactory

    line = HelplineFactory(phone_number="020-50 50 50")
    line.phone_number = "020-50 50 5O"
    with pytest.raises(ValidationError) as error:
        line.full_clean()
    assert "”O”" in str(error.value.message_dict["phone_number"])
    line.phone_number = "020-50 50 50"
    line.alternative_number = "116 O16"
    with pytest.raises(ValidationError) as error:
        line.full_clean()
    assert "alternative_number" in error.value.message_dict

    service = LocalService(name="Socialtjänsten", phone_number="0123-45 67 1O")
    with pytest.raises(ValidationError) as error:
        service.full_clean(exclude=["locale", "translation_key"])
    assert "phone_number" in error.value.message_dict


def _helpline_post(**overrides):
    data = {
        "name": "Testlinjen",
        "phone_number": "020-50 50 50",
        "alternative_number": "",
        "opening_hours": "",
        "languages_offered": "sv",
        "audience": "",
        "website": "",
        "last_verified": "",
        "free_of_charge": "on",
        "description": '{"blocks": [], "entityMap": {}}',
    }
    data.update(overrides)
    return data


def test_the_admin_refuses_a_helpline_number_with_a_letter_and_says_why(demo_site, editor_client):
    from information.models import Helpline

    response = editor_client.post(
        "/admin/snippets/information/helpline/add/?locale=sv",
        _helpline_post(phone_number="020-50 50 5O"),
    )
    assert response.status_code == 200
    assert "Telefonnumret innehåller tecken som inte är siffror: ”O”" in response.content.decode()
    assert not Helpline.objects.filter(name="Testlinjen").exists()

    response = editor_client.post(
        "/admin/snippets/information/helpline/add/?locale=sv",
        _helpline_post(phone_number="020-50 50 51"),
    )
    assert response.status_code == 302
    assert Helpline.objects.get(name="Testlinjen").tel_href == "tel:020505051"


def test_every_demo_helpline_and_service_validates_and_dials_the_digits_shown(support_site):
    from information.models import Helpline, LocalService

    numbers = list(Helpline.objects.all()) + list(LocalService.objects.all())
    assert len(numbers) > 10
    for item in numbers:
        item.full_clean()
        shown = "".join(ch for ch in item.phone_number if ch.isdigit())
        assert item.tel_href == "tel:" + shown
