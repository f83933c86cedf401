"""The only code that writes learning-engine records. Views and commands call it.

Functions take keyword-only arguments and run in a transaction.
"""

import datetime
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from lms.choices import AttendanceStatus, EnrollmentStatus, RoleGroup
from lms.models import (
    Attendance,
    Cohort,
    Enrollment,
    ModuleProgress,
    Profile,
    Session,
    SignInLink,
)
from lms.models.accounts import hash_token
from lms.permissions import may_get_sign_in_link, user_can_make_sign_in_link

SIGN_IN_LINK_LIFETIME = datetime.timedelta(days=14)


# --- roles -------------------------------------------------------------------


def add_to_role(*, user, role: RoleGroup):
    group, _created = Group.objects.get_or_create(name=role.value)
    user.groups.add(group)


# --- enrollments -------------------------------------------------------------


@transaction.atomic
def enroll(
    *,
    cohort: Cohort,
    user,
    status=EnrollmentStatus.ACTIVE,
    enrolled_on: datetime.date | None = None,
    screening_notes: str = "",
) -> Enrollment:
    """Put a person in a cohort, or update her status if she is in it already."""
    enrollment, created = Enrollment.objects.get_or_create(
        cohort=cohort,
        user=user,
        defaults={
            "status": status,
            "enrolled_on": enrolled_on or timezone.localdate(),
            "screening_notes": screening_notes,
        },
    )
    if not created and enrollment.status != status:
        enrollment.status = status
        if status == EnrollmentStatus.ACTIVE and enrolled_on:
            enrollment.enrolled_on = enrolled_on
        enrollment.save(update_fields=["status", "enrolled_on", "updated_at"])
    add_to_role(user=user, role=RoleGroup.TRAINEE)
    return enrollment


@transaction.atomic
def withdraw(*, enrollment: Enrollment) -> Enrollment:
    enrollment.status = EnrollmentStatus.WITHDRAWN
    enrollment.save(update_fields=["status", "updated_at"])
    return enrollment


@transaction.atomic
def move_enrollment(*, enrollment: Enrollment, to_cohort: Cohort) -> Enrollment:
    """Move a trainee to another cohort of the same course.

    Her progress and reflections follow her (they point at modules by key);
    attendance stays with the sessions of the cohort she attended.
    """
    if to_cohort.course_id != enrollment.cohort.course_id:
        raise ValueError("Cohorts of different courses")
    if Enrollment.objects.filter(cohort=to_cohort, user=enrollment.user_id).exists():
        raise ValueError("Already in that cohort")
    old_status = enrollment.status
    withdraw(enrollment=enrollment)
    moved = Enrollment.objects.create(
        cohort=to_cohort,
        user=enrollment.user,
        status=old_status,
        enrolled_on=timezone.localdate(),
        screening_notes=enrollment.screening_notes,
    )
    for progress in enrollment.progress.all():
        ModuleProgress.objects.get_or_create(
            enrollment=moved,
            module_key=progress.module_key,
            defaults={"reviewed_at": progress.reviewed_at},
        )
    enrollment.reflections.update(enrollment=moved)
    return moved


@transaction.atomic
def create_trainee_account(*, first_name: str, phone: str = "", language: str = ""):
    """A new account for someone who may have no email: she signs in by link.

    The username is made up (her name plus a random part) and the password is
    unusable; the coordinator hands her a one-time sign-in link instead.
    """
    base = slugify(first_name, allow_unicode=True)[:20] or "trainee"
    user_model = get_user_model()
    while True:
        username = f"{base}-{secrets.token_hex(3)}"
        if not user_model.objects.filter(username=username).exists():
            break
    # No password given: Django stores an unusable one.
    user = user_model.objects.create_user(username=username, first_name=first_name)
    profile = profile_for(user)
    profile.phone = phone
    profile.language = language
    profile.save(update_fields=["phone", "language"])
    return user


# --- sign-in links -----------------------------------------------------------


class SignInLinkRefused(ValueError):
    """The account may not get a sign-in link, or not from this person
    (see permissions)."""


@dataclass(frozen=True)
class NewSignInLink:
    """A fresh one-time token, and the unused links it replaced that someone
    else had made (she is told: those links stop working)."""

    token: str
    replaced: tuple = ()  # (made by, made at) of others' links it replaced


