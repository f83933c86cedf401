"""The attendance register: coordinators mark each trainee, on a phone."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from lms.choices import AttendanceStatus, EnrollmentStatus, StaffRole
from lms.models import Attendance
from tests.factories.lms import (
    ChapterFactory,
    CohortFactory,
    CohortStaffFactory,
    EnrollmentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def url(name, *args):
    # English pages: the assertions read the source strings.
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def w(cohort_with_sessions):
    w = cohort_with_sessions
    w.session = w.sessions[1]  # held last week
    w.register = url("lms:attendance", w.session.pk)
    return w


def marks(session):
    return dict(
        Attendance.objects.filter(session=session).values_list(
            "enrollment__user__username", "status"
        )
    )


def test_register_lists_every_active_trainee_with_three_choices(client, w):
    EnrollmentFactory(
        cohort=w.cohort,
        user=UserFactory(username="gone", first_name="Borte"),
        status=EnrollmentStatus.WITHDRAWN,
    )
    client.force_login(w.coordinator)
    response = client.get(w.register)
    html = response.content.decode()
    assert response.status_code == 200
    for enrollment in w.enrollments:
        assert html.count(f'name="status-{enrollment.pk}"') == 3
    assert "Borte" not in html
    assert "attendance.js" in html


def test_register_saves_as_a_plain_form_and_can_be_corrected(client, w):
    amina, hodan = w.enrollments
    client.force_login(w.coordinator)
    response = client.post(
        w.register,
        {f"status-{amina.pk}": "present", f"status-{hodan.pk}": "absent"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == w.register
    assert "The register is saved." in response.content.decode()
    assert marks(w.session) == {"amina": "present", "hodan": "absent"}
    # The page shows what was saved.
    html = response.content.decode()
    assert f'name="status-{amina.pk}" value="present" checked' in html
    # Later she learns Hodan had sent word: corrected, not duplicated.
    client.post(w.register, {f"status-{hodan.pk}": "excused"})
    assert marks(w.session) == {"amina": "present", "hodan": "excused"}
    assert Attendance.objects.filter(session=w.session).count() == 2
    assert (
        Attendance.objects.get(enrollment=hodan, session=w.session).recorded_by
        == w.coordinator
    )


def test_one_mark_at_a_time_for_the_script(client, w):
    amina = w.enrollments[0]
    client.force_login(w.coordinator)
    response = client.post(
        w.register, {"enrollment": amina.pk, "status": "excused"}, **JSON
    )
    assert response.status_code == 200
    assert response.json()["ok"] is True
    # A double tap sends it twice: still one record.
    client.post(w.register, {"enrollment": amina.pk, "status": "excused"}, **JSON)
    assert marks(w.session) == {"amina": "excused"}


def test_bad_marks_get_a_clear_message_and_change_nothing(client, w):
    amina = w.enrollments[0]
    stranger = EnrollmentFactory(cohort=CohortFactory(course=w.course))
    client.force_login(w.coordinator)
    for data in (
        {"enrollment": amina.pk, "status": "maybe"},
        {"enrollment": stranger.pk, "status": "present"},
        {"enrollment": "x", "status": "present"},
    ):
        response = client.post(w.register, data, **JSON)
        assert response.status_code == 400
        assert response.json()["error"]
    assert marks(w.session) == {}


def test_trainee_who_joined_later_is_shown_but_does_not_count(client, w):
    late = EnrollmentFactory(
        cohort=w.cohort,
        user=UserFactory(username="late", first_name="Sent"),
        enrolled_on=datetime.date.today(),
    )
    client.force_login(w.coordinator)
    html = client.get(w.register).content.decode()
    assert "Sent" in html
    assert "Joined later" in html
    assert f'name="status-{late.pk}"' not in html
    response = client.post(
        w.register, {"enrollment": late.pk, "status": "present"}, **JSON
    )
    assert response.status_code == 400
    client.post(w.register, {f"status-{late.pk}": "present"})
    assert "late" not in marks(w.session)


def test_register_is_refused_to_everyone_but_the_cohorts_coordinators(client, w):
    amina = w.enrollments[0]
    other_coordinator = UserFactory(username="grorud-coordinator")
    ChapterFactory(name="Grorud").coordinators.add(other_coordinator)
    staff_coordinator = CohortStaffFactory(
        cohort=CohortFactory(course=w.course), role=StaffRole.COORDINATOR
    ).user
    for user in (
        amina.user,
        w.supervisor,
        w.lecturer,
        other_coordinator,
        staff_coordinator,
    ):
        client.force_login(user)
        assert client.get(w.register).status_code == 403, user
        response = client.post(w.register, {f"status-{amina.pk}": "absent"})
        assert response.status_code == 403
        response = client.post(
            w.register, {"enrollment": amina.pk, "status": "absent"}, **JSON
        )
        assert response.status_code == 403
    client.logout()
    response = client.get(w.register)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert marks(w.session) == {}


def test_superuser_and_a_cohort_staff_coordinator_may_take_it(client, w):
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    helper = CohortStaffFactory(cohort=w.cohort, role=StaffRole.COORDINATOR).user
    for user in (admin, helper):
        client.force_login(user)
        assert client.get(w.register).status_code == 200


def test_register_queries_do_not_grow_with_the_group(client, w):
    client.force_login(w.coordinator)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(w.register).status_code == 200
        return len(ctx)

    for _ in range(3):
        EnrollmentFactory(cohort=w.cohort)
    small = count()
    for _ in range(35):
        e = EnrollmentFactory(cohort=w.cohort)
        Attendance.objects.create(
            enrollment=e, session=w.session, status=AttendanceStatus.PRESENT
        )
    assert w.cohort.enrollments.count() == 40
    assert count() == small


def test_cohort_sessions_link_to_their_registers(client, w):
    client.force_login(w.coordinator)
    page = url("lms:cohort_sessions", w.cohort.pk)
    html = client.get(page).content.decode()
    for session in w.sessions:
        assert url("lms:attendance", session.pk) in html
    assert "Register not taken yet" in html
    for user in (w.supervisor, w.lecturer, w.enrollments[0].user):
        client.force_login(user)
        assert client.get(page).status_code == 403


def test_cohort_sessions_name_each_evenings_lecturers_in_constant_queries(client, w):
    from tests.factories.lms import UserFactory

    client.force_login(w.coordinator)
    page = url("lms:cohort_sessions", w.cohort.pk)

    def count():
        client.get(page)
        with CaptureQueriesContext(connection) as ctx:
            html = client.get(page).content.decode()
        return len(ctx.captured_queries), html

    few, _html = count()
    for n, session in enumerate(w.sessions):
        session.lecturers.add(
            UserFactory(first_name=f"Foreleser{n}", last_name="Berg"), w.lecturer
        )
    many, html = count()
    assert many == few
    for n in range(len(w.sessions)):
        assert f"Foreleser{n} Berg" in html


def test_everyone_present_then_the_exceptions(client, w):
    """One tap marks everyone still unmarked present; a mark already taken
    stays, someone who joined later is not marked, and she then corrects
    the one who was not there."""
    amina, hodan = w.enrollments
    late = EnrollmentFactory(
        cohort=w.cohort,
        user=UserFactory(username="late", first_name="Sent"),
        enrolled_on=datetime.date.today(),
    )
    client.force_login(w.coordinator)
    assert "Everyone present" in client.get(w.register).content.decode()
    client.post(w.register, {f"status-{hodan.pk}": "excused"})
    response = client.post(w.register, {"everyone_present": "1"}, follow=True)
    assert "1 trainee marked present" in response.content.decode()
    assert marks(w.session) == {"amina": "present", "hodan": "excused"}
    assert not Attendance.objects.filter(enrollment=late).exists()
    again = client.post(w.register, {"everyone_present": "1"}, follow=True)
    assert "Everyone already has a mark." in again.content.decode()
    client.post(w.register, {f"status-{amina.pk}": "absent"})
    assert marks(w.session) == {"amina": "absent", "hodan": "excused"}


def test_only_the_coordinator_marks_everyone_present(client, w):
    client.force_login(w.supervisor)
    assert client.post(w.register, {"everyone_present": "1"}).status_code == 403
    assert marks(w.session) == {}
