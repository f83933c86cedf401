"""Who may see and do what. Every view goes through these rules.

Each rule comes twice where lists are involved: ``user_can_...(user, obj)`` for
one object and ``..._filter(user) -> Q`` for querysets, so a list and its
detail pages never disagree. Superusers administer the site but are *not*
readers of private reflections: a reflection nobody shared is readable by its
author alone.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q
from django.utils import timezone

from lms.choices import EnrollmentStatus, MaterialVisibility, RoleGroup, StaffRole
from lms.models import (
    Chapter,
    Cohort,
    Enrollment,
    LecturerInvitation,
    Material,
    Reflection,
    Session,
    Submission,
)

LEARNING = [EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED]
# In a group now or about to be: what makes a cohort "hers" for sign-in links.
CURRENT = [
    EnrollmentStatus.APPLICANT,
    EnrollmentStatus.WAITLISTED,
    EnrollmentStatus.ACTIVE,
]


def _anonymous(user) -> bool:
    return user is None or not user.is_authenticated


# --- cohorts -----------------------------------------------------------------


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


# --- accounts ----------------------------------------------------------------


def trainee_only_users_filter() -> Q:
    """Accounts with no power beyond their own learning.

    Only these may be enrolled from the admin or get a sign-in link: otherwise
    a coordinator could enrol a superuser or a colleague and sign in as her.
    """
    return Q(is_superuser=False, is_staff=False) & ~Q(pk__in=_privileged_user_ids())


def _privileged_user_ids():
    return (
        get_user_model()
        .objects.filter(
            Q(coordinated_chapters__isnull=False)
            | Q(cohort_roles__isnull=False)
            | Q(lectured_sessions__isnull=False)
            | Q(user_permissions__isnull=False)
            # Any group but Trainee: Editors, Moderators, Coordinator...
            | Q(groups__in=Group.objects.exclude(name=RoleGroup.TRAINEE.value))
        )
        .values("pk")
    )


def trainee_only_users():
    return get_user_model().objects.filter(trainee_only_users_filter())


def enrollable_users(user):
    """Accounts a person may put in a cohort from the admin.

    Superusers: any trainee-only account. A coordinator: only trainee-only
    accounts that already belong to a cohort she runs, and none that is
    currently in a cohort of someone else's (new trainees she creates with
    "Add trainee"). Otherwise she could enrol another chapter's woman, make
    her a sign-in link and sign in as her.
    """
    if _anonymous(user):
        return get_user_model().objects.none()
    accounts = trainee_only_users()
    if user.is_superuser:
        return accounts
    mine = managed_cohorts(user)
    return accounts.filter(
        pk__in=Enrollment.objects.filter(cohort__in=mine).values("user_id")
    ).exclude(
        pk__in=Enrollment.objects.filter(status__in=CURRENT)
        .exclude(cohort__in=mine)
        .values("user_id")
    )


def user_can_make_sign_in_link(user, account) -> bool:
    """A sign-in link for `account` is made only by a coordinator of a cohort
    she is currently in (applicant, waiting or active), and only while the
    account may get one at all (may_get_sign_in_link)."""
    if _anonymous(user) or not may_get_sign_in_link(account):
        return False
    return Enrollment.objects.filter(
        user=account, status__in=CURRENT, cohort__in=managed_cohorts(user)
    ).exists()


def may_get_sign_in_link(user) -> bool:
    """A one-time link is for a trainee's *first* sign-in only.

    Once she has signed in, nobody may mint a way into her account: it would
    let a coordinator read her private reflections.
    """
    return (
        user.is_active
        and user.last_login is None
        and trainee_only_users().filter(pk=user.pk).exists()
    )


def pickable_staff(user):
    """Coordinator and supervisor accounts a person may add to a cohort's
    staff: superusers any (never a superuser); a coordinator only those who
    already work in her chapters (staff of a cohort she runs, or a
    coordinator of one of her chapters)."""
    staff = get_user_model().objects.filter(
        is_superuser=False,
        groups__name__in=[RoleGroup.COORDINATOR.value, RoleGroup.SUPERVISOR.value],
    )
    if _anonymous(user):
        return staff.none()
    if not user.is_superuser:
        mine = managed_cohorts(user)
        staff = staff.filter(
            Q(cohort_roles__cohort__in=mine)
            | Q(coordinated_chapters__in=managed_chapters(user))
            | Q(coordinated_chapters__cohorts__in=mine)
        )
    return get_user_model().objects.filter(pk__in=staff.values("pk"))


def pickable_lecturers(user):
    """Lecturer accounts a person may put on a session: superusers any
    Lecturer-group account; a coordinator those invited to, or lecturing, a
    session of a cohort she runs. Never a superuser."""
    lecturers = get_user_model().objects.filter(
        is_superuser=False, groups__name=RoleGroup.LECTURER.value
    )
    if _anonymous(user):
        return lecturers.none()
    if not user.is_superuser:
        mine = managed_cohorts(user)
        invited = LecturerInvitation.objects.filter(sessions__cohort__in=mine)
        lecturers = lecturers.filter(
            Q(lectured_sessions__cohort__in=mine) | Q(pk__in=invited.values("user_id"))
        )
    return get_user_model().objects.filter(pk__in=lecturers.values("pk"))


# --- enrollments -------------------------------------------------------------


def user_can_read_screening_notes(user, enrollment) -> bool:
    return user_can_manage_cohort(user, enrollment.cohort)


# --- reflections -------------------------------------------------------------


def readable_reflections_filter(user) -> Q:
    """Her own reflections, and shared ones of cohorts a user supervises."""
    if _anonymous(user):
        return Q(pk__in=[])
    return Q(author=user) | Q(
        shared_at__isnull=False, enrollment__cohort__in=supervised_cohorts(user)
    )


def readable_reflections(user):
    return Reflection.objects.filter(readable_reflections_filter(user))


def user_can_read_reflection(user, reflection) -> bool:
    if _anonymous(user):
        return False
    if reflection.author_id == user.pk:
        return True
    return readable_reflections(user).filter(pk=reflection.pk).exists()


def user_can_edit_reflection(user, reflection) -> bool:
    """Only the author writes, shares, withdraws or deletes her reflection."""
    return not _anonymous(user) and reflection.author_id == user.pk


# --- homework ----------------------------------------------------------------
#
# A trainee reads her own submissions (draft included) and the *released*
# reviews of them. Staff never see a draft she has not handed in, nor a review
# draft unless they supervise the cohort: supervisors of the cohort read and
# review; its coordinators read (not review); lecturers see no homework.


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


# --- lecturers: briefings and material ------------------------------------------
#
# A briefing is read by the session's lecturers and the cohort's coordinators;
# coordinators write it, lecturers add notes. Material is added by the
# session's lecturers or the cohort's coordinators, and reaches the cohort's
# learning trainees right away or once the session is held.


def lectured_sessions(user):
    if _anonymous(user):
        return Session.objects.none()
    return Session.objects.filter(lecturers=user)


def user_lectures_session(user, session) -> bool:
    return lectured_sessions(user).filter(pk=session.pk).exists()


def user_can_read_briefing(user, session) -> bool:
    return user_lectures_session(user, session) or user_can_manage_cohort(
        user, session.cohort
    )


def user_can_edit_briefing(user, session) -> bool:
    return user_can_manage_cohort(user, session.cohort)


def user_can_add_material(user, session) -> bool:
    return user_can_read_briefing(user, session)


def visible_materials_filter(user, *, now=None) -> Q:
    """Materials a user may see: staff of the session, or the cohort's
    trainees once it is for them (right away, or after the held session)."""
    if _anonymous(user):
        return Q(pk__in=[])
    now = now or timezone.now()
    released = Q(visibility=MaterialVisibility.IMMEDIATELY) | Q(
        session__starts_at__lte=now, session__cancelled=False
    )
    learning = Q(
        session__cohort__in=Cohort.objects.filter(
            enrollments__user=user, enrollments__status__in=LEARNING
        )
    )
    return (
        Q(session__lecturers=user)
        | Q(session__cohort__in=managed_cohorts(user))
        | (learning & released)
    )


def visible_materials(user):
    return Material.objects.filter(
        pk__in=Material.objects.filter(visible_materials_filter(user)).values("pk")
    )


def user_can_view_material(user, material) -> bool:
    return visible_materials(user).filter(pk=material.pk).exists()


def user_can_remove_material(user, material) -> bool:
    """Whoever added it, and the cohort's coordinators."""
    if _anonymous(user):
        return False
    return material.added_by_id == user.pk or user_can_manage_cohort(
        user, material.session.cohort
    )
