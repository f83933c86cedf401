"""Wagtail admin for running the programme, grouped under "Programme".

Chapters, cohorts, their staff, enrollments and sessions. Every listing, form
and object page is narrowed to what the signed-in person manages
(lms.permissions.managed_cohorts): a coordinator sees only her chapters' rows,
can pick only her own chapters and cohorts, and another chapter's edit page is
a 404. Superusers see everything.

Beyond plain editing: planning a cohort's weekly sessions, adding a trainee
without email (she gets a one-time sign-in link), moving and withdrawing
enrollments, and links to the front-end attendance registers and overview.
"""

from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.snippets.views.snippets import SnippetViewSet

from lms import permissions
from lms.admin.filters import (
    ChapterFilterSet,
    CohortFilterSet,
    CohortStaffFilterSet,
    EnrollmentFilterSet,
    SessionFilterSet,
)
from lms.admin.forms import (
    ChapterAdminForm,
    CohortAdminForm,
    CohortStaffAdminForm,
    EnrollmentAdminForm,
    SessionAdminForm,
)
from lms.admin.scoping import ScopedModelViewSet
from lms.admin.views import (
    AddTraineeView,
    CohortCreateView,
    CohortIndexView,
    CohortLinksColumn,
    EnrollmentIndexView,
    MoveEnrollmentView,
    PlanSessionsView,
    SessionCreateView,
    SessionEditView,
    SessionIndexView,
    WithdrawEnrollmentView,
    coordinator_names,
)
from lms.models import Assignment, Chapter, Cohort, CohortStaff, Enrollment, Session


class ChapterViewSet(ScopedModelViewSet):
    """Superusers edit chapters; coordinators look at their own."""

    model = Chapter
    icon = "site"
    menu_order = 100
    inspect_view_enabled = True
    list_display = [
        "name",
        "slug",
        Column("coordinators", label=_("Coordinators"), accessor=coordinator_names),
    ]
    filterset_class = ChapterFilterSet
    list_export = ["name", "slug"]
    edit_handler = ObjectList(
        [FieldPanel("name"), FieldPanel("slug"), FieldPanel("coordinators")],
        base_form_class=ChapterAdminForm,
    )

    def get_scoped_queryset(self, user):
        if user.is_superuser:
            chapters = Chapter.objects.all()
        else:
            chapters = Chapter.objects.filter(
                pk__in=permissions.managed_cohorts(user).values("chapter_id")
            ) | permissions.managed_chapters(user)
        return chapters.distinct().prefetch_related("coordinators")


class CohortViewSet(ScopedModelViewSet):
    model = Cohort
    icon = "group"
    menu_order = 200
    index_view_class = CohortIndexView
    add_view_class = CohortCreateView
    list_display = [
        "name",
        "chapter",
        Column("course", label=_("Course"), accessor="course.title"),
        "starts_on",
        "language",
        CohortLinksColumn("links", label=_("Run the cohort")),
    ]
    filterset_class = CohortFilterSet
    list_export = ["name", "chapter.name", "course.title", "starts_on", "ends_on"]
    export_headings = {
        "chapter.name": _("Chapter"),
        "course.title": _("Course"),
    }
    search_fields = ["name"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("chapter"),
            FieldPanel("course"),
            FieldPanel("starts_on"),
            FieldPanel("ends_on"),
            FieldPanel("language"),
            FieldPanel("capacity"),
            FieldPanel("open_all_material"),
        ],
        base_form_class=CohortAdminForm,
    )

    def get_scoped_queryset(self, user):
        return permissions.managed_cohorts(user).select_related("chapter", "course")

    @cached_property
    def plan_sessions_view(self):
        return PlanSessionsView.as_view(viewset=self)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/plan/", self.plan_sessions_view, name="plan_sessions"),
        ]


