"""Enrolment: a person's place in a cohort, new trainee accounts and the
one-time links that let a trainee in for her first sign-in.

Functions take keyword-only arguments and run in a transaction.
"""

import datetime
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from lms.accounts import profile_for
from lms.choices import EnrollmentStatus, RoleGroup
from lms.models import Cohort, Enrollment, ModuleProgress, SignInLink
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
    unused = SignInLink.objects.select_for_update(of=("self",)).filter(
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
