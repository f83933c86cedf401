"""An alumna on her phone finds the ICDP track open on her dashboard, applies
with a message and follows her application; a trainee without a diploma is
told why it is closed; the chapter's coordinator at her desk accepts her into
the ICDP cohort, and once it is full a second alumna waits, numbered. In
Arabic her section reads right to left and nothing scrolls sideways."""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from lms.choices import ApplicationStatus, EnrollmentStatus
from lms.models import Enrollment, TrackApplication
from tests.e2e.test_reflection_journey import sign_in
from tests.lms.test_alumni import build_world, graduate

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MESSAGE = "Jeg vil bli ICDP-veileder i Alna."


def nb(msgid, **values):
    """`msgid` as the course page shows it: course pages speak their own
    language, here Norwegian."""
    with translation.override("nb"):
        said = translation.gettext(msgid)
    return said % values if values else said


def url(live_server, name, language="en", **kwargs):
    with translation.override(language):
        return f"{live_server.url}{reverse(name, kwargs=kwargs or None)}"


@pytest.fixture
def world(build_course):
    """build_world's Alna (Amina the alumna, Hodan the trainee, Fatima the
    coordinator), with a single place in the ICDP cohort."""
    world = build_world(build_course)
    world.icdp_cohort.capacity = 1
    world.icdp_cohort.save()
    return world


def overflow(page):
    return page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")


def test_the_alumna_applies_on_her_phone_and_the_trainee_is_told_why_not(
    live_server, phone, world
):
    sign_in(phone, live_server, world.amina)
    phone.goto(url(live_server, "lms:dashboard"))
    section = phone.locator("section.alumna")
    expect(section.get_by_role("heading", level=2)).to_have_text("You are a graduate")
    diploma = section.locator(f"[data-diploma='{world.diploma.code}']")
    expect(diploma).to_contain_text("Grunnopplæring")
    expect(
        diploma.get_by_role("link", name="Its public verification page")
    ).to_be_visible()
    icdp = section.locator(
        f".alumna-tracks--open [data-track='{world.icdp.translation_key}']"
    )
    expect(icdp.get_by_role("button", name="Apply for “ICDP-veileder”")).to_be_visible()
    assert overflow(phone) <= 0

    # She reads about the track first and writes the coordinator a line.
    icdp.get_by_role("link", name="ICDP-veileder").click()
    expect(phone.locator("h1")).to_have_text("ICDP-veileder")
    box = phone.locator(".track-apply")
    box.locator("textarea[name=message]").fill(MESSAGE)
    box.get_by_role("button", name=nb("Apply"), exact=True).click()
    expect(phone.locator(".messages")).to_contain_text(
        nb(
            "Your application to “%(course)s” has been sent. The coordinator "
            "will let you know.",
            course="ICDP-veileder",
        )
    )
    application = TrackApplication.objects.get(user=world.amina)
    assert application.message == MESSAGE
    assert application.status == ApplicationStatus.APPLIED

    phone.goto(url(live_server, "lms:my_applications"))
    row = phone.locator(f"tr[data-application='{application.pk}']")
    expect(row).to_contain_text("ICDP-veileder")
    expect(row.locator(".status")).to_have_text("Applied")
    expect(row.get_by_role("button", name="Withdraw")).to_be_visible()
    assert overflow(phone) <= 0

    # Hodan has no diploma yet: the same track is closed, and she is told why.
    phone.context.clear_cookies()
    sign_in(phone, live_server, world.hodan)
    phone.goto(f"{live_server.url}{world.icdp.url}")
    closed = phone.locator(".track-apply")
    expect(closed.locator(".reason")).to_have_text(
        nb("You need the diploma of “%(course)s” first.", course="Grunnopplæring")
    )
    expect(closed.get_by_role("button")).to_have_count(0)
    expect(phone.locator("form[action*='/apply/']")).to_have_count(0)


