"""A trainee on her phone writes a reflection: it saves itself as she types,
survives a reload, an expired login and a second tab, and is the same
reflection when she reads the module in Arabic."""

import datetime
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from lms.models import Reflection
from tests.factories.lms import (
    CohortFactory,
    EnrollmentFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TEXTAREA = "textarea[name=text]"
STATUS = ".reflection__status"


@pytest.fixture
def course_world(build_course, translate, home):
    course, modules = build_course(modules=2, title="Grunnopplæring")
    module = modules[0]
    module.title = "Barn og språk"
    module.save_revision().publish()
    translate(home, "ar", title="بيدلسموذره أوسلو")
    translate(course, "ar", title="التدريب الأساسي")
    arabic = translate(module, "ar", title="الطفل واللغة")
    cohort = CohortFactory(
        course=course, starts_on=timezone.localdate() - datetime.timedelta(weeks=2)
    )
    SessionFactory(
        cohort=cohort,
        module=module,
        starts_at=timezone.now() - datetime.timedelta(days=7),
    )
    amina = EnrollmentFactory(cohort=cohort, user=UserFactory(username="amina")).user
    return SimpleNamespace(module=module, arabic=arabic, amina=amina)


def sign_in(page, live_server, user):
    """Put a signed-in session for `user` into the browser."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def test_reflection_autosaves_survives_reload_and_follows_her_to_arabic(
    live_server, phone, course_world
):
    sign_in(phone, live_server, course_world.amina)
    phone.goto(f"{live_server.url}{course_world.module.url}")
    area = phone.locator(TEXTAREA)
    area.scroll_into_view_if_needed()
    area.press_sequentially("Jeg vil snakke mer med barna mine.", delay=15)
    # No Save click: it saves itself shortly after she stops typing.
    expect(phone.locator(STATUS)).to_have_attribute(
        "data-state", "saved", timeout=10_000
    )
    assert Reflection.objects.get().text == "Jeg vil snakke mer med barna mine."

    phone.reload()
    expect(phone.locator(TEXTAREA)).to_have_value("Jeg vil snakke mer med barna mine.")

    phone.goto(f"{live_server.url}{course_world.arabic.url}")
    expect(phone.locator("h1")).to_have_text("الطفل واللغة")
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    expect(phone.locator(TEXTAREA)).to_have_value("Jeg vil snakke mer med barna mine.")
    # The form reads right to left with the page; nothing scrolls sideways.
    expect(phone.locator(".reflection")).to_have_attribute("dir", "rtl")
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_text_written_while_signed_out_is_kept_and_saved_after_sign_in(
    live_server, phone, course_world
):
    sign_in(phone, live_server, course_world.amina)
    phone.goto(f"{live_server.url}{course_world.module.url}")
    phone.context.clear_cookies()  # her login expired while the page was open
    phone.locator(TEXTAREA).press_sequentially("Skrevet uten nett", delay=10)
    expect(phone.locator(STATUS)).to_have_attribute(
        "data-state", "error", timeout=10_000
    )
    assert not Reflection.objects.exists()

    sign_in(phone, live_server, course_world.amina)
    phone.reload()
    expect(phone.locator(TEXTAREA)).to_have_value("Skrevet uten nett")
    expect(phone.locator(STATUS)).to_have_attribute(
        "data-state", "saved", timeout=10_000
    )
    assert Reflection.objects.get().text == "Skrevet uten nett"


def test_second_tab_does_not_silently_overwrite(live_server, phone, course_world):
    sign_in(phone, live_server, course_world.amina)
    url = f"{live_server.url}{course_world.module.url}"
    phone.goto(url)
    other_tab = phone.context.new_page()
    other_tab.goto(url)

    phone.locator(TEXTAREA).fill("Fra første fane")
    phone.locator(".reflection__text button[type=submit]").click()
    expect(phone.locator(STATUS)).to_have_attribute("data-state", "saved")

    other_tab.locator(TEXTAREA).fill("Fra andre fane")
    other_tab.locator(".reflection__text button[type=submit]").click()
    conflict = other_tab.locator(".reflection__conflict")
    expect(conflict).to_be_visible()
    expect(conflict.locator(".reflection__newer")).to_have_text("Fra første fane")
    assert Reflection.objects.get().text == "Fra første fane"

    conflict.locator("[data-keep-mine]").click()
    expect(other_tab.locator(STATUS)).to_have_attribute("data-state", "saved")
    assert Reflection.objects.get().text == "Fra andre fane"
