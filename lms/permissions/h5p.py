"""Interactive exercises (H5P): who may play one, and whose results count.

An exercise is used by a course when one of the course's live module pages
places it (any language's copy: they share the exercise's
``translation_key``), or by a cohort when a lecturer brought it as material
to one of its sessions.

- **Playing** (seeing its content): trainees learning in a cohort whose
  course uses it, or who may see the material that carries it; the staff of
  such a cohort (coordinators, supervisors, the sessions' lecturers); the
  lecturers and coordinators of a session that has it as material; and the
  editors who may change exercises in the admin (to check an upload).
- **Tracking** (her statements, attempts and saved state are stored): only a
  trainee learning in such a cohort. Staff may try an exercise; nothing of
  theirs is recorded.

Every rule reads in a fixed number of queries.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

from lms.models import Cohort, H5PActivity, Material
from lms.permissions.base import LEARNING, _anonymous
from lms.permissions.cohorts import visible_cohorts
from lms.permissions.lecturing import visible_materials, visible_materials_filter


def pages_using_activity(activity_key):
    """The live pages (any language) whose body places exercise
    `activity_key`, read from Wagtail's reference index. Two queries."""
    copies = [
        str(pk)
        for pk in H5PActivity.objects.filter(translation_key=activity_key).values_list(
            "pk", flat=True
        )
    ]
    if not copies:
        return Page.objects.none()
    page_ids = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(H5PActivity),
        to_object_id__in=copies,
    ).values_list("object_id", flat=True)
    ids = [int(pk) for pk in page_ids if str(pk).isdigit()]
    return Page.objects.live().filter(pk__in=ids)


def activity_course_keys(activity_key) -> set:
    """Translation keys of the courses whose modules place the exercise.
    Four queries at most."""
    paths = {
        path[: -Page.steplen]
        for path in pages_using_activity(activity_key).values_list("path", flat=True)
        if len(path) > Page.steplen
    }
    if not paths:
        return set()
    return set(
        Page.objects.filter(path__in=paths).values_list("translation_key", flat=True)
    )


def _course_cohorts(user, activity_key):
    return visible_cohorts(user).filter(
        course__translation_key__in=activity_course_keys(activity_key)
    )


def _may_edit_exercises(user) -> bool:
    return user.is_superuser or user.has_perm("lms.change_h5pactivity")


def user_can_play_h5p(user, activity) -> bool:
    """Whether `user` may open exercise `activity` (an H5PActivity)."""
    if _anonymous(user) or activity is None:
        return False
    if _may_edit_exercises(user):
        return True
    key = activity.translation_key
    return (
        _course_cohorts(user, key).exists()
        or visible_materials(user).filter(activity__translation_key=key).exists()
    )


def user_can_track_h5p(user, activity) -> bool:
    """Whether what `user` does in `activity` is recorded: she is a trainee
    learning in a cohort that uses it (through its course or a material)."""
    if _anonymous(user) or activity is None:
        return False
    key = activity.translation_key
    learning = Cohort.objects.filter(
        enrollments__user=user, enrollments__status__in=LEARNING
    )
    if learning.filter(course__translation_key__in=activity_course_keys(key)).exists():
        return True
    return Material.objects.filter(
        visible_materials_filter(user),
        activity__translation_key=key,
        session__cohort__in=learning,
    ).exists()


def user_can_play_h5p_in_course(user, course_key) -> bool:
    """Whether `user` may try the exercises a course's modules place without
    being its trainee: staff of one of its cohorts, or an exercise editor.
    (Its trainees play them through their enrollment.) One query."""
    if _anonymous(user):
        return False
    if _may_edit_exercises(user):
        return True
    return visible_cohorts(user).filter(course__translation_key=course_key).exists()
