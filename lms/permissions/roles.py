"""What each role may do in the Wagtail admin. The rows a person sees there
are narrowed further to her chapters by the other rules of this package."""

from wagtail.models import Page
from wagtail.snippets.permissions import get_permission_name

ROLE_PERMISSIONS = {
    "Coordinator": [
        "wagtailadmin.access_admin",
        "lms.view_chapter",
        *(
            f"lms.{action}_{model}"
            for model in ("cohort", "cohortstaff", "enrollment", "session")
            for action in ("add", "change", "delete", "view")
        ),
        "lms.add_attendance",
        "lms.change_attendance",
        "lms.view_attendance",
        # Quizzes are shared content: she writes, imports and exports them.
        *(
            f"lms.{action}_{model}"
            for model in ("quiz", "quizcategory")
            for action in ("add", "change", "delete", "view")
        ),
        # ... and translates them (user_may_translate keeps pages out).
        "wagtail_localize.submit_translation",
    ],
    "Supervisor": [],
    "Lecturer": [],
    "Trainee": [],
}

# Permissions on Wagtail's root collection. A coordinator puts a picture or
# the question read aloud on a quiz question: she chooses one already in the
# library or uploads a new one (and may then edit what she uploaded, as
# Wagtail lets owners do); she cannot change or delete anybody else's. The
# library holds course content only: lecturers' material and the trainees'
# recordings live in the private storage, never in these collections.
ROLE_COLLECTION_PERMISSIONS = {
    "Coordinator": [
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
    ],
}


def user_may_use_admin_action(permission_policy, user, action) -> bool:
    """A model action (add, change, delete, view) in the programme admin;
    which rows it reaches is scoped separately."""
    return permission_policy.user_has_permission(user, action)


def user_can_plan_sessions(user) -> bool:
    """Planning a cohort's evenings adds sessions."""
    return user.has_perm("lms.add_session")


def user_may_see_site_history(user) -> bool:
    """Wagtail's site-wide history lists every log entry of every model a
    person may edit, across chapters: superusers only (a coordinator's
    cohorts keep their own, scoped, history pages)."""
    return bool(user and user.is_superuser)


def user_may_translate(user, instance) -> bool:
    """Starting or updating a translation of `instance` with wagtail-localize.

    wagtail-localize asks only for its site-wide submit_translation
    permission, for pages and snippets alike. Coordinators hold it to
    translate quizzes; this rule also asks that she may edit the thing
    itself, so it does not open the course pages to her.
    """
    if user is None or not user.is_authenticated:
        return False
    if not user.has_perm("wagtail_localize.submit_translation"):
        return False
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return user.has_perm(get_permission_name("change", type(instance)))
