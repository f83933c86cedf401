"""Alumni: women who hold a base-training diploma, and the continuing-education
tracks they apply to.

- `is_alumna(user)`; `standing(user)`: her diplomas (revoked ones do not
  count), her completed courses and every track with whether it is open to
  her and, if not, why - in a fixed number of queries however many tracks,
  diplomas and applications there are.
- `apply(user, course, message)`: one open application per track (the
  model's constraint backs it; a second one is refused with a message,
  never an IntegrityError).
- The coordinator's decisions: `accept` into a cohort of the track (it
  creates the enrollment; a full cohort puts her on its waiting list),
  `waitlist`, `decline`; `fill_free_places(cohort)` takes the waiting list
  in the order they applied. Who may do what is lms.permissions.alumni.

Completing a track gives a certificate through the diploma machinery
(lms.diplomas.issue), which tells a track from a base training by
`curriculum.is_track`.
"""

from __future__ import annotations

import dataclasses

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from lms import curriculum
from lms.choices import ApplicationStatus, EnrollmentStatus
from lms.models import Cohort, Diploma, Enrollment, TrackApplication
from lms.permissions.alumni import OPEN, UNDECIDED
from lms.permissions.base import LEARNING, anonymous

MESSAGE_MAX = 2000
# Enrollments that take a place in a cohort.
TAKING_A_PLACE = [EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED]
IN_A_GROUP = [
    EnrollmentStatus.APPLICANT,
    EnrollmentStatus.WAITLISTED,
    EnrollmentStatus.ACTIVE,
]


class CannotApply(Exception):
    """She cannot apply (yet); the message says why, translated."""


class CannotDecide(Exception):
    """The decision cannot be made; the message says why, translated."""


@dataclasses.dataclass
class TrackStanding:
    """One track as she stands towards it."""

    track: curriculum.Track
    title: str  # in her language where translated
    open: bool
    reasons: list
    application: TrackApplication | None = None
    enrollment: Enrollment | None = None


@dataclasses.dataclass
class Standing:
    """What her alumna section shows."""

    is_alumna: bool
    diplomas: list  # valid ones, newest first
    revoked: list
    completed: list  # completed enrollments (base training and tracks)
    tracks: list  # TrackStanding, in tree order
    applications: list

    @property
    def open_tracks(self):
        return [t for t in self.tracks if t.open]

    @property
    def closed_tracks(self):
        return [t for t in self.tracks if not t.open]

    def of(self, key) -> TrackStanding | None:
        key = str(key)
        return next((t for t in self.tracks if t.track.key == key), None)


# --- who she is ------------------------------------------------------------------


def _diplomas(user):
    """All her diplomas (revoked ones too), each with ``is_base``. One query."""
    return list(
        Diploma.objects.filter(user=user)
        .annotate(
            is_base=Exists(
                curriculum.base_course_keys().filter(
                    translation_key=OuterRef("course_key")
                )
            )
        )
        .select_related("enrollment__cohort__course")
        .order_by("-issued_at", "pk")
    )


def is_alumna(user) -> bool:
    """She holds a base-training diploma that stands. One query."""
    if anonymous(user):
        return False
    return Diploma.objects.filter(
        user=user,
        revoked_at__isnull=True,
        course_key__in=curriculum.base_course_keys(),
    ).exists()


def _key(page) -> str:
    return str(page.translation_key)


def _date(value) -> str:
    return formats.date_format(timezone.localtime(value), "SHORT_DATE_FORMAT")


