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
