"""Urdu reads in Nastaliq and Arabic and Persian in Naskh: their faces come
first for pages in those languages (Debian's fonts-noto-core, which make
test installs, has both); Norwegian keeps the system face."""

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

FIRST_FACE = "getComputedStyle(document.body).fontFamily.split(',')[0].trim()"


def sign_in_page(live_server, phone, language):
    with translation.override(language):
        phone.goto(f"{live_server.url}{reverse('lms:login')}")
    assert phone.locator("html").get_attribute("lang") == language


@pytest.mark.parametrize(
    "language,face",
    [
        ("ur", "Noto Nastaliq Urdu"),
        ("ar", "Noto Naskh Arabic"),
        ("fa", "Noto Naskh Arabic"),
    ],
)
def test_each_script_gets_its_face(live_server, phone, home, language, face):
    sign_in_page(live_server, phone, language)
    assert phone.evaluate(FIRST_FACE).strip("\"'") == face


def test_norwegian_keeps_the_system_face(live_server, phone, home):
    sign_in_page(live_server, phone, "nb")
    assert phone.evaluate(FIRST_FACE) == "system-ui"
