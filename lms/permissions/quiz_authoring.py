"""Quizzes in the admin: who writes, imports and exports them.

Coordinators (the Coordinator group holds lms.add_quiz, change_quiz,
delete_quiz and view_quiz, and the same for quiz categories: see
``roles.ROLE_PERMISSIONS``) and superusers. Quizzes belong to no chapter: a
quiz is shared content, like a module's text. Supervisors, lecturers and
trainees neither import nor edit quizzes.
"""

from lms.permissions.base import _anonymous


def user_can_import_quiz(user) -> bool:
    """An import makes a new quiz (and its categories)."""
    return (
        not _anonymous(user)
        and user.has_perm("lms.add_quiz")
        and user.has_perm("lms.add_quizcategory")
    )


def user_can_edit_quiz(user, quiz=None) -> bool:
    return not _anonymous(user) and user.has_perm("lms.change_quiz")


def user_can_export_quiz(user, quiz=None) -> bool:
    """An export holds every question and right answer: editors only, never
    a trainee (it would give her the answers)."""
    return user_can_edit_quiz(user, quiz)
