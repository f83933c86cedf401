"""Issue 3's trainee journey on a phone, end to end: she signs in with the
one-time link her coordinator sent, opens the next module from her dashboard,
writes a reflection that saves itself, reloads, and switches to Arabic.
"""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from lms import enrolment
from lms.models import Reflection
from tests.factories.lms import (
    CohortFactory,
    EnrollmentFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TEXT = "Jeg vil spørre helsesøster om søvn."


@pytest.fixture
def amina(build_course, translate, home):
    course, modules = build_course(modules=3, title="Grunnopplæring")
    modules[0].title = "Barn og språk"
    modules[0].save_revision().publish()
    translate(home, "ar", title="بيدلسموذره")
    translate(course, "ar", title="التدريب الأساسي")
    translate(modules[0], "ar", title="الطفل واللغة")
    cohort = CohortFactory(
        course=course, starts_on=timezone.localdate() - datetime.timedelta(weeks=2)
    )
    SessionFactory(
        cohort=cohort,
        module=modules[0],
        starts_at=timezone.now() - datetime.timedelta(days=2),
    )
    enrollment = EnrollmentFactory(
        cohort=cohort, user=UserFactory(username="amina", first_name="Amina")
    )
    enrollment.user.set_unusable_password()
    enrollment.user.save()
    return enrollment.user


def test_link_sign_in_reflection_reload_and_arabic(live_server, phone, amina):
    token = enrolment.create_sign_in_link(user=amina).token
    phone.goto(f"{live_server.url}/nb/signin/{token}/")
    phone.locator("main form button[type=submit]").click()
    expect(phone).to_have_url(f"{live_server.url}/nb/my/")

    phone.locator("[data-continue]").click()
    expect(phone.locator("h1")).to_have_text("Barn og språk")

    area = phone.locator("textarea[name=text]")
    area.scroll_into_view_if_needed()
    area.press_sequentially(TEXT, delay=10)
    expect(phone.locator(".reflection__status")).to_have_attribute(
        "data-state", "saved", timeout=10_000
    )
    phone.reload()
    expect(phone.locator("textarea[name=text]")).to_have_value(TEXT)

    phone.locator(".language-switcher summary").click()
    phone.get_by_role("button", name="العربيّة").click()
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    expect(phone.locator("h1")).to_have_text("الطفل واللغة")
    expect(phone.locator("textarea[name=text]")).to_have_value(TEXT)
    assert Reflection.objects.filter(author=amina).count() == 1
    # The link was used up by signing in.
    assert enrolment.redeem_sign_in_link(token=token) is None
