"""A coordinator takes the register for an evening on her phone."""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from lms.models import Attendance

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def evening(cohort_with_sessions):
    w = cohort_with_sessions
    amina, hodan = w.enrollments
    for enrollment, name in ((amina, "Amina"), (hodan, "Hodan")):
        enrollment.user.first_name = name
        enrollment.user.save()
    with translation.override("nb"):
        w.register = reverse("lms:attendance", args=[w.sessions[1].pk])
    return w


def test_coordinator_takes_attendance_on_a_phone(live_server, phone, evening):
    phone.goto(f"{live_server.url}/nb/login/")
    phone.get_by_label("Brukernavn").fill("coordinator1")
    phone.get_by_label("Passord").fill("pw")
    phone.get_by_role("button", name="Logg inn").click()
    expect(phone).to_have_url(f"{live_server.url}/nb/my/")

    phone.goto(f"{live_server.url}{evening.register}")
    amina = phone.get_by_role("group", name="Amina")
    hodan = phone.get_by_role("group", name="Hodan")
    expect(amina).to_be_visible()
    # Nothing scrolls sideways on a 360 px screen.
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0

    # Each tap is saved on its own, without loading the page again.
    phone.evaluate("window.stillTheSamePage = true")
    amina.locator("input[value=absent]").check()
    expect(amina).to_have_attribute("data-state", "saved")
    hodan.locator("input[value=present]").check()
    expect(hodan).to_have_attribute("data-state", "saved")
    assert phone.evaluate("window.stillTheSamePage") is True
    box = hodan.locator("input[value=present]").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360

    phone.reload()
    amina = phone.get_by_role("group", name="Amina")
    hodan = phone.get_by_role("group", name="Hodan")
    expect(amina.locator("input[value=absent]")).to_be_checked()
    expect(hodan.locator("input[value=present]")).to_be_checked()
    assert dict(
        Attendance.objects.filter(session=evening.sessions[1]).values_list(
            "enrollment__user__first_name", "status"
        )
    ) == {"Amina": "absent", "Hodan": "present"}

    # Corrected later, on a bad connection: Amina had sent word after all.
    phone.route("**/attendance/", lambda route: route.abort())
    amina.locator("input[value=excused]").check()
    expect(amina).to_have_attribute("data-state", "error")
    retry = amina.locator(".register__retry")
    expect(retry).to_be_visible()
    phone.unroute("**/attendance/")
    retry.click()
    expect(amina).to_have_attribute("data-state", "saved")
    phone.reload()
    expect(
        phone.get_by_role("group", name="Amina").locator("input[value=excused]")
    ).to_be_checked()
