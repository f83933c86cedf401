"""Who sees what: the rules of lms.permissions, denials first."""

import pytest
from django.utils import timezone

from lms import permissions
from lms.choices import EnrollmentStatus, StaffRole
from tests.factories.lms import (
    ChapterFactory,
    CohortFactory,
    CohortStaffFactory,
    EnrollmentFactory,
    ReflectionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(cohort_with_sessions):
    w = cohort_with_sessions
    other_chapter = ChapterFactory(name="Grorud")
    w.other_cohort = CohortFactory(course=w.course, chapter=other_chapter)
    w.other_trainee = EnrollmentFactory(cohort=w.other_cohort)
    w.other_supervisor = CohortStaffFactory(
        cohort=w.other_cohort, role=StaffRole.SUPERVISOR
    ).user
    w.admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    return w


def test_trainee_sees_only_her_own_cohort(world):
    amina = world.enrollments[0].user
    assert list(permissions.visible_cohorts(amina)) == [world.cohort]
    assert not permissions.user_can_view_cohort(amina, world.other_cohort)


def test_waitlisted_or_withdrawn_trainee_does_not_see_the_cohort(world):
    for status in (EnrollmentStatus.WAITLISTED, EnrollmentStatus.WITHDRAWN):
        enrollment = EnrollmentFactory(cohort=world.cohort, status=status)
        assert not permissions.user_can_view_cohort(enrollment.user, world.cohort)


def test_coordinator_manages_only_her_chapter(world):
    assert permissions.user_can_manage_cohort(world.coordinator, world.cohort)
    assert not permissions.user_can_manage_cohort(world.coordinator, world.other_cohort)
    assert list(permissions.managed_cohorts(world.coordinator)) == [world.cohort]


def test_supervisor_and_trainee_do_not_manage(world):
    for user in (world.supervisor, world.enrollments[0].user, world.lecturer):
        assert not permissions.user_can_manage_cohort(user, world.cohort)


def test_lecturer_sees_only_the_sessions_she_lectures(world):
    visible = list(permissions.visible_sessions(world.lecturer))
    assert visible == [world.sessions[0]]
    assert not permissions.user_can_view_session(world.lecturer, world.sessions[1])


def test_anonymous_sees_nothing(world):
    from django.contrib.auth.models import AnonymousUser

    nobody = AnonymousUser()
    assert not permissions.visible_cohorts(nobody).exists()
    assert not permissions.visible_sessions(nobody).exists()
    assert not permissions.readable_reflections(nobody).exists()


def test_private_reflection_is_readable_by_its_author_alone(world):
    enrollment = world.enrollments[0]
    reflection = ReflectionFactory(enrollment=enrollment)
    assert permissions.user_can_read_reflection(enrollment.user, reflection)
    for reader in (
        world.supervisor,
        world.coordinator,
        world.lecturer,
        world.admin,
        world.enrollments[1].user,
    ):
        assert not permissions.user_can_read_reflection(reader, reflection)
        assert reflection not in permissions.readable_reflections(reader)


def test_shared_reflection_reaches_her_cohorts_supervisors_only(world):
    enrollment = world.enrollments[0]
    reflection = ReflectionFactory(enrollment=enrollment, shared_at=timezone.now())
    assert permissions.user_can_read_reflection(world.supervisor, reflection)
    for reader in (
        world.other_supervisor,
        world.coordinator,
        world.lecturer,
        world.admin,
        world.enrollments[1].user,
    ):
        assert not permissions.user_can_read_reflection(reader, reflection)


def test_only_the_author_may_edit(world):
    reflection = ReflectionFactory(
        enrollment=world.enrollments[0], shared_at=timezone.now()
    )
    assert permissions.user_can_edit_reflection(world.enrollments[0].user, reflection)
    assert not permissions.user_can_edit_reflection(world.supervisor, reflection)


def test_screening_notes_are_for_coordinators(world):
    enrollment = world.enrollments[0]
    assert permissions.user_can_read_screening_notes(world.coordinator, enrollment)
    assert not permissions.user_can_read_screening_notes(world.supervisor, enrollment)
    assert not permissions.user_can_read_screening_notes(enrollment.user, enrollment)
