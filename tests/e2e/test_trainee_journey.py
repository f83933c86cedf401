"""A trainee on her phone: log in, continue with the next module, mark it
reviewed, see her progress, switch to Arabic and keep it; leave quickly.

Selectors use structure (data attributes, ids, roles with names that are
already translated) so the tests hold whatever language the catalogues add.
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from lms import accounts
from lms.models import ModuleProgress
from tests.factories.lms import (
    CohortFactory,
    EnrollmentFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NEUTRAL = "https://www.yr.no/"


@pytest.fixture
def course(build_course, translate, home):
    """4 modules, the first two held; module 1 also in Arabic."""
    course, modules = build_course(modules=4, title="Grunnopplæring")
    modules[0].title = "Barn og språk"
    modules[0].save_revision().publish()
    translate(home, "ar", title="بيدلسموذره")
    translate(course, "ar", title="التدريب الأساسي")
    translate(modules[0], "ar", title="الطفل واللغة")
    cohort = CohortFactory(
        course=course, starts_on=timezone.localdate() - datetime.timedelta(weeks=3)
    )
    now = timezone.now()
    for week, module in enumerate(modules):
        SessionFactory(
            cohort=cohort,
            module=module,
            starts_at=now + datetime.timedelta(weeks=week - 2, hours=1),
        )
    enrollment = EnrollmentFactory(
        cohort=cohort, user=UserFactory(username="amina", first_name="Amina")
    )
    accounts.set_language(user=enrollment.user, language="nb")
    return enrollment, modules


def log_in(page, base_url, lands_on="/nb/my/"):
    page.goto(f"{base_url}/nb/login/")
    page.locator("#id_username").fill("amina")
    page.locator("#id_password").fill("pw")
    page.locator("form.stack button[type=submit]").click()
    expect(page).to_have_url(f"{base_url}{lands_on}")
    page.wait_for_load_state()  # trainee.js has run


@pytest.fixture
def neutral_site(phone):
    """The neutral site, served by the test (the sandbox has no internet)."""
    phone.context.route(
        f"{NEUTRAL}**",
        lambda route: route.fulfill(
            status=200,
            content_type="text/html",
            body="<!DOCTYPE html><meta charset=utf-8><title>Yr</title><h1>Været</h1>",
        ),
    )


def test_trainee_reviews_a_module_and_keeps_her_progress_in_arabic(
    live_server, phone, course
):
    enrollment, modules = course
    log_in(phone, live_server.url)
    progress = phone.locator("progress.progress")
    expect(progress).to_have_attribute("value", "0")
    expect(progress).to_have_attribute("max", "4")

    # "Continue where you left off" leads to the first held module.
    phone.locator("[data-continue]").click()
    expect(phone.locator("h1")).to_have_text("Barn og språk")
    phone.locator("[data-review-form] button").click()
    expect(phone.locator(".review__done")).to_be_visible()
    assert ModuleProgress.objects.get(enrollment=enrollment).reviewed_at is not None

    phone.locator('.site-nav a[href="/nb/my/"]').click()
    expect(progress).to_have_attribute("value", "1")
    expect(phone.locator(".state--reviewed")).to_have_count(1)

    # Switch to Arabic: the choice is saved, the page turns right-to-left,
    # her progress stays.
    phone.locator(".language-switcher summary").click()
    phone.get_by_role("button", name="العربيّة").click()
    expect(phone).to_have_url(f"{live_server.url}/ar/my/")
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    expect(progress).to_have_attribute("value", "1")
    phone.get_by_role("link", name="الطفل واللغة").first.click()
    expect(phone.locator("h1")).to_have_text("الطفل واللغة")
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    expect(phone.locator(".review__done")).to_be_visible()
    # Nothing scrolls sideways on a 360 px screen.
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_reading_to_the_end_marks_the_module_reviewed(live_server, phone, course):
    enrollment, modules = course
    log_in(phone, live_server.url)
    phone.goto(f"{live_server.url}{modules[1].url}")
    expect(phone.locator("[data-review-form]")).to_be_visible()
    phone.locator("[data-review-form]").scroll_into_view_if_needed()
    expect(phone.locator("[data-review-status]")).not_to_be_empty(timeout=6000)
    expect(phone.locator("[data-review-form] button")).to_be_hidden()
    progress = ModuleProgress.objects.get(
        enrollment=enrollment, module_key=modules[1].translation_key
    )
    assert progress.reviewed_at is not None


def test_leave_quickly_leaves_no_module_to_go_back_to(
    live_server, phone, course, neutral_site
):
    _enrollment, modules = course
    log_in(phone, live_server.url)
    dashboard = phone.url
    phone.locator("[data-continue]").click()
    module_url = phone.url
    assert module_url.endswith(modules[0].url)
    phone.wait_for_load_state()

    # Reachable by keyboard: the second stop after "skip to content".
    phone.keyboard.press("Tab")
    phone.keyboard.press("Tab")
    leave = phone.locator(".leave-quickly")
    expect(leave).to_be_focused()
    expect(leave).to_be_visible()
    leave.click()
    expect(phone).to_have_url(NEUTRAL)
    expect(phone.locator("h1")).to_have_text("Været")

    # Back from the neutral site opens nothing of hers: the module was
    # replaced, the dashboard before it sends her on again, and she is
    # signed out on the server.
    phone.go_back()
    expect(phone).to_have_url(NEUTRAL)
    expect(phone.locator("h1")).to_have_text("Været")
    phone.go_back()
    expect(phone).to_have_url(NEUTRAL)
    assert dashboard != NEUTRAL and module_url != NEUTRAL
    other_tab = phone.context.new_page()
    other_tab.goto(f"{live_server.url}/nb/my/")
    expect(other_tab).to_have_url(re.compile(r"/nb/login/"))
    # Opening the site anew works as usual.
    phone.goto(f"{live_server.url}/nb/login/")
    expect(phone).to_have_url(f"{live_server.url}/nb/login/")


def test_leave_quickly_in_arabic_sits_at_the_inline_end_and_escape_works(
    live_server, phone, course, neutral_site
):
    enrollment, _modules = course
    accounts.set_language(user=enrollment.user, language="ar")
    log_in(phone, live_server.url, lands_on="/ar/my/")
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    box = phone.locator(".leave-quickly").bounding_box()
    assert box["x"] < 180  # bottom left on a right-to-left page
    phone.keyboard.press("Escape")
    phone.keyboard.press("Escape")  # twice: the keyboard way out
    expect(phone).to_have_url(NEUTRAL)


def test_logging_out_leaves_no_draft_behind_on_a_shared_phone(
    live_server, phone, course
):
    log_in(phone, live_server.url)
    phone.evaluate(
        """() => {
            localStorage.setItem("lms-reflection:1:m:p", '{"text": "mine"}');
            localStorage.setItem("other-site-thing", "kept");
        }"""
    )
    phone.get_by_role("button", name="Logg ut").click()
    phone.wait_for_load_state()
    assert phone.evaluate("() => localStorage.getItem('lms-reflection:1:m:p')") is None
    assert phone.evaluate("() => localStorage.getItem('other-site-thing')") == "kept"
