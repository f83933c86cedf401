"""Read-side helpers for a trainee's way through a course.

What her dashboard shows (cohorts, next session, progress, what is waiting for
her) and whether a module's review material is open to her. Nothing here
writes but her visits and "reviewed" marks (record_module_visit,
mark_module_reviewed). Every helper reads in a fixed number of queries,
whatever the number of modules, sessions or cohort-mates.

Modules are found through the page tree (a course's live child pages) and
matched across languages by ``translation_key``; this module never imports
``courses``.
"""

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from lms import curriculum, permissions
from lms.models import Enrollment, ModuleProgress, Session


def material_is_open(cohort, session) -> bool:
    """Review material opens once its session is held, or all at once."""
    if cohort.open_all_material:
        return True
    return session is not None and session.is_held


# --- one module --------------------------------------------------------------


@dataclass
class ModuleReview:
    """An enrolled trainee's view of one module."""

    enrollment: object
    session: Session | None
    is_open: bool
    progress: ModuleProgress | None = None

    @property
    def cohort(self):
        return self.enrollment.cohort

    @property
    def reviewed(self):
        return self.progress is not None and self.progress.reviewed_at is not None


def learning_enrollment_in(user, course_keys):
    """Her enrollment that teaches her a course with one of `course_keys`
    (a list or a values() queryset of translation keys), or None. One query.

    Active before completed: a trainee taking a course again reviews in her
    current group.
    """
    return (
        permissions.learning_enrollments(user)
        .filter(cohort__course__translation_key__in=course_keys)
        .select_related("cohort")
        .order_by("status", "-cohort__starts_on")  # "active" < "completed"
        .first()
    )


def module_review(user, *, course_key, module_key) -> ModuleReview | None:
    """How module `module_key` of course `course_key` stands for `user`.

    None when she is not learning in a cohort of that course: she then sees
    the public page like any visitor. Three queries at most.
    """
    enrollment = learning_enrollment_in(user, [course_key])
    if enrollment is None:
        return None
    session = (
        Session.objects.filter(
            cohort_id=enrollment.cohort_id,
            module__translation_key=module_key,
            cancelled=False,
        )
        .order_by("starts_at")
        .first()
    )
    progress = ModuleProgress.objects.filter(
        enrollment=enrollment, module_key=module_key
    ).first()
    return ModuleReview(
        enrollment=enrollment,
        session=session,
        is_open=material_is_open(enrollment.cohort, session),
        progress=progress,
    )


def module_review_by_key(user, module_key) -> ModuleReview | None:
    """Like module_review, finding the course from the module's place in the tree."""
    course_key = curriculum.course_key_of_module(module_key)
    if course_key is None:
        return None
    return module_review(user, course_key=course_key, module_key=module_key)


# --- what she did (the only writes here) -----------------------------------


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


# A plain visit writes at most this often per module: reading a page is not
# a write, and "continue where you left off" needs no finer clock.
LAST_SEEN_EVERY = datetime.timedelta(minutes=10)


def record_module_visit(
    *, enrollment: Enrollment, module_key, progress: ModuleProgress | None = None
) -> None:
    """Record that she opened a module (again): the first time creates her
    progress; later visits move ``last_seen_at`` ("continue where you left
    off"), at most once per LAST_SEEN_EVERY. ``progress`` is her row as the
    caller already read it (module_review does), saving a query."""
    if progress is None:
        progress = ModuleProgress.objects.filter(
            enrollment=enrollment, module_key=module_key
        ).first()
    if progress is None:
        record_module_opened(enrollment=enrollment, module_key=module_key)
        return
    now = timezone.now()
    if progress.last_seen_at and now - progress.last_seen_at < LAST_SEEN_EVERY:
        return
    ModuleProgress.objects.filter(pk=progress.pk).update(last_seen_at=now)
    progress.last_seen_at = now


@transaction.atomic
def mark_module_reviewed(*, enrollment: Enrollment, module_key) -> ModuleProgress:
    progress = record_module_opened(enrollment=enrollment, module_key=module_key)
    if progress.reviewed_at is None:
        progress.reviewed_at = timezone.now()
        progress.save(update_fields=["reviewed_at", "last_seen_at"])
    return progress
