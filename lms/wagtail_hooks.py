"""Register the programme's admin (chapters, cohorts, staff, enrollments,
sessions) and the engine's translatable snippets (assignments)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.models import Assignment
from lms.viewsets import ProgrammeViewSetGroup


@hooks.register("register_admin_viewset")
def register_programme_viewsets():
    return ProgrammeViewSetGroup()


class AssignmentViewSet(SnippetViewSet):
    model = Assignment
    icon = "clipboard-list"
    menu_label = _("Homework")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["title", "due_days_after_session", "locale"]
    search_fields = ["title"]
    panels = [
        FieldPanel("title"),
        FieldPanel("instructions"),
        FieldPanel("pass_criteria"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("accepts_text"),
                        FieldPanel("accepts_files"),
                        FieldPanel("accepts_audio"),
                    ]
                ),
                FieldPanel("max_files"),
                FieldPanel("due_days_after_session"),
            ],
            heading=_("What may be handed in, and when"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("report_entry_label"),
                FieldRowPanel(
                    [FieldPanel("report_min_entries"), FieldPanel("report_max_entries")]
                ),
                FieldPanel("report_fields"),
            ],
            heading=_("Report form"),
        ),
    ]


register_snippet(AssignmentViewSet)


@hooks.register("construct_reports_menu")
def hide_site_history_from_coordinators(request, menu_items):
    """The site-wide history lists every chapter's changes: superusers only
    (lms.middleware.AdminReachMiddleware refuses the address too)."""
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "site-history"]
