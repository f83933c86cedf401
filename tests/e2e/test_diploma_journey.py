"""From the last evening to a diploma anyone can check.

A coordinator at her desk opens the cohort, goes to its completion page
through the cohort's navigation and issues diplomas to those who completed:
Amina, who came every evening, gets one; Hodan, who missed half, gets none
and the page says why. Amina signs in on her phone, opens her completion
page and downloads her PDF (rendered by the background task, which runs
inline under the test settings). The address her QR code points at,
opened signed out, shows the diploma as valid with her name, without
asking anyone to sign in.

Selectors use structure (data attributes, names, classes) so the test holds
whatever language the catalogues give the buttons.
"""

import datetime
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from lms import accounts, attendance
from lms.choices import AttendanceStatus
from lms.models import Diploma
from tests.factories.lms import (
    CohortFactory,
    EnrollmentFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(build_course, home):
    course, modules = build_course(modules=2, title="Grunnopplæring")
    now = timezone.now()
    cohort = CohortFactory(
        course=course,
        name="Grunnopplæring Alna",
        starts_on=timezone.localdate() - datetime.timedelta(weeks=3),
    )
    sessions = [
        SessionFactory(
            cohort=cohort, module=module, starts_at=now - datetime.timedelta(days=days)
        )
        for module, days in zip(modules, (14, 7), strict=True)
    ]
    ingrid = UserFactory(username="ingrid", first_name="Ingrid")
    cohort.chapter.coordinators.add(ingrid)
    accounts.set_language(user=ingrid, language="en")
    people = {}
    for username, first, last, came in (
        ("amina", "Amina", "Yusuf", (True, True)),
        ("hodan", "Hodan", "Warsame", (True, False)),
    ):
        enrollment = EnrollmentFactory(
            cohort=cohort,
            user=UserFactory(username=username, first_name=first, last_name=last),
            enrolled_on=cohort.starts_on,
        )
        accounts.set_language(user=enrollment.user, language="en")
        for session, present in zip(sessions, came, strict=True):
            attendance.record_attendance(
                session=session,
                enrollment=enrollment,
                status=AttendanceStatus.PRESENT if present else AttendanceStatus.ABSENT,
                by=ingrid,
            )
        people[username] = enrollment
    return SimpleNamespace(cohort=cohort, coordinator=ingrid, **people)


def sign_in(page, base, username):
    with translation.override("en"):
        page.goto(f"{base}{reverse('lms:login')}")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill("pw")
    page.locator("main button[type=submit]").click()
    expect(page.locator("input[name=password]")).to_have_count(0)


def test_issue_download_and_verify_signed_out(live_server, desk, phone, world):
    base = live_server.url
    cohort = world.cohort

    # The coordinator opens the cohort and follows its nav to completion.
    sign_in(desk, base, "ingrid")
    with translation.override("en"):
        overview = reverse("lms:cohort_overview", args=[cohort.pk])
        completion_url = reverse("lms:cohort_completion", args=[cohort.pk])
        issue_url = reverse("lms:issue_diplomas", args=[cohort.pk])
    desk.goto(f"{base}{overview}")
    expect(desk.locator("nav.staff-nav [aria-current=page]")).to_have_attribute(
        "href", overview
    )
    desk.locator("nav.staff-nav a[data-nav=completion]").click()
    expect(desk).to_have_url(f"{base}{completion_url}")
    amina_row = desk.locator("tr.completion-row", has_text="Amina Yusuf")
    hodan_row = desk.locator("tr.completion-row", has_text="Hodan Warsame")
    expect(amina_row).to_have_class("completion-row completion-row--complete")
    expect(hodan_row).to_have_class("completion-row completion-row--at_risk")

    # She issues to everyone who completed.
    desk.locator(
        f"form[action='{issue_url}']:not(:has(input[name=enrollment])) "
        "button[type=submit]"
    ).click()
    expect(desk).to_have_url(f"{base}{completion_url}")
    expect(desk.locator(".messages")).to_contain_text("1 diplomas issued")
    expect(desk.locator(".messages")).to_contain_text("1 have not completed yet")
    expect(amina_row).to_have_class("completion-row completion-row--diploma")
    # Hodan has none, and the page says why.
    expect(hodan_row).to_have_class("completion-row completion-row--at_risk")
    expect(hodan_row.locator(".reasons")).to_contain_text("1 of 2 sessions attended")
    expect(hodan_row.locator(".diploma-code")).to_have_count(0)
    diploma = Diploma.objects.get()
    assert diploma.enrollment == world.amina
    assert not Diploma.objects.filter(enrollment=world.hodan).exists()
    expect(amina_row.locator(".diploma-code")).to_have_text(diploma.code)
    # The PDF was rendered by the task once the issuing committed.
    diploma.refresh_from_db()
    assert diploma.pdf

    # Amina, on her phone, opens her completion page and downloads the PDF.
    sign_in(phone, base, "amina")
    with translation.override("en"):
        phone.goto(f"{base}{reverse('lms:my_completion')}")
        checklist = reverse("lms:checklist", args=[world.amina.pk])
        pdf_url = reverse("lms:diploma_pdf", args=[diploma.pk])
    expect(phone).to_have_url(f"{base}{checklist}")
    section = phone.locator("section.diploma-done")
    expect(section).to_be_visible()
    with phone.expect_download() as download_info:
        section.locator(f"a[href='{pdf_url}']").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"

    # The address of her QR code, opened signed out: valid, her name, no login.
    qr_url = diploma.claims["verification_url"]
    assert qr_url.endswith(reverse("lms:verify_diploma", args=[diploma.code]))
    phone.context.clear_cookies()
    phone.goto(f"{base}{urlsplit(qr_url).path}")
    expect(phone).to_have_url(f"{base}{urlsplit(qr_url).path}")
    expect(phone.locator(".diploma-status--valid")).to_be_visible()
    expect(phone.locator(".diploma-status--revoked")).to_have_count(0)
    expect(phone.locator("main")).to_contain_text("Amina Yusuf")
    expect(phone.locator("main")).to_contain_text(diploma.code)
    expect(phone.locator("input[type=password]")).to_have_count(0)
