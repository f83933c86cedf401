"""Homework and its reviews.

A trainee reads her own submissions (draft included) and the *released*
reviews of them. Staff never see a draft she has not handed in, nor a review
draft unless they supervise the cohort: supervisors of the cohort read and
review; its coordinators read (not review); lecturers see no homework.
"""

from django.db.models import Q

from lms.models import Cohort, Submission
from lms.permissions.base import LEARNING, _anonymous
from lms.permissions.cohorts import managed_cohorts, supervised_cohorts


def readable_submissions_filter(user) -> Q:
    if _anonymous(user):
        return Q(pk__in=[])
    return Q(enrollment__user=user) | Q(
        submitted_at__isnull=False,
        enrollment__cohort__in=Cohort.objects.filter(
            Q(pk__in=supervised_cohorts(user).values("pk"))
            | Q(pk__in=managed_cohorts(user).values("pk"))
        ),
    )


def readable_submissions(user):
    return Submission.objects.filter(readable_submissions_filter(user))


def user_can_read_submission(user, submission) -> bool:
    if _anonymous(user):
        return False
    if submission.enrollment.user_id == user.pk:
        return True
    return readable_submissions(user).filter(pk=submission.pk).exists()


def user_owns_submission(user, submission) -> bool:
    """Her own homework (she may read it even after leaving the group)."""
    return not _anonymous(user) and submission.enrollment.user_id == user.pk


def user_can_work_on_submission(user, submission) -> bool:
    """Only the trainee herself, while she is in the group, edits her draft
    and hands it in."""
    return (
        user_owns_submission(user, submission)
        and submission.enrollment.status in LEARNING
    )


def reviewable_submissions(user):
    """Handed-in homework of the cohorts a user supervises."""
    return Submission.objects.filter(
        submitted_at__isnull=False,
        enrollment__cohort__in=supervised_cohorts(user),
        enrollment__status__in=LEARNING,
    )


def user_can_review_submission(user, submission) -> bool:
    if _anonymous(user) or submission.enrollment.user_id == user.pk:
        return False
    return reviewable_submissions(user).filter(pk=submission.pk).exists()


def user_sees_review_drafts(user, submission) -> bool:
    """Review drafts are for the cohort's supervisors, never the trainee."""
    return user_can_review_submission(user, submission)
