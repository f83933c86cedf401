"""Register the programme's admin (chapters, cohorts, staff, enrollments,
sessions) and the engine's translatable snippets (assignments, quizzes,
interactive exercises)."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from lms import permissions
from lms.admin.h5p import H5PActivityViewSet
from lms.admin.quizzes import QuizViewSetGroup
from lms.admin.viewsets import AssignmentViewSet, ProgrammeViewSetGroup


@hooks.register("register_admin_viewset")
def register_programme_viewsets():
    return ProgrammeViewSetGroup()


register_snippet(AssignmentViewSet)
register_snippet(QuizViewSetGroup)
register_snippet(H5PActivityViewSet)


@hooks.register("construct_reports_menu")
def hide_site_history_from_coordinators(request, menu_items):
    """(lms.middleware.AdminReachMiddleware refuses the address too.)"""
    if not permissions.user_may_see_site_history(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "site-history"]
