"""Who may see and do what. Every view goes through these rules.

Each rule comes twice where lists are involved: ``user_can_...(user, obj)`` for
one object and ``..._filter(user) -> Q`` for querysets, so a list and its
detail pages never disagree. Superusers administer the site but are *not*
readers of private reflections: a reflection nobody shared is readable by its
author alone.

One module per domain; every name is re-exported here, so callers write
``permissions.user_can_read_reflection(...)``.
"""

from lms.permissions.accounts import (
    enrollable_users,
    is_lecturer_home_user,
    is_lecturer_only,
    may_be_added_by,
    may_get_sign_in_link,
    pickable_lecturers,
    pickable_staff,
    trainee_only_users,
    trainee_only_users_filter,
    user_can_make_sign_in_link,
)
from lms.permissions.base import CURRENT, LEARNING
from lms.permissions.cohorts import (
    learning_enrollments,
    managed_chapters,
    managed_cohorts,
    managed_cohorts_filter,
    supervised_cohorts,
    user_can_follow_cohort,
    user_can_manage_cohort,
    user_can_read_screening_notes,
    user_can_take_attendance,
    user_can_view_cohort,
    user_can_view_session,
    visible_cohorts,
    visible_cohorts_filter,
    visible_sessions,
    visible_sessions_filter,
)
from lms.permissions.homework import (
    readable_submissions,
    readable_submissions_filter,
    reviewable_submissions,
    user_can_read_submission,
    user_can_review_submission,
    user_can_work_on_submission,
    user_owns_submission,
    user_sees_review_drafts,
)
from lms.permissions.lecturing import (
    lectured_sessions,
    user_can_add_material,
    user_can_edit_briefing,
    user_can_read_briefing,
    user_can_remove_material,
    user_can_view_material,
    user_lectures_session,
    visible_materials,
    visible_materials_filter,
)
from lms.permissions.modules import may_start_work
from lms.permissions.reflections import (
    readable_reflections,
    readable_reflections_filter,
    user_can_edit_reflection,
    user_can_read_reflection,
)
from lms.permissions.roles import (
    ROLE_PERMISSIONS,
    user_can_plan_sessions,
    user_may_see_site_history,
    user_may_use_admin_action,
)

__all__ = [
    "CURRENT",
    "LEARNING",
    "ROLE_PERMISSIONS",
    "enrollable_users",
    "is_lecturer_home_user",
    "is_lecturer_only",
    "learning_enrollments",
    "lectured_sessions",
    "managed_chapters",
    "managed_cohorts",
    "managed_cohorts_filter",
    "may_be_added_by",
    "may_get_sign_in_link",
    "may_start_work",
    "pickable_lecturers",
    "pickable_staff",
    "readable_reflections",
    "readable_reflections_filter",
    "readable_submissions",
    "readable_submissions_filter",
    "reviewable_submissions",
    "supervised_cohorts",
    "trainee_only_users",
    "trainee_only_users_filter",
    "user_can_add_material",
    "user_can_edit_briefing",
    "user_can_edit_reflection",
    "user_can_follow_cohort",
    "user_can_make_sign_in_link",
    "user_can_manage_cohort",
    "user_can_plan_sessions",
    "user_can_read_briefing",
    "user_can_read_reflection",
    "user_can_read_screening_notes",
    "user_can_read_submission",
    "user_can_remove_material",
    "user_can_review_submission",
    "user_can_take_attendance",
    "user_can_view_cohort",
    "user_can_view_material",
    "user_can_view_session",
    "user_can_work_on_submission",
    "user_lectures_session",
    "user_may_see_site_history",
    "user_may_use_admin_action",
    "user_owns_submission",
    "user_sees_review_drafts",
    "visible_cohorts",
    "visible_cohorts_filter",
    "visible_materials",
    "visible_materials_filter",
    "visible_sessions",
    "visible_sessions_filter",
]