@transaction.atomic
def create_sign_in_link(*, user, created_by=None) -> NewSignInLink:
    """A fresh one-time token for `user`; earlier unused links stop working.

    Only for a trainee-only account that has never signed in, and, when made
    by a person, only by a coordinator of a cohort she is currently in:
    raises SignInLinkRefused otherwise. Links made by someone else are
    replaced openly: they come back in ``replaced``.
    """
    if not may_get_sign_in_link(user):
        raise SignInLinkRefused(user.pk)
    if created_by is not None and not user_can_make_sign_in_link(created_by, user):
        raise SignInLinkRefused(user.pk)
    unused = SignInLink.objects.select_for_update().filter(
        user=user, used_at__isnull=True
    )
    replaced = tuple(
        (link.created_by, link.created_at)
        for link in unused.select_related("created_by")
        if link.created_by_id != getattr(created_by, "pk", None)
        and link.expires_at > timezone.now()
    )
    unused.delete()
    token = secrets.token_urlsafe(24)
    SignInLink.objects.create(
        user=user,
        token_hash=hash_token(token),
        created_by=created_by,
        expires_at=timezone.now() + SIGN_IN_LINK_LIFETIME,
    )
    return NewSignInLink(token=token, replaced=replaced)


@transaction.atomic
def redeem_sign_in_link(*, token: str):
    """The user a valid, unused, unexpired token belongs to, or None.

    A token works once: redeeming marks it used.
    """
    link = (
        SignInLink.objects.usable(token)
        .select_for_update()
        .select_related("user")
        .first()
    )
    if link is None:
        return None
    if not may_get_sign_in_link(link.user):  # she signed in or gained a role since
        return None
    link.spend()
    return link.user


# --- sessions and attendance -------------------------------------------------


def propose_sessions(
    *,
    cohort: Cohort,
    modules,
    first_starts_at: datetime.datetime,
    duration=datetime.timedelta(hours=2, minutes=30),
    place: str = "",
):
    """Unsaved weekly sessions, one per module, from the first evening on."""
    return [
        Session(
            cohort=cohort,
            module=module,
            starts_at=first_starts_at + datetime.timedelta(weeks=week),
            ends_at=first_starts_at + datetime.timedelta(weeks=week) + duration,
            place=place,
        )
        for week, module in enumerate(modules)
    ]


@transaction.atomic
def create_sessions(*, sessions) -> list[Session]:
    for session in sessions:
        session.full_clean()
    return Session.objects.bulk_create(sessions)


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


# --- progress ----------------------------------------------------------------


def record_module_opened(*, enrollment: Enrollment, module_key) -> ModuleProgress:
    try:
        with transaction.atomic():
            progress, _created = ModuleProgress.objects.get_or_create(
                enrollment=enrollment, module_key=module_key
            )
    except IntegrityError:  # a second tab got there first
        progress = ModuleProgress.objects.get(
            enrollment=enrollment, module_key=module_key
        )
    return progress


def record_module_visit(*, enrollment: Enrollment, module_key) -> None:
    """Record that she opened a module (again): the first time creates her
    progress, later visits move ``last_seen_at`` ("continue where you left off")."""
    if not ModuleProgress.objects.filter(
        enrollment=enrollment, module_key=module_key
    ).update(last_seen_at=timezone.now()):
        record_module_opened(enrollment=enrollment, module_key=module_key)


@transaction.atomic
def mark_module_reviewed(*, enrollment: Enrollment, module_key) -> ModuleProgress:
    progress = record_module_opened(enrollment=enrollment, module_key=module_key)
    if progress.reviewed_at is None:
        progress.reviewed_at = timezone.now()
        progress.save(update_fields=["reviewed_at", "last_seen_at"])
    return progress


# --- profile -----------------------------------------------------------------


def profile_for(user) -> Profile:
    profile, _created = Profile.objects.get_or_create(user=user)
    return profile


@transaction.atomic
def set_language(*, user, language: str) -> Profile:
    profile = profile_for(user)
    profile.language = language
    profile.save(update_fields=["language"])
    return profile


@transaction.atomic
def set_side_by_side(*, user, show: bool) -> Profile:
    """Remember whether she reads a module beside its Norwegian original."""
    profile = profile_for(user)
    if profile.show_side_by_side != show:
        profile.show_side_by_side = show
        profile.save(update_fields=["show_side_by_side"])
    return profile
