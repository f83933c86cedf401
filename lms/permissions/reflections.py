"""Reflections: private to their author unless she shares them."""

from django.db.models import Q

from lms.models import Reflection
from lms.permissions.base import _anonymous
from lms.permissions.cohorts import supervised_cohorts


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
