"""Quizzes: who takes them, who reads sittings, who marks written answers.

A trainee takes a quiz placed in a module of a course her active group
takes, once the module is open to her, unless the quiz is a draft (where it
is placed is checked by :func:`lms.quizzes.is_placed_in`). She reads only
her own sittings. The supervisors and coordinators of a group read its
trainees' sittings (coordinators within their chapters); its supervisors
mark the written answers. Lecturers see no sittings.
"""

from django.db.models import Q

from lms.choices import EnrollmentStatus
from lms.models import Answer, Cohort, Sitting
from lms.permissions.base import LEARNING, _anonymous
from lms.permissions.cohorts import managed_cohorts, supervised_cohorts


def may_take_quiz(user, quiz, review) -> bool:
    """`quiz` is the quiz's source copy; `review` what
    lms.progress.module_review found for her in the module that places it
    (None: not learning in its course)."""
    return (
        not _anonymous(user)
        and quiz is not None
        and not quiz.draft
        and review is not None
        and review.enrollment.user_id == user.pk
        and review.enrollment.status == EnrollmentStatus.ACTIVE
        and review.is_open
    )


def user_owns_sitting(user, sitting) -> bool:
    return not _anonymous(user) and sitting.user_id == user.pk


def user_can_answer_in_sitting(user, sitting) -> bool:
    """Her own open sitting, while she is active in the group it was
    started in (a trainee who left keeps reading her results)."""
    return (
        user_owns_sitting(user, sitting)
        and not sitting.complete
        and (
            sitting.enrollment_id is None
            or sitting.enrollment.status == EnrollmentStatus.ACTIVE
        )
    )


def _followed_cohorts(user):
    """Groups whose sittings a member of staff reads: those she supervises,
    and those she runs as coordinator (her chapters'; every group for a
    superuser)."""
    return Cohort.objects.filter(
        Q(pk__in=supervised_cohorts(user).values("pk"))
        | Q(pk__in=managed_cohorts(user).values("pk"))
    )


def staff_sittings_filter(user) -> Q:
    """Sittings of other people a member of staff may read ("view sittings")."""
    if _anonymous(user):
        return Q(pk__in=[])
    return Q(enrollment__cohort__in=_followed_cohorts(user)) & ~Q(user=user)


def viewable_sittings_filter(user) -> Q:
    if _anonymous(user):
        return Q(pk__in=[])
    return Q(user=user) | staff_sittings_filter(user)


def viewable_sittings(user):
    return Sitting.objects.filter(viewable_sittings_filter(user))


def staff_sittings(user):
    return Sitting.objects.filter(staff_sittings_filter(user))


def user_can_view_sitting(user, sitting) -> bool:
    if _anonymous(user):
        return False
    if sitting.user_id == user.pk:
        return True
    return staff_sittings(user).filter(pk=sitting.pk).exists()


def quiz_result_cohorts(user):
    """The groups a member of staff follows quiz results of."""
    if _anonymous(user):
        return Cohort.objects.none()
    return _followed_cohorts(user)


def user_can_view_quiz_results(user) -> bool:
    return quiz_result_cohorts(user).exists()


def markable_answers_filter(user) -> Q:
    """Written answers a supervisor marks: in finished or open sittings of
    trainees learning in a group she supervises, never her own."""
    if _anonymous(user):
        return Q(pk__in=[])
    return (
        Q(
            sitting__enrollment__cohort__in=supervised_cohorts(user),
            sitting__enrollment__status__in=LEARNING,
        )
        & ~Q(text="")
        & ~Q(sitting__user=user)
    )


def markable_answers(user):
    return Answer.objects.filter(markable_answers_filter(user))


def user_can_mark_answer(user, answer) -> bool:
    if _anonymous(user) or answer.sitting.user_id == user.pk:
        return False
    return markable_answers(user).filter(pk=answer.pk).exists()
