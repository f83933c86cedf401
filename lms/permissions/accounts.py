"""Accounts: who may be enrolled, get a sign-in link, be picked as staff or
lecturer, or be invited as a lecturer."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q

from lms.choices import RoleGroup
from lms.models import CohortStaff, Enrollment, LecturerInvitation
from lms.permissions.base import CURRENT, _anonymous
from lms.permissions.cohorts import managed_chapters, managed_cohorts


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


def is_lecturer_only(user) -> bool:
    """An active account whose only power is lecturing (or none at all yet).

    Not superuser or staff, coordinates no chapter, has no cohort role, is in
    no group but Lecturer, has no permission of its own and takes part in no
    cohort as a trainee.
    Only such an account may get a link that sets its password: anything more
    would let whoever reads the mail take over a more powerful account.
    """
    if user is None or not user.is_active or user.is_superuser or user.is_staff:
        return False
    return (
        not get_user_model()
        .objects.filter(pk=user.pk)
        .filter(
            Q(coordinated_chapters__isnull=False)
            | Q(cohort_roles__isnull=False)
            | Q(enrollments__isnull=False)
            | Q(user_permissions__isnull=False)
            # Any group but Lecturer: Editors, Moderators, Coordinator...
            | Q(groups__in=Group.objects.exclude(name=RoleGroup.LECTURER.value))
        )
        .exists()
    )


def may_be_added_by(user, by) -> bool:
    """Whether coordinator `by` may add an existing account to her sessions:
    a lecturer-only one, or one already working in a group she runs."""
    if by.is_superuser or is_lecturer_only(user):
        return True
    managed = managed_cohorts(by)
    return (
        CohortStaff.objects.filter(user=user, cohort__in=managed).exists()
        or managed_chapters(by).filter(coordinators=user).exists()
    )


def is_lecturer_home_user(user, staff_cohorts) -> bool:
    """Whether `user`'s home is 'My sessions': she lectures and does nothing
    else here. ``staff_cohorts`` is what the dashboard found of her roles
    (each with is_lecturer, is_coordinator, is_supervisor)."""
    if user.is_superuser or user.is_staff or not staff_cohorts:
        return False
    if not all(
        c.is_lecturer and not c.is_coordinator and not c.is_supervisor
        for c in staff_cohorts
    ):
        return False
    return not Enrollment.objects.filter(user=user).exists()
