"""Cohorts and their sessions: who runs, follows, supervises or sees them."""

from django.db.models import Q

from lms.choices import StaffRole
from lms.models import Chapter, Cohort, Enrollment, Session
from lms.permissions.base import LEARNING, _anonymous


def managed_cohorts_filter(user) -> Q:
    """Cohorts a user runs: her chapters' cohorts (coordinators), or all."""
    if _anonymous(user):
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    return Q(chapter__coordinators=user) | Q(
        staff__user=user, staff__role=StaffRole.COORDINATOR
    )


def managed_cohorts(user):
    return Cohort.objects.filter(
        pk__in=Cohort.objects.filter(managed_cohorts_filter(user)).values("pk")
    )


def user_can_manage_cohort(user, cohort) -> bool:
    return managed_cohorts(user).filter(pk=cohort.pk).exists()


def managed_chapters(user):
    """Chapters a user may open cohorts in: those she coordinates, or all."""
    if _anonymous(user):
        return Chapter.objects.none()
    if user.is_superuser:
        return Chapter.objects.all()
    return Chapter.objects.filter(coordinators=user)


def user_can_follow_cohort(user, cohort) -> bool:
    """Who sees a cohort's progress overview: its coordinators and supervisors."""
    return (
        user_can_manage_cohort(user, cohort)
        or supervised_cohorts(user).filter(pk=cohort.pk).exists()
    )


def supervised_cohorts(user):
    """Cohorts whose homework and shared reflections a user supervises."""
    if _anonymous(user):
        return Cohort.objects.none()
    return Cohort.objects.filter(
        pk__in=Cohort.objects.filter(
            staff__user=user, staff__role=StaffRole.SUPERVISOR
        ).values("pk")
    )


def visible_cohorts_filter(user) -> Q:
    """Cohorts a user takes part in, in any role."""
    if _anonymous(user):
        return Q(pk__in=[])
    return (
        managed_cohorts_filter(user)
        | Q(staff__user=user)
        | Q(enrollments__user=user, enrollments__status__in=LEARNING)
        | Q(sessions__lecturers=user)
    )


def visible_cohorts(user):
    return Cohort.objects.filter(
        pk__in=Cohort.objects.filter(visible_cohorts_filter(user)).values("pk")
    )


def user_can_view_cohort(user, cohort) -> bool:
    return visible_cohorts(user).filter(pk=cohort.pk).exists()


def learning_enrollments(user):
    """A trainee's own enrollments that give her the course material."""
    if _anonymous(user):
        return Enrollment.objects.none()
    return Enrollment.objects.filter(user=user, status__in=LEARNING)


# --- sessions ----------------------------------------------------------------


def visible_sessions_filter(user) -> Q:
    """Sessions a user may see: a lecturer only those she lectures."""
    if _anonymous(user):
        return Q(pk__in=[])
    return (
        Q(cohort__in=managed_cohorts(user))
        | Q(cohort__staff__user=user)
        | Q(cohort__enrollments__user=user, cohort__enrollments__status__in=LEARNING)
        | Q(lecturers=user)
    )


def visible_sessions(user):
    return Session.objects.filter(
        pk__in=Session.objects.filter(visible_sessions_filter(user)).values("pk")
    )


def user_can_view_session(user, session) -> bool:
    return visible_sessions(user).filter(pk=session.pk).exists()


def user_can_take_attendance(user, session) -> bool:
    """Coordinators of the cohort take the register."""
    return user_can_manage_cohort(user, session.cohort)


def user_can_read_screening_notes(user, enrollment) -> bool:
    return user_can_manage_cohort(user, enrollment.cohort)