def standing(user, language=None) -> Standing:
    """Her diplomas, completed courses and every track with whether it is
    open to her, and why not. At most six queries, whatever the numbers."""
    tracks = curriculum.tracks()
    keys = {t.key for t in tracks} | {k for t in tracks for k, _t in t.prerequisites}
    titles = curriculum.titles_in_language(keys, language) if keys else {}
    if anonymous(user):
        return Standing(
            is_alumna=False,
            diplomas=[],
            revoked=[],
            completed=[],
            tracks=[
                TrackStanding(
                    track=t,
                    title=titles.get(t.key, t.title),
                    open=False,
                    reasons=[_("Sign in to apply.")],
                )
                for t in tracks
            ],
            applications=[],
        )
    diplomas = _diplomas(user)
    valid = [d for d in diplomas if not d.is_revoked]
    revoked = [d for d in diplomas if d.is_revoked]
    valid_keys = {str(d.course_key) for d in valid}
    revoked_keys = {str(d.course_key) for d in revoked} - valid_keys
    alumna = any(d.is_base for d in valid)
    enrollments = list(
        Enrollment.objects.filter(user=user)
        .select_related("cohort__course", "cohort__chapter")
        .order_by("-cohort__starts_on", "pk")
    )
    applications = list(
        TrackApplication.objects.filter(user=user)
        .select_related("course", "cohort")
        .order_by("-applied_at", "-pk")
    )
    open_applications = {}
    for application in applications:
        if application.status in OPEN:
            open_applications.setdefault(_key(application.course), application)
    standings = []
    for track in tracks:
        mine = [e for e in enrollments if _key(e.cohort.course) == track.key]
        completed = next(
            (e for e in mine if e.status == EnrollmentStatus.COMPLETED), None
        )
        current = next((e for e in mine if e.status in IN_A_GROUP), None)
        application = open_applications.get(track.key)
        reasons = []
        if completed is not None:
            reasons.append(_("You have completed this course."))
        elif current is not None and current.status == EnrollmentStatus.WAITLISTED:
            reasons.append(
                _("You are on the waiting list of the group “%(group)s”.")
                % {"group": current.cohort.name}
            )
        elif current is not None:
            reasons.append(
                _("You are already in the group “%(group)s”.")
                % {"group": current.cohort.name}
            )
        elif application is not None:
            reasons.append(
                _("You applied on %(date)s: %(status)s.")
                % {
                    "date": _date(application.applied_at),
                    "status": application.get_status_display(),
                }
            )
        else:
            for key, title in track.prerequisites:
                if key in valid_keys:
                    continue
                course = titles.get(key, title)
                if key in revoked_keys:
                    reasons.append(
                        _(
                            "Your diploma of “%(course)s” has been revoked, "
                            "so it does not count."
                        )
                        % {"course": course}
                    )
                else:
                    reasons.append(
                        _("You need the diploma of “%(course)s” first.")
                        % {"course": course}
                    )
            if not track.prerequisites and not alumna:
                reasons.append(
                    _("This course is for women who hold a base-training diploma.")
                )
        standings.append(
            TrackStanding(
                track=track,
                title=titles.get(track.key, track.title),
                open=not reasons,
                reasons=reasons,
                application=application,
                enrollment=current or completed,
            )
        )
    return Standing(
        is_alumna=alumna,
        diplomas=valid,
        revoked=revoked,
        completed=[e for e in enrollments if e.status == EnrollmentStatus.COMPLETED],
        tracks=standings,
        applications=applications,
    )


def track_of(page) -> curriculum.Track | None:
    """The track `page` (any language's copy of it) is, or None."""
    key = _key(page)
    return next((t for t in curriculum.tracks() if t.key == key), None)


# --- applying --------------------------------------------------------------------


def apply(user, course, message="") -> TrackApplication:
    """Her application to the track `course` (any language's copy).
    `CannotApply` (with why) if the track is closed to her or she has applied."""
    track = track_of(course)
    if track is None:
        raise CannotApply(_("This course does not take applications."))
    if anonymous(user):
        raise CannotApply(_("Sign in to apply."))
    mine = standing(user).of(track.key)
    if mine.application is not None:
        raise CannotApply(_("You have already applied to this course."))
    if not mine.open:
        raise CannotApply(" ".join(mine.reasons))
    try:
        with transaction.atomic():
            return TrackApplication.objects.create(
                user=user,
                course_id=track.pk,
                message=(message or "").strip()[:MESSAGE_MAX],
            )
    except IntegrityError:
        # Two tabs at once: the constraint let one through.
        raise CannotApply(_("You have already applied to this course.")) from None


def withdraw(application, user) -> TrackApplication:
    """She takes back her open application; a place she held frees up and
    goes to the first on the waiting list."""
    with transaction.atomic():
        application = TrackApplication.objects.select_for_update().get(
            pk=application.pk
        )
        if application.user_id != user.pk or application.status not in OPEN:
            raise CannotApply(_("This application is no longer open."))
        application.status = ApplicationStatus.WITHDRAWN
        application.save(update_fields=["status"])
        enrollment = application.enrollment
        freed = None
        if enrollment is not None and enrollment.status in IN_A_GROUP:
            freed = enrollment.status == EnrollmentStatus.ACTIVE
            enrollment.status = EnrollmentStatus.WITHDRAWN
            enrollment.save(update_fields=["status", "updated_at"])
    if freed:
        fill_free_places(enrollment.cohort)
    return application


# --- the coordinator's decisions ---------------------------------------------------


def places_taken(cohort) -> int:
    return cohort.enrollments.filter(status__in=TAKING_A_PLACE).count()


def free_places(cohort) -> int | None:
    """Places left in the cohort; None when it has no limit."""
    if cohort.capacity is None:
        return None
    return max(0, cohort.capacity - places_taken(cohort))


