"""Register the programme's admin (chapters, cohorts, staff, enrollments, sessions)."""

from wagtail import hooks

from lms.viewsets import ProgrammeViewSetGroup


@hooks.register("register_admin_viewset")
def register_programme_viewsets():
    return ProgrammeViewSetGroup()
