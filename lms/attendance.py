"""Attendance: who came to which evening, and which evenings count for her.

Only sessions held on or after a trainee's enrollment date count for (or
against) her attendance.
"""

from django.db import transaction
from django.utils import timezone

from lms.choices import AttendanceStatus
from lms.models import Attendance, Enrollment, Session


@transaction.atomic
def record_attendance(
    *, session: Session, enrollment: Enrollment, status: AttendanceStatus, by=None
) -> Attendance:
    """Set (or correct) one trainee's attendance at one session."""
    if enrollment.cohort_id != session.cohort_id:
        raise ValueError("The trainee is not in this session's cohort")
    if status not in AttendanceStatus.values:
        raise ValueError(f"Unknown attendance status {status!r}")
    if not session_counts_for(enrollment, session):
        # Views never offer it; the rule holds for every caller all the same.
        raise ValueError("The session is before the trainee's enrollment date")
    attendance, _created = Attendance.objects.update_or_create(
        enrollment=enrollment,
        session=session,
        defaults={"status": status, "recorded_by": by},
    )
    return attendance


@transaction.atomic
def mark_unmarked_present(*, session: Session, enrollments, by=None) -> int:
    """ "Everyone present": every trainee of `enrollments` this session counts
    for and who has no mark yet is marked present; marks already taken stay.
    The coordinator then corrects the exceptions. Returns how many."""
    marked = set(
        Attendance.objects.filter(session=session).values_list(
            "enrollment_id", flat=True
        )
    )
    new = [
        Attendance(
            enrollment=enrollment,
            session=session,
            status=AttendanceStatus.PRESENT,
            recorded_by=by,
        )
        for enrollment in enrollments
        if enrollment.cohort_id == session.cohort_id
        and enrollment.pk not in marked
        and session_counts_for(enrollment, session)
    ]
    # A mark taken at the same moment on another phone wins.
    Attendance.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def session_counts_for(enrollment: Enrollment, session: Session) -> bool:
    """Whether `session` counts for her attendance: it is on or after the day
    she was enrolled. The same rule as counted_sessions, for one session."""
    return timezone.localdate(session.starts_at) >= enrollment.enrolled_on


def counted_sessions(enrollment: Enrollment):
    """Held sessions that count for her: on or after her enrollment date."""
    return Session.objects.filter(
        cohort_id=enrollment.cohort_id,
        cancelled=False,
        starts_at__lte=timezone.now(),
        starts_at__date__gte=enrollment.enrolled_on,
    )
