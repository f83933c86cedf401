"""Privacy: who may make or download a copy of someone's data, and who
confirms her erasure.

She may always ask for her own. Staff reach the people of their chapter: the
coordinators of a cohort she is (or was) enrolled in, in any status. Another
chapter's coordinator, a supervisor, a lecturer or a fellow trainee cannot,
and gets a 404 from the views. Staff accounts' own data is a matter for the
site's administrators (superusers), so one coordinator can never export or
erase another.
"""

from django.contrib.auth import get_user_model

from lms.models import CohortStaff, Enrollment
from lms.permissions.base import _anonymous
from lms.permissions.cohorts import managed_cohorts


def _is_staff_account(person) -> bool:
    return (
        person.is_superuser
        or person.is_staff
        or CohortStaff.objects.filter(user=person).exists()
        or person.coordinated_chapters.exists()
    )


def people_in_reach(user):
    """People whose data `user` handles as staff: those enrolled in the
    cohorts she runs (all, for a superuser). Never staff accounts but for
    superusers."""
    people = get_user_model().objects.all()
    if _anonymous(user):
        return people.none()
    if user.is_superuser:
        return people
    return (
        people.filter(
            pk__in=Enrollment.objects.filter(cohort__in=managed_cohorts(user)).values(
                "user_id"
            ),
            is_superuser=False,
            is_staff=False,
        )
        .exclude(pk__in=CohortStaff.objects.values("user_id"))
        .exclude(coordinated_chapters__isnull=False)
    )


def user_handles_data_of(user, person) -> bool:
    """Staff who may make a copy of `person`'s data and see her requests."""
    if _anonymous(user) or person is None or user.pk == person.pk:
        return False
    return people_in_reach(user).filter(pk=person.pk).exists()


def user_can_export_for(user, person) -> bool:
    """Her own copy, or a copy made by staff of her chapter."""
    if _anonymous(user) or person is None:
        return False
    return user.pk == person.pk or user_handles_data_of(user, person)


def user_can_download_export(user, export) -> bool:
    """She downloads every copy of her data; a copy staff made for a subject
    access request also by the staff who made it, while she is in reach."""
    if _anonymous(user):
        return False
    if export.user_id == user.pk:
        return True
    return export.requested_by_id == user.pk and user_handles_data_of(user, export.user)


def user_can_ask_erasure(user) -> bool:
    """A signed-in person asks for her own account; staff accounts go
    through the site's administrators."""
    return not _anonymous(user) and not _is_staff_account(user)


def user_can_confirm_erasure(user, erasure_request) -> bool:
    """Her chapter's coordinators (or a superuser), never she herself."""
    return erasure_request.is_open and user_handles_data_of(user, erasure_request.user)
