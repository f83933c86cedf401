"""A running cohort (tests/conftest.py cohort_with_sessions: 4 modules, 2
sessions held, 2 still to come) and helpers to mark what trainees did."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from lms.choices import AttendanceStatus, SubmissionStatus
from lms.models import Attendance
from tests.factories.homework import AssignmentFactory, SubmissionFactory
from tests.helpers import as_user as as_user
from tests.helpers import place as place


def en(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def attend(enrollment, sessions, status=AttendanceStatus.PRESENT):
    for session in sessions:
        Attendance.objects.update_or_create(
            enrollment=enrollment, session=session, defaults={"status": status}
        )


def hand_in(enrollment, assignment, module, status=SubmissionStatus.APPROVED):
    return SubmissionFactory(
        enrollment=enrollment,
        assignment_key=assignment.translation_key,
        module_key=module.translation_key,
        status=status,
        submitted_at=timezone.now(),
    )


@pytest.fixture
def finished(cohort_with_sessions):
    """Every session held (the last ones moved into the past), no quizzes,
    no exercises; attendance needs 80% and one assignment in module 1."""
    world = cohort_with_sessions
    now = timezone.now()
    for n, session in enumerate(world.sessions):
        session.starts_at = now - datetime.timedelta(weeks=4 - n)
        session.save()
    world.cohort.starts_on = (now - datetime.timedelta(weeks=5)).date()
    world.cohort.save()
    for enrollment in world.enrollments:
        enrollment.enrolled_on = world.cohort.starts_on
        enrollment.save()
    world.assignment = AssignmentFactory(title="Lesestund")
    place(world.modules[0], "assignment", world.assignment)
    return world


def complete(world, enrollment):
    """She attended every session and her homework is approved."""
    attend(enrollment, world.sessions)
    hand_in(enrollment, world.assignment, world.modules[0])


@pytest.fixture
def own_private_storage(monkeypatch, tmp_path):
    """Private files (exercise packages, diploma PDFs) go to a folder of the
    test's own; the storage object stays the one model fields hold."""
    from django.core.files.storage import storages

    storage = storages["lms_private"]
    folder = str(tmp_path / "private")
    for name in ("location", "base_location", "_location"):
        monkeypatch.setattr(storage, name, folder)
    return storage
