"""Signing in and reaching one's own page: her groups, the next evening, her
progress, what is waiting for her; and links for staff.

Text is checked on the English pages (/en/), whose wording is the source.
"""

import datetime
import html
import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone, translation

from lms import accounts, enrolment, progress
from lms.choices import EnrollmentStatus, StaffRole
from tests.factories.lms import (
    CohortFactory,
    CohortStaffFactory,
    EnrollmentFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def text(response):
    """The page's visible text, whitespace collapsed."""
    body = response.content.decode()
    body = re.sub(r"<script.*?</script>|<[^>]+>", " ", body, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(body))


def test_dashboard_asks_anonymous_visitors_to_log_in(client, home):
    with translation.override("nb"):
        url = reverse("lms:dashboard")
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/nb/login/?next=/nb/my/")


def test_trainee_logs_in_and_lands_on_her_page(client, home):
    get_user_model().objects.create_user(
        "amina", password="s3cret-pass", first_name="Amina"
    )
    response = client.post(
        "/nb/login/", {"username": "amina", "password": "s3cret-pass"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/nb/my/"
    assert "Amina" in response.content.decode()


def test_wrong_password_is_refused_with_a_message(client, home):
    get_user_model().objects.create_user("amina", password="s3cret-pass")
    response = client.post("/nb/login/", {"username": "amina", "password": "nope"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.fixture
def amina(cohort_with_sessions):
    w = cohort_with_sessions
    w.sessions[2].place = "Furuset bibliotek, rom 2"
    w.sessions[2].save()
    w.sessions[2].lecturers.add(
        UserFactory(username="helsesoster", first_name="Sara", last_name="Lie")
    )
    return w.enrollments[0]


def test_she_sees_her_group_next_session_and_progress(
    client, cohort_with_sessions, amina
):
    w = cohort_with_sessions
    progress.mark_module_reviewed(
        enrollment=amina, module_key=w.modules[0].translation_key
    )
    client.force_login(amina.user)
    response = client.get("/en/my/")
    page = text(response)
    assert w.cohort.name in page
    assert w.course.title in page
    # The next evening is module 3 (modules 1 and 2 are held).
    next_session = page.split("Next session")[1] if "Next session" in page else page
    assert w.modules[2].title in next_session
    assert "Furuset bibliotek, rom 2" in page
    assert "Sara Lie" in page
    starts = timezone.localtime(w.sessions[2].starts_at)
    with translation.override("en"):
        assert formats.time_format(starts, "TIME_FORMAT") in page
    # Progress: one of four reviewed; module 2 is held and waits for her.
    assert re.search(r"\b1\D+4\b", page)
    body = response.content.decode()
    assert 'max="4" value="1"' in body
    continue_link = re.search(r'<a class="button continue" href="([^"]+)"', body)
    assert continue_link.group(1) == w.modules[1].url


def test_continue_leads_to_the_last_opened_when_all_open_are_reviewed(
    client, cohort_with_sessions, amina
):
    w = cohort_with_sessions
    for module in w.modules[:2]:
        progress.mark_module_reviewed(
            enrollment=amina, module_key=module.translation_key
        )
    client.force_login(amina.user)
    body = client.get("/en/my/").content.decode()
    continue_link = re.search(r'<a class="button continue" href="([^"]+)"', body)
    assert continue_link.group(1) == w.modules[1].url
    assert 'max="4" value="2"' in body


def test_nothing_to_continue_before_the_first_session(client, build_course):
    course, modules = build_course(modules=2)
    cohort = CohortFactory(course=course, starts_on=timezone.localdate())
    for week, module in enumerate(modules):
        SessionFactory(
            cohort=cohort,
            module=module,
            starts_at=timezone.now() + datetime.timedelta(weeks=week + 1),
        )
    enrollment = EnrollmentFactory(cohort=cohort)
    client.force_login(enrollment.user)
    body = client.get("/en/my/").content.decode()
    assert "data-continue" not in body
    assert modules[0].title in text(client.get("/en/my/")).split("Next session")[1]


def test_open_all_material_opens_every_module(client, cohort_with_sessions, amina):
    w = cohort_with_sessions
    w.cohort.open_all_material = True
    w.cohort.save()
    client.force_login(amina.user)
    page = text(client.get("/en/my/"))
    assert page.count("Ready to review") == 4


def test_held_modules_not_reviewed_are_waiting_for_her(
    client, cohort_with_sessions, amina
):
    w = cohort_with_sessions
    progress.mark_module_reviewed(
        enrollment=amina, module_key=w.modules[0].translation_key
    )
    client.force_login(amina.user)
    body = client.get("/en/my/").content.decode()
    waiting = body.split('id="waiting-heading"')[1].split("</section>")[0]
    assert w.modules[1].title in waiting
    assert w.modules[0].title not in waiting
    assert w.modules[2].title not in waiting  # not held yet


def test_module_titles_follow_her_language(
    client, cohort_with_sessions, amina, translate
):
    w = cohort_with_sessions
    translate(w.modules[2], "ar", title="المرأة والصحة")
    accounts.set_language(user=amina.user, language="ar")
    client.force_login(amina.user)
    response = client.get("/ar/my/")
    assert response.status_code == 200
    next_session = text(response)
    assert "المرأة والصحة" in next_session
    # An untranslated module links to the original.
    assert f'href="{w.modules[1].url}"' in response.content.decode()


def test_dashboard_follows_her_saved_language(client, cohort_with_sessions, amina):
    accounts.set_language(user=amina.user, language="ar")
    client.force_login(amina.user)
    response = client.get("/nb/my/")
    assert response.status_code == 302
    assert response["Location"] == "/ar/my/"


def test_she_never_sees_another_groups_or_anothers_progress(
    client, cohort_with_sessions, amina, build_course
):
    w = cohort_with_sessions
    hodan = w.enrollments[1]
    progress.mark_module_reviewed(
        enrollment=hodan, module_key=w.modules[0].translation_key
    )
    other_course, _ = build_course(modules=2, title="ICDP")
    other = CohortFactory(course=other_course, name="Stovner høst")
    EnrollmentFactory(cohort=other)  # someone else's group
    waitlisted = CohortFactory(course=other_course, name="Grorud vår")
    EnrollmentFactory(
        cohort=waitlisted, user=amina.user, status=EnrollmentStatus.WAITLISTED
    )
    client.force_login(amina.user)
    page = text(client.get("/en/my/"))
    assert "Stovner høst" not in page
    assert "Grorud vår" not in page
    assert re.search(r"\b0\D+4\b", page)  # Hodan's review is not hers


def test_withdrawn_trainee_sees_no_group(client, cohort_with_sessions, amina):
    enrolment.withdraw(enrollment=amina)
    client.force_login(amina.user)
    page = text(client.get("/en/my/"))
    assert cohort_with_sessions.cohort.name not in page
    assert "once you are enrolled" in page


def test_staff_get_links_to_their_groups(client, cohort_with_sessions):
    w = cohort_with_sessions
    for user in (w.coordinator, w.supervisor):
        client.force_login(user)
        page = text(client.get("/en/my/"))
        assert "Groups you work with" in page, user
        assert w.cohort.name in page, user
    # A lecturer and nothing else has one place: her sessions.
    client.force_login(w.lecturer)
    assert client.get("/en/my/")["Location"] == reverse("lms:my_sessions")
    # Who also lectures finds her sessions from the dashboard.
    enrolment.enroll(cohort=w.cohort, user=w.lecturer)
    links = {}
    for user in (w.coordinator, w.supervisor, w.lecturer):
        client.force_login(user)
        staff_part = client.get("/en/my/").content.decode().split('id="staff-heading"')
        links[user] = re.findall(r'href="([^"]+)"', staff_part[1])
    overview = reverse("lms:cohort_overview", args=[w.cohort.pk])
    sessions = reverse("lms:cohort_sessions", args=[w.cohort.pk])
    assert overview in links[w.coordinator] and sessions in links[w.coordinator]
    assert overview in links[w.supervisor] and sessions not in links[w.supervisor]
    assert overview not in links[w.lecturer] and sessions not in links[w.lecturer]
    assert reverse("lms:my_sessions") in links[w.lecturer]
    # Each link opens for the person it is shown to.
    for user, hrefs in links.items():
        client.force_login(user)
        for href in hrefs:
            if href.startswith("/en/staff/"):
                assert client.get(href).status_code == 200, (user, href)


def test_staff_of_another_chapter_and_trainees_get_no_staff_links(
    client, cohort_with_sessions, amina
):
    w = cohort_with_sessions
    outsider = UserFactory(username="coordinator-stovner")
    CohortFactory(course=w.course, name="Stovner").chapter.coordinators.add(outsider)
    CohortStaffFactory(role=StaffRole.SUPERVISOR, cohort=CohortFactory(course=w.course))
    client.force_login(outsider)
    page = text(client.get("/en/my/"))
    assert "Stovner" in page
    assert w.cohort.name not in page
    client.force_login(amina.user)
    assert "Groups you work with" not in text(client.get("/en/my/"))


# --- queries -----------------------------------------------------------------


def dashboard_queries(client, user):
    client.force_login(user)
    client.get("/en/my/")  # warm per-process caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/en/my/")
    assert response.status_code == 200
    return len(ctx.captured_queries)


def running_cohort(build_course, modules, trainees):
    course, pages = build_course(modules=modules)
    cohort = CohortFactory(course=course)
    lecturer = UserFactory()
    now = timezone.now()
    for week, module in enumerate(pages):
        session = SessionFactory(
            cohort=cohort,
            module=module,
            starts_at=now + datetime.timedelta(weeks=week - modules // 2, hours=1),
        )
        session.lecturers.add(lecturer, UserFactory())
    enrollments = [EnrollmentFactory(cohort=cohort) for _ in range(trainees)]
    for enrollment in enrollments:
        for module in pages[: modules // 2]:
            progress.mark_module_reviewed(
                enrollment=enrollment, module_key=module.translation_key
            )
    return enrollments[0].user


def test_dashboard_queries_do_not_grow_with_modules_or_cohort_mates(
    client, build_course
):
    counts = {
        size: dashboard_queries(client, running_cohort(build_course, *size))
        for size in [(4, 2), (16, 2), (4, 20)]
    }
    assert len(set(counts.values())) == 1, counts


def test_a_trainee_dashboard_takes_at_most_12_queries(client, build_course):
    assert dashboard_queries(client, running_cohort(build_course, 16, 20)) <= 12
