"""Lecturing: briefings and material.

A briefing is read by the session's lecturers and the cohort's coordinators;
coordinators write it, lecturers add notes. Material is added by the
session's lecturers or the cohort's coordinators, and reaches the cohort's
learning trainees right away or once the session is held.
"""

from django.db.models import Q
from django.utils import timezone

from lms.choices import MaterialVisibility
from lms.models import Cohort, Material, Session
from lms.permissions.base import LEARNING, _anonymous
from lms.permissions.cohorts import managed_cohorts, user_can_manage_cohort


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