def test_the_coordinator_accepts_her_and_a_full_group_puts_the_next_on_its_list(
    live_server, phone, desk, world
):
    sahra = graduate(world, "sahra")
    for alumna in (world.amina, sahra):
        sign_in(phone, live_server, alumna)
        phone.goto(url(live_server, "lms:dashboard"))
        phone.locator(".alumna-tracks--open").get_by_role(
            "button", name="Apply for “ICDP-veileder”"
        ).click()
        expect(phone.locator(".alumna-tracks--closed")).to_contain_text(
            "You applied on"
        )
        phone.context.clear_cookies()
    amina_applied, sahra_applied = TrackApplication.objects.order_by("applied_at")
    assert amina_applied.user == world.amina and sahra_applied.user == sahra

    sign_in(desk, live_server, world.coordinator)
    desk.goto(url(live_server, "lms:dashboard"))
    desk.get_by_role("link", name="Applications for continuing education").click()
    track = desk.locator(f"[data-track='{world.icdp.translation_key}']")
    expect(track.locator(".track-cohorts")).to_contain_text("0 of 1 places taken")
    amina = track.locator(f".applications--new [data-application='{amina_applied.pk}']")
    expect(amina).to_contain_text("Amina")
    expect(amina.get_by_role("combobox", name="Group")).to_contain_text(
        "ICDP Alna (Alna) – 1 place free"
    )
    amina.get_by_role("button", name="Accept into the group").click()
    expect(
        desk.get_by_text("Amina is enrolled in the group “ICDP Alna”.")
    ).to_be_visible()
    expect(track.locator(".track-cohorts")).to_contain_text("1 of 1 places taken")
    assert (
        Enrollment.objects.get(cohort=world.icdp_cohort, user=world.amina).status
        == EnrollmentStatus.ACTIVE
    )

    # Amina, still on her phone, reloads and finds herself in the group.
    sign_in(phone, live_server, world.amina)
    phone.goto(url(live_server, "lms:my_applications"))
    phone.reload()
    row = phone.locator(f"tr[data-application='{amina_applied.pk}']")
    expect(row.locator(".status")).to_have_text("Accepted")
    expect(row).to_contain_text("ICDP Alna (Alna)")
    phone.goto(url(live_server, "lms:dashboard"))
    expect(
        phone.locator(
            f".alumna-tracks--closed [data-track='{world.icdp.translation_key}']"
        )
    ).to_contain_text("You are already in the group “ICDP Alna”.")

    # The only place is taken: Sahra goes to the waiting list, numbered.
    sahra_row = track.locator(f"[data-application='{sahra_applied.pk}']")
    sahra_row.get_by_role("button", name="Accept into the group").click()
    expect(
        desk.get_by_text("The group “ICDP Alna” is full: Sahra is on its waiting list.")
    ).to_be_visible()
    waiting = track.locator(
        f".applications--waiting [data-application='{sahra_applied.pk}']"
    )
    expect(waiting.locator(".position")).to_have_text("No. 1")
    expect(waiting).to_contain_text("waiting for “ICDP Alna”")
    expect(track.locator(".applications--new")).to_have_count(0)
    assert (
        Enrollment.objects.get(cohort=world.icdp_cohort, user=sahra).status
        == EnrollmentStatus.WAITLISTED
    )


def test_her_section_in_arabic_reads_right_to_left_without_sideways_scroll(
    live_server, phone, world, translate, home
):
    translate(home, "ar", title="بيدلسموذره أوسلو")
    translate(world.base, "ar", title="التدريب الأساسي")
    translate(world.icdp, "ar", title="مرشدة ICDP")
    sign_in(phone, live_server, world.amina)
    phone.goto(url(live_server, "lms:dashboard", language="ar"))
    assert phone.url.startswith(f"{live_server.url}/ar/")
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    section = phone.locator("section.alumna")
    expect(section).to_be_visible()
    expect(section).to_contain_text("مرشدة ICDP")
    assert (
        phone.evaluate(
            "getComputedStyle(document.querySelector('section.alumna')).direction"
        )
        == "rtl"
    )
    assert overflow(phone) <= 0
    # Every line of the section stays inside the screen.
    widest = phone.evaluate(
        """Math.max(...[...document.querySelectorAll('section.alumna *')]
            .map(e => e.getBoundingClientRect().right))"""
    )
    assert widest <= 360
