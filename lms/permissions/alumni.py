"""Alumni and their applications to continuing-education tracks: who may
apply, who sees an application and who decides it.

An applicant belongs to the chapters of the cohorts she learnt in (her base
training's, usually); the coordinators of those chapters see and decide her
applications, and accept her only into a cohort of the track in one of them.
"""

from django.db.models import Q

from lms.choices import ApplicationStatus
from lms.models import Chapter, Cohort, Enrollment, TrackApplication
from lms.permissions.base import LEARNING, _anonymous
from lms.permissions.cohorts import managed_cohorts

OPEN = [
    ApplicationStatus.APPLIED,
    ApplicationStatus.WAITLISTED,
    ApplicationStatus.ACCEPTED,
]
# What a coordinator may still decide.
UNDECIDED = [ApplicationStatus.APPLIED, ApplicationStatus.WAITLISTED]


def may_apply(user) -> bool:
    """Applying at all: a signed-in, active person (whether a track is open
    to her is lms.alumni's eligibility, which says why not)."""
    return not _anonymous(user) and user.is_active


def applicant_chapters(user_id):
    """The chapters an applicant belongs to: those of the cohorts she learnt
    in (a subquery, no query now)."""
    return Enrollment.objects.filter(user_id=user_id, status__in=LEARNING).values(
        "cohort__chapter_id"
    )


def applications_visible_filter(user) -> Q:
    """Applications a coordinator sees: those of women who learnt in a
    chapter she coordinates (or who were placed in a cohort she runs);
    superusers see all; nobody else any (the applicant sees hers through
    `own_applications`)."""
    if _anonymous(user):
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    chapters = Chapter.objects.filter(coordinators=user).values("pk")
    learnt_here = Enrollment.objects.filter(
        status__in=LEARNING, cohort__chapter__in=chapters
    ).values("user_id")
    return Q(user_id__in=learnt_here) | Q(cohort__in=managed_cohorts(user))


def applications_visible_to(user):
    """The applications page's rows for `user` (see the filter)."""
    return TrackApplication.objects.filter(applications_visible_filter(user))


def may_see_applications(user, staff_cohorts=None) -> bool:
    """The coordinator's applications page: coordinators (of a chapter, or
    of a cohort) and superusers. `staff_cohorts` (lms.ui.dashboard.
    staff_cohorts' answer, if the caller has it) saves the query; a chapter
    coordinator with no cohort yet then gets no link, but may open it."""
    if _anonymous(user):
        return False
    if user.is_superuser:
        return True
    if staff_cohorts is not None:
        return any(cohort.is_coordinator for cohort in staff_cohorts)
    return (
        Chapter.objects.filter(coordinators=user).exists()
        or managed_cohorts(user).exists()
    )


def may_decide_application(user, application) -> bool:
    """Accept, waitlist or decline: a coordinator who sees it, never for her
    own application (unless a superuser)."""
    if _anonymous(user):
        return False
    if application.user_id == user.pk and not user.is_superuser:
        return False
    return applications_visible_to(user).filter(pk=application.pk).exists()


def may_see_own_application(user, application) -> bool:
    return not _anonymous(user) and application.user_id == user.pk


def own_applications(user):
    if _anonymous(user):
        return TrackApplication.objects.none()
    return TrackApplication.objects.filter(user=user)


def cohorts_to_place_in(user, track_key, applicant_id=None):
    """The cohorts `user` may accept an applicant into: cohorts of the track
    (by translation key) that she runs, in the applicant's chapters (when
    given). A subquery-built queryset: one query when read."""
    cohorts = Cohort.objects.filter(
        pk__in=managed_cohorts(user).values("pk"), course__translation_key=track_key
    )
    if applicant_id is not None:
        cohorts = cohorts.filter(chapter_id__in=applicant_chapters(applicant_id))
    return cohorts


def may_place_in_cohort(user, application, cohort) -> bool:
    """Whether `user` may accept `application` into `cohort`."""
    return (
        may_decide_application(user, application)
        and cohorts_to_place_in(
            user, application.course.translation_key, application.user_id
        )
        .filter(pk=cohort.pk)
        .exists()
    )
