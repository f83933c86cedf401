"""Enrolment, sign-in links, sessions, attendance and progress services."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from lms import attendance, enrolment, planning, progress
from lms.choices import AttendanceStatus, EnrollmentStatus
from lms.models import Attendance, ModuleProgress, SignInLink
from tests.factories.lms import CohortFactory, ReflectionFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_sign_in_link_works_once(cohort_with_sessions):
    user = cohort_with_sessions.enrollments[0].user
    token = enrolment.create_sign_in_link(user=user).token
    assert enrolment.redeem_sign_in_link(token=token) == user
    assert enrolment.redeem_sign_in_link(token=token) is None


def test_new_sign_in_link_replaces_the_old_one(cohort_with_sessions):
    user = cohort_with_sessions.enrollments[0].user
    old = enrolment.create_sign_in_link(user=user).token
    new = enrolment.create_sign_in_link(user=user).token
    assert enrolment.redeem_sign_in_link(token=old) is None
    assert enrolment.redeem_sign_in_link(token=new) == user


def test_expired_or_wrong_sign_in_link_is_refused(cohort_with_sessions):
    user = cohort_with_sessions.enrollments[0].user
    token = enrolment.create_sign_in_link(user=user).token
    assert enrolment.redeem_sign_in_link(token="nope") is None
    SignInLink.objects.update(expires_at=timezone.now() - datetime.timedelta(1))
    assert enrolment.redeem_sign_in_link(token=token) is None


def test_proposed_sessions_are_weekly_one_per_module(cohort_with_sessions):
    w = cohort_with_sessions
    first = timezone.make_aware(
        datetime.datetime.combine(w.cohort.starts_on, datetime.time(18))
    )
    proposed = planning.propose_sessions(
        cohort=w.cohort, modules=w.modules, first_starts_at=first, place="Huset"
    )
    assert [s.module for s in proposed] == list(w.modules)
    assert [s.starts_at - first for s in proposed] == [
        datetime.timedelta(weeks=n) for n in range(4)
    ]


def test_session_before_the_cohort_starts_is_refused(cohort_with_sessions):
    w = cohort_with_sessions
    early = timezone.make_aware(
        datetime.datetime.combine(
            w.cohort.starts_on - datetime.timedelta(days=1), datetime.time(18)
        )
    )
    proposed = planning.propose_sessions(
        cohort=w.cohort, modules=w.modules[:1], first_starts_at=early
    )
    with translation.override("en"), pytest.raises(ValidationError) as error:
        planning.create_sessions(sessions=proposed)
    assert "before the cohort starts" in str(error.value)


def test_attendance_is_corrected_not_duplicated(cohort_with_sessions):
    w = cohort_with_sessions
    enrollment, session = w.enrollments[0], w.sessions[0]
    attendance.record_attendance(
        session=session, enrollment=enrollment, status=AttendanceStatus.ABSENT
    )
    attendance.record_attendance(
        session=session, enrollment=enrollment, status=AttendanceStatus.PRESENT
    )
    assert Attendance.objects.get(enrollment=enrollment, session=session).status == (
        AttendanceStatus.PRESENT
    )


def test_attendance_for_another_cohort_is_refused(cohort_with_sessions):
    w = cohort_with_sessions
    stranger = enrolment.enroll(
        cohort=CohortFactory(course=w.course), user=UserFactory()
    )
    with pytest.raises(ValueError):
        attendance.record_attendance(
            session=w.sessions[0], enrollment=stranger, status="present"
        )


def test_only_sessions_after_enrollment_count(cohort_with_sessions):
    w = cohort_with_sessions
    late = enrolment.enroll(
        cohort=w.cohort,
        user=UserFactory(username="late"),
        enrolled_on=timezone.localdate(w.sessions[1].starts_at),
    )
    assert list(attendance.counted_sessions(late)) == [w.sessions[1]]
    assert list(attendance.counted_sessions(w.enrollments[0])) == w.sessions[:2]
    # Nobody records her at an evening before she joined, whatever calls.
    with pytest.raises(ValueError):
        attendance.record_attendance(
            session=w.sessions[0], enrollment=late, status="present"
        )
    assert not late.attendances.exists()
    attendance.record_attendance(
        session=w.sessions[1], enrollment=late, status="present"
    )


def test_moving_keeps_progress_and_reflections(cohort_with_sessions):
    w = cohort_with_sessions
    enrollment = w.enrollments[0]
    key = w.modules[0].translation_key
    progress.mark_module_reviewed(enrollment=enrollment, module_key=key)
    reflection = ReflectionFactory(enrollment=enrollment, module_key=key)
    moved = enrolment.move_enrollment(
        enrollment=enrollment, to_cohort=CohortFactory(course=w.course)
    )
    enrollment.refresh_from_db()
    reflection.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.WITHDRAWN
    assert reflection.enrollment == moved
    assert ModuleProgress.objects.get(enrollment=moved).reviewed_at


def test_reviewing_twice_keeps_the_first_time(cohort_with_sessions):
    w = cohort_with_sessions
    key = w.modules[0].translation_key
    first = progress.mark_module_reviewed(enrollment=w.enrollments[0], module_key=key)
    again = progress.mark_module_reviewed(enrollment=w.enrollments[0], module_key=key)
    assert again.pk == first.pk and again.reviewed_at == first.reviewed_at


def test_enrolling_makes_her_a_trainee(cohort_with_sessions):
    user = UserFactory()
    enrolment.enroll(cohort=cohort_with_sessions.cohort, user=user)
    assert user.groups.filter(name="Trainee").exists()
