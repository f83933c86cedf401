"""Completion and diplomas: who sees a checklist, grants exceptions, issues,
revokes and downloads diplomas. The verification page is public and needs
no rule: it shows only what the diploma prints."""

from lms.models import Chapter, CohortStaff
from lms.permissions.base import _anonymous
from lms.permissions.cohorts import user_can_follow_cohort, user_can_manage_cohort


def user_can_view_checklist(user, enrollment) -> bool:
    """Her own checklist, or the staff of her cohort (coordinators and
    supervisors) and superusers."""
    if _anonymous(user):
        return False
    if enrollment.user_id == user.pk:
        return True
    return user_can_follow_cohort(user, enrollment.cohort)


def user_can_view_cohort_completion(user, cohort) -> bool:
    """The cohort's completion overview: its coordinators and supervisors."""
    return not _anonymous(user) and user_can_follow_cohort(user, cohort)


def user_can_grant_exception(user, enrollment) -> bool:
    """Excuse an absence or waive a requirement: coordinators of her cohort's
    chapter (or of the cohort) and superusers, never for herself."""
    if _anonymous(user) or enrollment.user_id == user.pk and not user.is_superuser:
        return False
    return user_can_manage_cohort(user, enrollment.cohort)


def user_can_issue_diplomas(user, cohort) -> bool:
    """Issue (and revoke) a cohort's diplomas: its coordinators, superusers."""
    return not _anonymous(user) and user_can_manage_cohort(user, cohort)


def user_can_revoke_diploma(user, diploma) -> bool:
    enrollment = diploma.enrollment
    if _anonymous(user):
        return False
    if enrollment is None:
        return user.is_superuser
    return user_can_manage_cohort(user, enrollment.cohort)


def user_can_download_diploma(user, diploma) -> bool:
    """The PDF: its holder, and staff of her chapter (its coordinators and the
    staff of her cohort), and superusers. Nobody else, whatever the id."""
    if _anonymous(user):
        return False
    if user.is_superuser or (diploma.user_id and diploma.user_id == user.pk):
        return True
    enrollment = diploma.enrollment
    if enrollment is None:
        return False
    cohort = enrollment.cohort
    return (
        Chapter.objects.filter(pk=cohort.chapter_id, coordinators=user).exists()
        or CohortStaff.objects.filter(cohort=cohort, user=user).exists()
    )