def _undecided(application) -> TrackApplication:
    application = (
        TrackApplication.objects.select_for_update(of=("self",))
        .select_related("course", "user")
        .get(pk=application.pk)
    )
    if application.status not in UNDECIDED:
        raise CannotDecide(_("This application has already been decided."))
    return application


def _decided(application, status, by):
    application.status = status
    application.decided_by = by
    application.decided_at = timezone.now()


def accept(application, cohort, by=None) -> TrackApplication:
    """Accept her into `cohort` (of the application's track): she is
    enrolled, or put on the cohort's waiting list if it is full. The
    returned application's status says which."""
    with transaction.atomic():
        application = _undecided(application)
        cohort = (
            Cohort.objects.select_for_update(of=("self",))
            .select_related("course")
            .get(pk=cohort.pk)
        )
        if _key(cohort.course) != _key(application.course):
            raise CannotDecide(_("This group does not take this course."))
        enrollment = Enrollment.objects.filter(
            cohort=cohort, user=application.user
        ).first()
        if enrollment is not None and enrollment.status in TAKING_A_PLACE:
            status = ApplicationStatus.ACCEPTED  # already in: nothing to take
        else:
            places = free_places(cohort)
            full = places is not None and places <= 0
            if full:
                status, wanted = (
                    ApplicationStatus.WAITLISTED,
                    EnrollmentStatus.WAITLISTED,
                )
            else:
                status, wanted = ApplicationStatus.ACCEPTED, EnrollmentStatus.ACTIVE
            if enrollment is None:
                enrollment = Enrollment.objects.create(
                    cohort=cohort,
                    user=application.user,
                    status=wanted,
                    enrolled_on=timezone.localdate(),
                )
            else:
                enrollment.status = wanted
                enrollment.enrolled_on = timezone.localdate()
                enrollment.save(update_fields=["status", "enrolled_on", "updated_at"])
        _decided(application, status, by)
        application.cohort = cohort
        application.enrollment = enrollment
        application.save()
    return application


def waitlist(application, by=None, cohort=None) -> TrackApplication:
    """Put her on the track's waiting list (for `cohort`, if given)."""
    with transaction.atomic():
        application = _undecided(application)
        if cohort is not None and _key(cohort.course) != _key(application.course):
            raise CannotDecide(_("This group does not take this course."))
        _decided(application, ApplicationStatus.WAITLISTED, by)
        if cohort is not None:
            application.cohort = cohort
        application.save()
    return application


def decline(application, by=None) -> TrackApplication:
    """Decline her application (she may apply again later); a waiting-list
    place she held in a cohort goes."""
    with transaction.atomic():
        application = _undecided(application)
        _decided(application, ApplicationStatus.DECLINED, by)
        application.save()
        enrollment = application.enrollment
        if enrollment is not None and enrollment.status == EnrollmentStatus.WAITLISTED:
            enrollment.status = EnrollmentStatus.WITHDRAWN
            enrollment.save(update_fields=["status", "updated_at"])
    return application


def waiting_list(cohort):
    """Who waits for a place in `cohort`, first applied first: those put on
    its waiting list, and those waitlisted for the track without a group
    who learnt in its chapter."""
    return (
        TrackApplication.objects.filter(
            status=ApplicationStatus.WAITLISTED,
            course__translation_key=cohort.course.translation_key,
        )
        .filter(
            Q(cohort=cohort)
            | Q(
                cohort__isnull=True,
                user__enrollments__in=Enrollment.objects.filter(
                    cohort__chapter_id=cohort.chapter_id,
                    status__in=TAKING_A_PLACE,
                ),
            )
        )
        .distinct()
        .select_related("user", "course")
        .order_by("applied_at", "pk")
    )


def fill_free_places(cohort, by=None) -> list:
    """Give the cohort's free places to its waiting list, in the order they
    applied. Returns the applications accepted."""
    accepted = []
    for application in waiting_list(cohort):
        places = free_places(cohort)
        if places is not None and places <= 0:
            break
        done = accept(application, cohort, by)
        if done.status == ApplicationStatus.ACCEPTED:
            accepted.append(done)
    return accepted


def applicants_chapter_ids(user_ids) -> dict:
    """{user id: {chapter id, ...}} of the chapters applicants learnt in. One
    query for any number of them."""
    found: dict = {}
    rows = Enrollment.objects.filter(
        user_id__in=set(user_ids), status__in=LEARNING
    ).values_list("user_id", "cohort__chapter_id")
    for user_id, chapter_id in rows:
        found.setdefault(user_id, set()).add(chapter_id)
    return found