class CohortStaffViewSet(ScopedModelViewSet):
    model = CohortStaff
    icon = "user"
    menu_order = 300
    list_display = [
        "user",
        Column("name", label=_("Name"), accessor="user.get_full_name"),
        "cohort",
        "role",
    ]
    filterset_class = CohortStaffFilterSet
    list_export = ["user.get_full_name", "user.username", "cohort.name", "role"]
    export_headings = {
        "user.get_full_name": _("Name"),
        "user.username": _("Username"),
        "cohort.name": _("Cohort"),
    }
    edit_handler = ObjectList(
        [FieldPanel("cohort"), FieldPanel("user"), FieldPanel("role")],
        base_form_class=CohortStaffAdminForm,
    )

    def get_scoped_queryset(self, user):
        return CohortStaff.objects.filter(
            cohort__in=permissions.managed_cohorts(user)
        ).select_related("user", "cohort")


class EnrollmentViewSet(ScopedModelViewSet):
    model = Enrollment
    icon = "group"
    menu_order = 400
    index_view_class = EnrollmentIndexView
    list_display = [
        "user",
        Column("name", label=_("Name"), accessor="user.get_full_name"),
        "cohort",
        "status",
        "enrolled_on",
    ]
    filterset_class = EnrollmentFilterSet
    # Screening notes stay out of exports: they are for coordinators' eyes.
    list_export = [
        "user.first_name",
        "user.last_name",
        "user.username",
        "cohort.name",
        "get_status_display",
        "enrolled_on",
    ]
    export_headings = {
        "user.first_name": _("First name"),
        "user.last_name": _("Last name"),
        "user.username": _("Username"),
        "cohort.name": _("Cohort"),
        "get_status_display": _("Status"),
    }
    search_fields = ["user__first_name", "user__last_name", "user__username"]
    edit_handler = ObjectList(
        [
            FieldPanel("cohort"),
            FieldPanel("user"),
            FieldPanel("status"),
            FieldPanel("enrolled_on"),
            FieldPanel("screening_notes"),
        ],
        base_form_class=EnrollmentAdminForm,
    )

    def get_scoped_queryset(self, user):
        return Enrollment.objects.filter(
            cohort__in=permissions.managed_cohorts(user)
        ).select_related("user", "cohort")

    @cached_property
    def add_trainee_view(self):
        return AddTraineeView.as_view(viewset=self)

    @cached_property
    def move_view(self):
        return MoveEnrollmentView.as_view(viewset=self)

    @cached_property
    def withdraw_view(self):
        return WithdrawEnrollmentView.as_view(viewset=self)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("add-trainee/", self.add_trainee_view, name="add_trainee"),
            path("<int:pk>/move/", self.move_view, name="move"),
            path("<int:pk>/withdraw/", self.withdraw_view, name="withdraw"),
        ]


class SessionViewSet(ScopedModelViewSet):
    model = Session
    icon = "date"
    menu_order = 500
    index_view_class = SessionIndexView
    add_view_class = SessionCreateView
    edit_view_class = SessionEditView
    ordering = ["starts_at"]
    list_display = [
        "module",
        "cohort",
        "starts_at",
        "place",
        BooleanColumn("cancelled", label=_("Cancelled")),
    ]
    filterset_class = SessionFilterSet
    list_export = ["cohort.name", "module.title", "starts_at", "ends_at", "place"]
    export_headings = {"cohort.name": _("Cohort"), "module.title": _("Module")}
    edit_handler = ObjectList(
        [
            FieldPanel("cohort"),
            FieldPanel("module"),
            FieldPanel("starts_at"),
            FieldPanel("ends_at"),
            FieldPanel("place"),
            FieldPanel("lecturers"),
            FieldPanel("cancelled"),
        ],
        base_form_class=SessionAdminForm,
    )

    def get_scoped_queryset(self, user):
        return Session.objects.filter(
            cohort__in=permissions.managed_cohorts(user)
        ).select_related("cohort", "module")


class ProgrammeViewSetGroup(ModelViewSetGroup):
    menu_label = _("Programme")
    menu_icon = "group"
    menu_order = 250
    items = (
        ChapterViewSet("lms_chapter", url_prefix="programme/chapters"),
        CohortViewSet("lms_cohort", url_prefix="programme/cohorts"),
        CohortStaffViewSet("lms_cohortstaff", url_prefix="programme/staff"),
        EnrollmentViewSet("lms_enrollment", url_prefix="programme/enrollments"),
        SessionViewSet("lms_session", url_prefix="programme/sessions"),
    )


# --- the engine's snippets ---------------------------------------------------


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
